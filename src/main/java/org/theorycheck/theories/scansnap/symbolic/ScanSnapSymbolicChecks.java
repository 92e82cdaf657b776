package org.theorycheck.theories.scansnap.symbolic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import org.theorycheck.core.symbolic.Proof;
import org.theorycheck.core.symbolic.SymbolicCheckResult;
import org.theorycheck.core.symbolic.SymbolicCheckResult.Decision;
import org.theorycheck.core.symbolic.SymbolicCheckResult.Method;
import org.theorycheck.core.symbolic.SymbolicEngine;
import org.theorycheck.core.symbolic.SymbolicTimeoutException;

/**
 * Symbolic checks of the claims of "Scan and Snap", each returning a {@link SymbolicCheckResult},
 * registered by id so that claim files can name them. A check reports what it found: a paper
 * formula that does not hold gives {@code holds = false} with the residual, never an adjusted formula.
 *
 * <p>Confined to the thread that created it (see {@link SymbolicEngine}).
 */
public final class ScanSnapSymbolicChecks {

    private static final Map<String, Function<ScanSnapSymbolicChecks, SymbolicCheckResult>> REGISTRY = registry();

    private static Map<String, Function<ScanSnapSymbolicChecks, SymbolicCheckResult>> registry() {
        Map<String, Function<ScanSnapSymbolicChecks, SymbolicCheckResult>> checks = new LinkedHashMap<>();
        checks.put("lemma1-gradient", ScanSnapSymbolicChecks::lemma1Gradient);
        checks.put("lemma1-row-sums", ScanSnapSymbolicChecks::lemma1RowSums);
        checks.put("lemma6-implicit-solution", ScanSnapSymbolicChecks::lemma6ImplicitSolution);
        checks.put("lemma6-lambert-w", ScanSnapSymbolicChecks::lemma6LambertW);
        checks.put("appF-closed-forms", ScanSnapSymbolicChecks::appFClosedForms);
        checks.put("thm3-relative-gain", ScanSnapSymbolicChecks::thm3RelativeGain);
        checks.put("thm3-eqn11", ScanSnapSymbolicChecks::thm3Eqn11);
        checks.put("thm2b-single-common-identity", ScanSnapSymbolicChecks::thm2bSingleCommonIdentity);
        checks.put("thm4-regimes", ScanSnapSymbolicChecks::thm4Regimes);
        checks.put("lemma5-vs-lemma6", ScanSnapSymbolicChecks::lemma5VsLemma6);
        checks.put("bridge-decoder", c -> new JavaSymjaBridges(c.eq).decoder());
        checks.put("bridge-appendix-f", c -> new JavaSymjaBridges(c.eq).appendixF());
        checks.put("bridge-gradient", c -> new JavaSymjaBridges(c.eq).gradient());
        checks.put("bridge-reduced-eqn97", c -> new JavaSymjaBridges(c.eq).reduced());
        return Map.copyOf(checks);
    }

    private static final List<String> IDS = List.copyOf(registry().keySet());

    /** Random points for the point-wise checks; fixed so that every run reports the same evidence. */
    private static final long SEED = Proof.SEED;

    /** Points for the small instance's gradient residuals. */
    private static final int GRADIENT_POINTS = 4;

    /** Bound on |residual| of double evaluations of O(1) quantities: 1e4 times round-off, far below any real error. */
    private static final double MACHINE_PRECISION_BOUND = 1e-12;

    /** Significant digits of the high-precision evaluations. */
    private static final int HIGH_PRECISION_DIGITS = Proof.HIGH_PRECISION_DIGITS;

    /** Bound on |residual| of 30-digit evaluations: far above their round-off (~1e-28), far below any real error. */
    private static final double HIGH_PRECISION_BOUND = 1e-20;

    private final ScanSnapEquations eq;
    private final SymbolicEngine engine;

    private final Duration limit;

    public ScanSnapSymbolicChecks(ScanSnapEquations equations) {
        this(equations, SymbolicEngine.DEFAULT_TIMEOUT);
    }

    /**
     * @param limit the time limit of each simplification and evaluation; reaching it leaves the check
     *              undecided
     */
    public ScanSnapSymbolicChecks(ScanSnapEquations equations, Duration limit) {
        this.eq = equations;
        this.engine = equations.engine();
        this.limit = limit;
    }

    /** All check ids, in a stable order. */
    public static List<String> ids() {
        return IDS;
    }

    /** Runs one check by id on the calling thread, with the shared engine. */
    public static SymbolicCheckResult run(String id) {
        return new ScanSnapSymbolicChecks(new ScanSnapEquations(SymbolicEngine.shared())).runCheck(id);
    }

    /** Runs one check by id. */
    public SymbolicCheckResult runCheck(String id) {
        Function<ScanSnapSymbolicChecks, SymbolicCheckResult> check = REGISTRY.get(id);
        if (check == null) {
            throw new IllegalArgumentException("Unknown symbolic check '" + id + "'; known: " + IDS);
        }
        return check.apply(this);
    }

    /** Runs every check, in {@link #ids()} order. */
    public List<SymbolicCheckResult> runAll() {
        List<SymbolicCheckResult> results = new ArrayList<>();
        for (String id : IDS) {
            results.add(runCheck(id));
        }
        return results;
    }

    // ------------------------------------------------------------------ helpers

    private IExpr eval(IExpr expr) {
        return engine.evaluate(expr, limit);
    }

    private IExpr at(IExpr expr, ISymbol symbol, IExpr value) {
        return engine.substitute(expr, Map.of(symbol, value));
    }

    // ------------------------------------------------------------------ Lemma 1

    /** A candidate formula for the rates of the small instance, e.g. Eqn. 3 or a deliberately wrong variant. */
    public interface GradientFormula {
        IExpr dY(SmallInstance inst, int l, int k);

        IExpr dz(SmallInstance inst, int l);
    }

    /** Eqn. 3 as stated by the paper. */
    public static final GradientFormula EQN_3 = new GradientFormula() {
        @Override
        public IExpr dY(SmallInstance inst, int l, int k) {
            return inst.eqn3DeltaY(l, k);
        }

        @Override
        public IExpr dz(SmallInstance inst, int l) {
            return inst.eqn3DeltaZ(l);
        }
    };

    /**
     * Lemma 1, Eqn. 3: the derivative of {@code J = -loss} with respect to every entry of Y and of
     * the query row z equals Eqn. 3, on the M=3 instance with contextual tokens (0, 1, 1) and next
     * token 0 (token 1 repeated, token 2 absent).
     */
    public SymbolicCheckResult lemma1Gradient() {
        return gradientMatches("lemma1-gradient", "Lemma 1, Eqn. 3",
                "dJ/dY = f (e_n - alpha)^T and dJ/dz_m = diag(f)(I - f f^T) Y (e_n - alpha) for the normalized model",
                eq.smallInstance(new int[] {0, 1, 1}, 0), EQN_3);
    }

    /**
     * Compares the algebra system's derivative of {@code J} with a candidate formula at random real
     * points in double precision. Stronger decisions were tried and are impractical for this
     * expression: simplifying the symbolic residual ran for minutes; at rational points chosen so that
     * {@code f} is rational, combining the remaining {@code e^{rational}} terms exceeded the time limit;
     * 30-digit evaluation took several seconds per entry and point.
     */
    public SymbolicCheckResult gradientMatches(
            String id, String source, String statement, SmallInstance inst, GradientFormula formula) {
        return Proof.timed(id, source, statement, Method.MACHINE_PRECISION_POINTS, () -> {
            int size = SmallInstance.VOCABULARY;
            List<String> names = new ArrayList<>();
            List<IExpr> derivatives = new ArrayList<>();
            List<IExpr> claimed = new ArrayList<>();
            for (int l = 0; l < size; l++) {
                for (int k = 0; k < size; k++) {
                    derivatives.add(inst.objectiveDerivative(inst.y(l, k)));
                    claimed.add(formula.dY(inst, l, k));
                    names.add("dY[" + l + "][" + k + "]");
                }
            }
            for (int l = 0; l < size; l++) {
                derivatives.add(inst.objectiveDerivative(inst.z(l)));
                claimed.add(formula.dz(inst, l));
                names.add("dz[" + l + "]");
            }
            Random random = new Random(SEED);
            double worst = 0;
            String worstAt = "";
            for (int point = 0; point < GRADIENT_POINTS; point++) {
                Map<ISymbol, Double> values = new LinkedHashMap<>();
                for (int l = 0; l < size; l++) {
                    for (int k = 0; k < size; k++) {
                        values.put(inst.y(l, k), 6 * random.nextDouble() - 3);
                    }
                }
                for (int l = 0; l < size; l++) {
                    values.put(inst.z(l), 4 * random.nextDouble() - 2);
                }
                for (int j = 0; j < names.size(); j++) {
                    double exact = engine.numeric(derivatives.get(j), values);
                    double stated = engine.numeric(claimed.get(j), values);
                    double value = Math.abs(exact - stated);
                    if (value > worst || Double.isNaN(value)) {
                        worst = value;
                        worstAt = names.get(j) + " (derivative " + exact + ", formula " + stated + ") at " + values;
                    }
                }
            }
            boolean holds = worst < MACHINE_PRECISION_BOUND;
            return new Proof.Finding(holds ? Decision.ESTABLISHED : Decision.REFUTED,
                    "contextual tokens " + java.util.Arrays.toString(inst.contextTokens()) + ", next token " + inst.next()
                            + "; max |Symja's dJ/dx - formula| over the " + names.size() + " entries (9 of Y, 3 of z) at "
                            + GRADIENT_POINTS + " random points (Y in [-3,3], z in [-2,2]) = " + worst
                            + " (bound " + MACHINE_PRECISION_BOUND + ")" + (holds ? "" : "; largest: " + worstAt));
        });
    }

    /**
     * Lemma 1 (after Eqn. 4): the rows of Eqn. 3's {@code dY/dt} and {@code dz_m/dt} sum to 0, so row
     * sums of Y and Z are invariant. Checked on Eqn. 3 with generic symbols, M = 3: {@code f = a/||a||}
     * for a symbolic {@code a}, {@code alpha = softmax(o)} for symbolic logits, and for {@code dz_m} any
     * vector {@code g} in place of {@code Y(e_n - alpha)}, since only {@code ||f|| = 1} matters there.
     */
    public SymbolicCheckResult lemma1RowSums() {
        return Proof.timed("lemma1-row-sums", "Lemma 1, Eqn. 3-4",
                "every row of dY/dt and dz_m/dt sums to 0 (row sums of Y and Z are constant)", Method.EXACT_SIMPLIFICATION, () -> {
                    int size = 3;
                    int next = 0;
                    ISymbol[] a = new ISymbol[size];
                    ISymbol[] o = new ISymbol[size];
                    ISymbol[] g = new ISymbol[size];
                    for (int l = 0; l < size; l++) {
                        a[l] = engine.symbol("av" + l);
                        o[l] = engine.symbol("ov" + l);
                        g[l] = engine.symbol("gv" + l);
                    }
                    IASTAppendable squares = F.PlusAlloc(size);
                    IASTAppendable partition = F.PlusAlloc(size);
                    for (int l = 0; l < size; l++) {
                        squares.append(F.Sqr(a[l]));
                        partition.append(F.Exp(o[l]));
                    }
                    IExpr[] f = new IExpr[size];
                    IExpr[] err = new IExpr[size];
                    for (int l = 0; l < size; l++) {
                        f[l] = F.Divide(a[l], F.Sqrt(squares));
                        err[l] = F.Subtract(l == next ? F.C1 : F.C0, F.Divide(F.Exp(o[l]), partition));
                    }
                    Proof parts = new Proof(engine, limit);
                    for (int l = 0; l < size; l++) {
                        IASTAppendable rowSum = F.PlusAlloc(size);
                        for (int k = 0; k < size; k++) {
                            rowSum.append(F.Times(f[l], err[k]));
                        }
                        parts.zero("row " + l + " of dY/dt", rowSum);
                    }
                    IASTAppendable fDotG = F.PlusAlloc(size);
                    for (int l = 0; l < size; l++) {
                        fDotG.append(F.Times(f[l], g[l]));
                    }
                    IASTAppendable zSum = F.PlusAlloc(size);
                    for (int l = 0; l < size; l++) {
                        zSum.append(F.Times(f[l], F.Subtract(g[l], F.Times(f[l], fDotG))));
                    }
                    parts.zero("dz_m/dt for any back-propagated g = Y(e_n - alpha)", zSum);
                    return parts.finding();
                });
    }

    // ------------------------------------------------------------------ Lemmas 5-7

    /**
     * Lemma 6, Eqns. 44-45: differentiating {@code e^{Mh} + (M-1)Mh = M eta_Y t + 1} implicitly gives
     * {@code dh/dt = eta_Y / ((M-1) + e^{Mh})}, and h(0) = 0 satisfies it at t = 0.
     */
    public SymbolicCheckResult lemma6ImplicitSolution() {
        return Proof.timed("lemma6-implicit-solution", "Lemma 6, Eqn. 44-45",
                "e^{Mh} + (M-1)Mh = M eta_Y t + 1 solves dh/dt = eta_Y/((M-1)+e^{Mh}) with h(0) = 0", Method.EXACT_SIMPLIFICATION, () -> {
                    ScanSnapEquations.Symbols s = eq.symbols();
                    IExpr implicit = eq.lemma6ImplicitResidual(s.h(), s.t());
                    IExpr slope = F.Negate(F.Divide(F.D(implicit, s.t()), F.D(implicit, s.h())));
                    Proof parts = new Proof(engine, limit);
                    parts.zero("-(dF/dt)/(dF/dh) - eta_Y/((M-1)+e^{Mh})", F.Subtract(slope, eq.lemma6Rhs(s.h())));
                    parts.zero("F(h=0, t=0)", at(at(implicit, s.h(), F.C0), s.t(), F.C0));
                    IExpr dFdh = eval(F.D(implicit, s.h()));
                    parts.note("dF/dh = " + dFdh + " > 0 for M > 1, so the implicit function theorem applies");
                    return parts.finding();
                });
    }

    /**
     * Lemma 6: the closed form {@code h(t) = (R/c - W(e^{R/c}/c))/M} ({@code c = M-1},
     * {@code R = M eta_Y t + 1}) satisfies the implicit equation, and h(0) = 0.
     */
    public SymbolicCheckResult lemma6LambertW() {
        return Proof.timed("lemma6-lambert-w", "Lemma 6, Eqn. 45 (closed form by Lambert W)",
                "h(t) = (R/c - W(e^{R/c}/c))/M, c = M-1, R = M eta_Y t + 1, solves e^{Mh} + (M-1)Mh = M eta_Y t + 1 with h(0) = 0",
                Method.EXACT_RATIONAL_POINTS, () -> {
                    ScanSnapEquations.Symbols s = eq.symbols();
                    IExpr closedForm = eq.lemma6LambertH(s.t());
                    Proof parts = new Proof(engine, limit);
                    IExpr residualOfClosedForm = eq.lemma6ImplicitResidual(closedForm, s.t());
                    parts.zero("implicit equation at h = closed form", residualOfClosedForm);
                    int[] sizes = {2, 3, 5, 10, 1000};
                    for (int m : sizes) {
                        IExpr h0 = eval(F.ReplaceAll(closedForm, F.list(F.Rule(s.t(), F.C0), F.Rule(s.m(), F.ZZ(m)))));
                        parts.require("h(0) at M=" + m, h0.isZero(), "= " + h0);
                    }
                    Random random = new Random(SEED);
                    double worst = 0;
                    int points = 10;
                    for (int i = 0; i < points; i++) {
                        double m = 2 + random.nextInt(999);
                        double etaY = 0.01 + 10 * random.nextDouble();
                        double time = 1000 * random.nextDouble();
                        double residual = engine.numeric(residualOfClosedForm,
                                Map.of(s.m(), m, s.etaY(), etaY, s.t(), time), HIGH_PRECISION_DIGITS).doubleValue();
                        worst = Math.max(worst, Math.abs(residual) / (m * etaY * time + 1));
                    }
                    parts.require("principal branch", worst < HIGH_PRECISION_BOUND, "max |residual|/(M eta_Y t + 1) = " + worst
                            + " (bound " + HIGH_PRECISION_BOUND + ") at " + points
                            + " random points M in [2,1000], eta_Y in [0.01,10], t in [0,1000], 30 digits");
                    return parts.finding();
                });
    }

    /**
     * Lemmas 5-7: the recursion of Lemma 5 is the forward-Euler step (step 1) of Lemma 6's ODE, and
     * the ODE's right-hand side decreases in h, so each Euler step overshoots (Lemma 7's h* >= h).
     */
    public SymbolicCheckResult lemma5VsLemma6() {
        return Proof.timed("lemma5-vs-lemma6", "Lemma 5 (Eqns. 31-33), Lemma 6 (Eqn. 44), Lemma 7",
                "h*(s) = h*(s-1) + eta_Y/((M-1)+e^{M h*(s-1)}) is forward Euler with step 1 for dh/ds = eta_Y/((M-1)+e^{Mh}); "
                        + "d/dh of the right-hand side is negative, so Euler overshoots",
                Method.EXACT_SIMPLIFICATION, () -> {
                    ScanSnapEquations.Symbols s = eq.symbols();
                    Proof parts = new Proof(engine, limit);
                    parts.zero("Lemma 5 step - (h + 1 * Lemma 6 rhs)",
                            F.Subtract(eq.lemma5Step(s.h()), F.Plus(s.h(), eq.lemma6Rhs(s.h()))));
                    IExpr derivative = F.D(eq.lemma6Rhs(s.h()), s.h());
                    IExpr growth = F.Exp(F.Times(s.m(), s.h()));
                    IExpr manifest = F.Negate(F.Divide(F.Times(s.etaY(), s.m(), growth),
                            F.Sqr(F.Plus(F.Subtract(s.m(), F.C1), growth))));
                    parts.zero("d(rhs)/dh + eta_Y M e^{Mh}/((M-1)+e^{Mh})^2", F.Subtract(derivative, manifest));
                    parts.note("so d(rhs)/dh = -eta_Y M e^{Mh}/((M-1)+e^{Mh})^2 < 0 for eta_Y > 0, M > 1");
                    Random random = new Random(SEED);
                    int negative = 0;
                    int points = 10;
                    for (int i = 0; i < points; i++) {
                        double value = engine.numeric(derivative, Map.of(s.h(), 10 * random.nextDouble() - 2,
                                s.m(), 1.0 + 2 + random.nextInt(100), s.etaY(), 0.01 + 5 * random.nextDouble()),
                                HIGH_PRECISION_DIGITS).doubleValue();
                        negative += value < 0 ? 1 : 0;
                    }
                    parts.require("sign", negative == points, negative + "/" + points + " random points negative");
                    return parts.finding();
                });
    }

    // ------------------------------------------------------------------ Appendix F

    /**
     * Appendix F (Eqns. 13, 123, 124, 128): the closed forms solve Eqn. 13 and its companions. Time
     * derivatives are taken by the algebra system's chain rule on unknown functions {@code Gamma(t)} and
     * {@code h(s)}, then their derivatives are replaced by {@code eta_Z gamma} and Lemma 6's right-hand side.
     */
    public SymbolicCheckResult appFClosedForms() {
        return Proof.timed("appF-closed-forms", "Appendix F, Eqns. 13, 123, 124, 128",
                "z = -1/4 ln(1+4 Gamma/C0) solves Eqn. 13 with z(0)=0; xi = gamma/(C0+4Gamma) = C0^-1 gamma e^{4z}; "
                        + "dB/dt = eta_Z xi for B = 1/4 ln(C0+4Gamma); Eqn. 128 satisfies dGamma/dt = eta_Z gamma(t)",
                Method.EXACT_SIMPLIFICATION, () -> {
                    ScanSnapEquations.Symbols s = eq.symbols();
                    ISymbol capGammaFn = engine.symbol("capgamfn");
                    ISymbol hFn = engine.symbol("hfn");
                    IExpr capGammaOfT = F.unaryAST1(capGammaFn, s.t());
                    IExpr capGammaRate = F.Function(F.Times(s.etaZ(), s.gamma()));
                    Proof parts = new Proof(engine, limit);

                    IExpr z = eq.appFZ(capGammaOfT);
                    IExpr dzdt = derivativeReplaced(z, s.t(), capGammaFn, capGammaRate);
                    parts.zero("dz/dt - Eqn. 13 rhs", F.Subtract(dzdt, eq.eqn13Rhs(z)));
                    parts.zero("z at Gamma = 0", eq.appFZ(F.C0));

                    IExpr xiAsStated = eq.appFXi(s.gamma(), s.capGamma());
                    IExpr xiFromEqn13 = F.Times(F.Power(s.c0(), F.CN1), s.gamma(), F.Exp(F.Times(F.C4, eq.appFZ(s.capGamma()))));
                    parts.zero("Eqn. 123 - C0^-1 gamma e^{4z}", F.Subtract(xiAsStated, xiFromEqn13));

                    IExpr b = eq.appFB(capGammaOfT);
                    IExpr dbdt = derivativeReplaced(b, s.t(), capGammaFn, capGammaRate);
                    parts.zero("dB/dt - eta_Z xi", F.Subtract(dbdt, F.Times(s.etaZ(), eq.appFXi(s.gamma(), capGammaOfT))));
                    IExpr b0 = eval(eq.appFB(F.C0));
                    parts.note("B at Gamma = 0 is " + b0 + ", the constant the paper drops (B_n(0) = 0 needs -1/4 ln C0)");

                    IExpr hOfS = F.unaryAST1(hFn, F.Divide(s.t(), s.k()));
                    IExpr capGamma128 = eq.eqn128CapGamma(hOfS);
                    IExpr odeRate = F.Function(eq.lemma6Rhs(F.unaryAST1(hFn, F.Slot1)));
                    IExpr dGammadt = derivativeReplaced(capGamma128, s.t(), hFn, odeRate);
                    IExpr target = F.Times(s.etaZ(), eq.gammaOfH(hOfS));
                    parts.zero("d/dt Eqn. 128 - eta_Z gamma(t)", F.Subtract(dGammadt, target));
                    IExpr ratio = engine.simplify(F.Divide(dGammadt, target), limit);
                    parts.note("(d/dt Eqn. 128) / (eta_Z gamma(t)) = " + ratio);
                    parts.zero("Eqn. 128 at h = 0", eq.eqn128CapGamma(F.C0));
                    return parts.finding();
                });
    }

    /** {@code d expr / d var}, with every {@code fn'} replaced by {@code rate} (a pure function of the argument). */
    private IExpr derivativeReplaced(IExpr expr, ISymbol var, ISymbol fn, IExpr rate) {
        IExpr derivative = eval(F.D(expr, var));
        IExpr fnPrime = F.unaryAST1(F.Derivative(F.C1), fn);
        return eval(F.ReplaceAll(derivative, F.Rule(fnPrime, rate)));
    }

    // ------------------------------------------------------------------ Theorems 2 and 3

    /** Symbols of the two-token reduced dynamics of Theorem 3. */
    private record TwoTokens(ISymbol zl, ISymbol zlp, ISymbol zl0, ISymbol zlp0, ISymbol pl, ISymbol plp, ISymbol kappa) {}

    private TwoTokens twoTokens() {
        return new TwoTokens(engine.symbol("zl"), engine.symbol("zlp"), engine.symbol("zlzero"), engine.symbol("zlpzero"),
                engine.symbol("pl"), engine.symbol("plp"), engine.symbol("kappa"));
    }

    /** {@code (r(0) + 1) = (c~_l(0)/c~_l'(0))^2} with Eqn. 5's {@code c~ = P e^z}. */
    private IExpr initialRatioSquared(TwoTokens v) {
        return F.Sqr(F.Divide(eq.eqn5CTilde(v.pl(), v.zl0()), eq.eqn5CTilde(v.plp(), v.zlp0())));
    }

    /**
     * Theorem 3, Eqn. 110 from Eqn. 98: along {@code dz_l/dt = kappa P_l^2 e^{2z_l}},
     * {@code dz_l'/dt = kappa P_l'^2 e^{2z_l'}} (common kappa(t) > 0, the form Eqn. 98 takes with
     * {@code f_l = c~_l/||c~||}), the quantity {@code (e^{-2 dz_l} - 1) - (r(0)+1)(e^{-2 dz_l'} - 1)}
     * has zero time derivative and is 0 at t = 0.
     */
    public SymbolicCheckResult thm3RelativeGain() {
        return Proof.timed("thm3-relative-gain", "Theorem 3, Eqn. 98 and Eqn. 110",
                "e^{-2 dz_l} - 1 = (r(0)+1)(e^{-2 dz_l'} - 1) is conserved by dz_l/dz_l' = (c~_l/c~_l')^2", Method.EXACT_SIMPLIFICATION, () -> {
                    TwoTokens v = twoTokens();
                    IExpr rateL = F.Times(v.kappa(), F.Sqr(v.pl()), F.Exp(F.Times(F.C2, v.zl())));
                    IExpr rateLp = F.Times(v.kappa(), F.Sqr(v.plp()), F.Exp(F.Times(F.C2, v.zlp())));
                    Proof parts = new Proof(engine, limit);
                    IExpr ratioOfRates = F.Divide(rateL, rateLp);
                    IExpr cTildeRatioSquared = F.Sqr(F.Divide(eq.eqn5CTilde(v.pl(), v.zl()), eq.eqn5CTilde(v.plp(), v.zlp())));
                    parts.zero("Eqn. 98 rate ratio - (c~_l/c~_l')^2", F.Subtract(ratioOfRates, cTildeRatioSquared));
                    IExpr conserved = eqn110Residual(v);
                    IExpr dQdt = F.Plus(F.Times(F.D(conserved, v.zl()), rateL), F.Times(F.D(conserved, v.zlp()), rateLp));
                    parts.zero("d/dt of Eqn. 110 residual", dQdt);
                    parts.zero("Eqn. 110 residual at t = 0", at(at(conserved, v.zl(), v.zl0()), v.zlp(), v.zlp0()));
                    return parts.finding();
                });
    }

    private IExpr eqn110Residual(TwoTokens v) {
        IExpr lhs = F.Subtract(F.Exp(F.Times(F.CN2, F.Subtract(v.zl(), v.zl0()))), F.C1);
        IExpr rhs = F.Times(initialRatioSquared(v), F.Subtract(F.Exp(F.Times(F.CN2, F.Subtract(v.zlp(), v.zlp0()))), F.C1));
        return F.Subtract(lhs, rhs);
    }

    /**
     * Theorem 3, Eqn. 11: {@code r(t) = r(0) exp(2 dz_l)} with {@code r = (c~_l/c~_l')^2 - 1}. Not a first
     * integral by itself; it is checked on the level set of Eqn. 110 that the trajectory lies on, by
     * solving Eqn. 110 for {@code e^{-2 dz_l'}} and substituting.
     */
    public SymbolicCheckResult thm3Eqn11() {
        TwoTokens v = twoTokens();
        IExpr rPlusOne0 = initialRatioSquared(v);
        IExpr growthL = F.Exp(F.Times(F.CN2, F.Subtract(v.zl(), v.zl0())));
        IExpr growthLpOnLevelSet = F.Plus(F.C1, F.Divide(F.Subtract(growthL, F.C1), rPlusOne0));
        IExpr zlpOnLevelSet = F.Plus(v.zlp0(), F.Times(F.CN1D2, F.Log(growthLpOnLevelSet)));
        IExpr r = F.Subtract(F.Sqr(F.Divide(eq.eqn5CTilde(v.pl(), v.zl()), eq.eqn5CTilde(v.plp(), zlpOnLevelSet))), F.C1);
        IExpr claimed = F.Times(F.Subtract(rPlusOne0, F.C1), F.Exp(F.Times(F.C2, F.Subtract(v.zl(), v.zl0()))));
        return identity("thm3-eqn11", "Theorem 3, Eqn. 11",
                "r_{l/l'}(t) = r_{l/l'}(0) exp(2(z_l(t) - z_l(0))) exactly along the reduced dynamics (a consequence of Eqn. 110)",
                "r(t) - r(0) e^{2 dz_l} on the Eqn. 110 level set", F.Subtract(r, claimed));
    }

    /**
     * A check that one residual is identically 0, by exact simplification: established if it simplifies
     * to 0, refuted by a rational point where it is a non-zero number, otherwise undecided.
     */
    SymbolicCheckResult identity(String id, String source, String statement, String name, IExpr residual) {
        return Proof.timed(id, source, statement, Method.EXACT_SIMPLIFICATION, () -> {
            Proof parts = new Proof(engine, limit);
            parts.zero(name, residual);
            return parts.finding();
        });
    }

    /**
     * Theorem 2(b), Eqns. 99-100: with l the only token where unit vectors f and f' are both non-zero,
     * {@code f_l[(f^T f') f_l - f'_l] = -(1 - f_l^2)(f^T f')}; and Eqn. 97 then equals
     * {@code -eta_Z sum_n (1 - f_{nl}^2) xi_n} for two classes sharing only l.
     */
    public SymbolicCheckResult thm2bSingleCommonIdentity() {
        return Proof.timed("thm2b-single-common-identity", "Theorem 2(b), Eqns. 97, 99-100",
                "f_l[(f^T f') f_l - f'_l] = -(1 - f_l^2)(f^T f') when l is the only shared token", Method.EXACT_SIMPLIFICATION, () -> {
                    ISymbol fl = engine.symbol("fl");
                    ISymbol u1 = engine.symbol("uone");
                    ISymbol gl = engine.symbol("gl");
                    ISymbol v1 = engine.symbol("vone");
                    IExpr u2 = F.Sqrt(F.Subtract(F.Subtract(F.C1, F.Sqr(fl)), F.Sqr(u1)));
                    IExpr v2 = F.Sqrt(F.Subtract(F.Subtract(F.C1, F.Sqr(gl)), F.Sqr(v1)));
                    List<IExpr> f = List.of(fl, u1, u2, F.C0, F.C0);
                    List<IExpr> fp = List.of(gl, F.C0, F.C0, v1, v2);
                    IExpr overlap = ScanSnapEquations.dot(f, fp);
                    IExpr lhs = F.Times(fl, F.Subtract(F.Times(overlap, fl), gl));
                    IExpr rhs = F.Negate(F.Times(F.Subtract(F.C1, F.Sqr(fl)), overlap));
                    Proof parts = new Proof(engine, limit);
                    parts.zero("identity with unit norms substituted", F.Subtract(lhs, rhs));
                    parts.zero("unit norm of f", F.Subtract(ScanSnapEquations.dot(f, f), F.C1));

                    ISymbol b01 = engine.symbol("betazeroone");
                    ISymbol b10 = engine.symbol("betaonezero");
                    IExpr[][] beta = {{F.C0, b01}, {b10, F.C0}};
                    IExpr dz = eq.eqn97(List.of(f, fp), beta, List.of(0, 1), 0);
                    ScanSnapEquations.Symbols s = eq.symbols();
                    IExpr xi0 = F.Times(s.gamma(), b01, overlap);
                    IExpr xi1 = F.Times(s.gamma(), b10, overlap);
                    IExpr eqn100 = F.Negate(F.Times(s.etaZ(), F.Plus(
                            F.Times(F.Subtract(F.C1, F.Sqr(fl)), xi0), F.Times(F.Subtract(F.C1, F.Sqr(gl)), xi1))));
                    parts.zero("Eqn. 97 - Eqn. 100 for two classes sharing only token l", F.Subtract(dz, eqn100));
                    parts.note("the identity holds for any vectors with a single shared support index, unit norm or not");
                    return parts.finding();
                });
    }

    // ------------------------------------------------------------------ Theorem 4

    /**
     * Theorem 4, Eqn. 14 from Eqn. 129 and Lemma 9's two forms of h: substituting them reproduces
     * Eqn. 14's two displays, and {@code B/ln t -> 1/2} (scan) and {@code B/ln ln t -> 1/2} (snap).
     */
    public SymbolicCheckResult thm4Regimes() {
        return Proof.timed("thm4-regimes", "Theorem 4, Eqn. 14; Appendix F, Eqn. 129; Lemma 9",
                "B_n(t) from Eqn. 129 equals Eqn. 14's two displays under h ~ eta_Y s/M and h ~ ln(M eta_Y s)/M, "
                        + "and grows like (1/2) ln t before the snap and (1/2) ln ln t after", Method.SYMBOLIC_LIMIT, () -> {
                    ScanSnapEquations.Symbols s = eq.symbols();
                    IExpr timeOverK = F.Divide(s.t(), s.k());
                    IExpr early = eq.eqn129B(eq.lemma9EarlyH(timeOverK));
                    IExpr late = eq.eqn129B(eq.lemma9LateH(timeOverK));
                    Proof parts = new Proof(engine, limit);
                    parts.zero("Eqn. 129 with h = eta_Y t/(K M), minus Eqn. 14 scan display", F.Subtract(early, eq.eqn14Scan()));
                    parts.zero("Eqn. 129 with h = ln(M eta_Y t/K)/M, minus Eqn. 14 snap display", F.Subtract(late, eq.eqn14Snap()));

                    IExpr slopeAtZero = eval(eq.lemma6Rhs(F.C0));
                    parts.zero("dh/ds at h = 0 minus eta_Y/M (early form)", F.Subtract(slopeAtZero, F.Divide(s.etaY(), s.m())));
                    ISymbol w = engine.symbol("wexp");
                    IExpr rhsTimesGrowth = F.Divide(F.Times(s.etaY(), w), F.Plus(F.Subtract(s.m(), F.C1), w));
                    IExpr lateSlope = eval(F.Limit(rhsTimesGrowth, F.Rule(w, F.CInfinity)));
                    parts.limit("late form", lateSlope, lateSlope.equals(s.etaY()),
                            "Limit of (dh/ds) e^{Mh} as e^{Mh} -> Infinity is " + lateSlope
                                    + " (so d e^{Mh}/ds -> M eta_Y and e^{Mh} ~ M eta_Y s)");

                    IExpr lnT = F.Log(s.t());
                    IExpr denominatorScan = eval(F.Limit(F.Power(lnT, F.CN1), F.Rule(s.t(), F.CInfinity)));
                    IExpr scan = eval(F.Limit(F.Divide(F.D(early, s.t()), F.D(lnT, s.t())), F.Rule(s.t(), F.CInfinity)));
                    IExpr scanDirect = eval(F.Limit(F.Divide(early, lnT), F.Rule(s.t(), F.CInfinity)));
                    parts.limit("scan growth", F.List(denominatorScan, scan), denominatorScan.isZero() && scan.equals(F.C1D2),
                            "Limit(B'(t)/(ln t)') = " + scan + " with 1/ln t -> " + denominatorScan
                                    + ", so B/ln t -> " + scan + " by l'Hopital (Symja's direct Limit(B/ln t) returns " + scanDirect
                                    + " with symbolic parameters, a known weakness of its Limit)");

                    ISymbol v = engine.symbol("vlog");
                    ISymbol lzero = engine.symbol("lzero");
                    IExpr lateInV = eq.eqn129B(F.Divide(F.Subtract(v, lzero), s.m()));
                    IExpr lnV = F.Log(v);
                    IExpr denominatorSnap = eval(F.Limit(F.Power(lnV, F.CN1), F.Rule(v, F.CInfinity)));
                    IExpr snapRatio = eval(F.Together(F.Divide(F.D(lateInV, v), F.D(lnV, v))));
                    IExpr snap = engine.simplify(eval(F.Limit(snapRatio, F.Rule(v, F.CInfinity))), limit);
                    parts.limit("snap growth", F.List(denominatorSnap, snap), denominatorSnap.isZero() && snap.equals(F.C1D2),
                            "with v = ln t and lzero = ln(K/(M eta_Y)), ln(M eta_Y t/K) = v - lzero and ln ln t = ln v; "
                                    + "Limit(dB/dv / (ln v)') = " + snap + " with 1/ln v -> " + denominatorSnap
                                    + ", so B/ln ln t -> " + snap);
                    return parts.finding();
                });
    }
}
