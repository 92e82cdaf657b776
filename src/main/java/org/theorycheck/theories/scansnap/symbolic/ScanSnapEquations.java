package org.theorycheck.theories.scansnap.symbolic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import org.theorycheck.core.symbolic.SymbolicEngine;

/**
 * The equations of "Scan and Snap" (Tian et al., NeurIPS 2023) as named symbolic expressions, in
 * one place, plus numeric evaluation of each scalar one so that hand-written Java right-hand sides
 * can be compared against them.
 *
 * <p>Symbols: {@code M} vocabulary size, {@code K} number of next tokens (classes), {@code etay},
 * {@code etaz} learning rates of Y and Z, {@code t} time in steps, {@code s = t/K} the time one class
 * has seen, {@code h} Lemma 5/6's decoder coordinate, {@code czero} the constant C0 of Eqn. 13,
 * {@code gam} the speed-control coefficient gamma of Eqn. 9, {@code capgam} its integral
 * Gamma(t) = eta_Z int_0^t gamma, {@code zml} the common token's logit z_{ml} of Eqn. 13.
 *
 * <p>Confined to the thread that created it, like every expression of {@link SymbolicEngine}; build
 * one per thread. Numeric methods take plain doubles and are the API for code outside this package.
 */
public final class ScanSnapEquations {

    /** Significant digits for evaluations that pass through exp of large arguments (Lambert W). */
    private static final int HIGH_PRECISION_DIGITS = 30;

    /** The named scalar symbols of the paper. */
    public record Symbols(
            ISymbol m, ISymbol k, ISymbol etaY, ISymbol etaZ, ISymbol t, ISymbol s, ISymbol h,
            ISymbol c0, ISymbol gamma, ISymbol capGamma, ISymbol z) {}

    private final SymbolicEngine engine;
    private final Thread owner = Thread.currentThread();
    private final Symbols sym;
    private final Map<String, SmallInstance> instances = new HashMap<>();

    public ScanSnapEquations(SymbolicEngine engine) {
        this.engine = engine;
        this.sym = new Symbols(
                engine.symbol("M"), engine.symbol("K"), engine.symbol("etay"), engine.symbol("etaz"),
                engine.symbol("t"), engine.symbol("s"), engine.symbol("h"), engine.symbol("czero"),
                engine.symbol("gam"), engine.symbol("capgam"), engine.symbol("zml"));
    }

    public SymbolicEngine engine() {
        return engine;
    }

    public Symbols symbols() {
        return sym;
    }

    private void requireOwner() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("ScanSnapEquations is confined to thread " + owner.getName());
        }
    }

    // ---------------------------------------------------------------- Sec. 3: model and Lemma 1

    /**
     * The M=3 instance with the given contextual tokens and next token (Eqns. 1-3); repeated
     * contextual tokens enter through their histogram.
     */
    public SmallInstance smallInstance(int[] contextTokens, int next) {
        requireOwner();
        return instances.computeIfAbsent(Arrays.toString(contextTokens) + "->" + next,
                key -> new SmallInstance(engine, contextTokens, next));
    }

    // ---------------------------------------------------------------- Lemma 2

    /** Eqn. 5: un-normalized attention score {@code c~_{l|n} = P(l|n) e^{z_{ml}}}. */
    public IExpr eqn5CTilde(IExpr p, IExpr z) {
        return F.Times(p, F.Exp(z));
    }

    /** Eqn. 5: normalized attention {@code c_{l|n} = c~_{l|n} / sum_l' c~_{l'|n}}. */
    public List<IExpr> eqn5C(List<IExpr> cTilde) {
        IASTAppendable total = F.PlusAlloc(cTilde.size());
        cTilde.forEach(total::append);
        List<IExpr> c = new ArrayList<>();
        for (IExpr ct : cTilde) {
            c.add(F.Divide(ct, total));
        }
        return c;
    }

    /** Eqn. 5: decoder input {@code f_n = c_n / ||c_n||_2}. */
    public List<IExpr> eqn5F(List<IExpr> c) {
        IASTAppendable squares = F.PlusAlloc(c.size());
        c.forEach(x -> squares.append(F.Sqr(x)));
        IExpr norm = F.Sqrt(squares);
        List<IExpr> f = new ArrayList<>();
        for (IExpr x : c) {
            f.add(F.Divide(x, norm));
        }
        return f;
    }

    // ---------------------------------------------------------------- Sec. 4: decoder dynamics

    /**
     * Eqn. 7: entry {@code (l,k)} of {@code dY/dt = eta_Y f_n (e_n - alpha_n)^T} with
     * {@code alpha_n = softmax(Y^T f_n)}; {@code y} is indexed [contextual token][output token].
     */
    public IExpr eqn7DeltaY(List<IExpr> f, IExpr[][] y, int n, int l, int k) {
        int outputs = y[0].length;
        IASTAppendable partition = F.PlusAlloc(outputs);
        IExpr[] logits = new IExpr[outputs];
        for (int j = 0; j < outputs; j++) {
            IASTAppendable logit = F.PlusAlloc(f.size());
            for (int i = 0; i < f.size(); i++) {
                logit.append(F.Times(y[i][j], f.get(i)));
            }
            logits[j] = logit;
            partition.append(F.Exp(logit));
        }
        IExpr alphaK = F.Divide(F.Exp(logits[k]), partition);
        return F.Times(sym.etaY(), f.get(l), F.Subtract(k == n ? F.C1 : F.C0, alphaK));
    }

    /** Lemma 5, Eqns. 31-33: one step {@code h*(s) = h*(s-1) + eta_Y / ((M-1) + exp(M h*(s-1)))}. */
    public IExpr lemma5Step(IExpr hPrevious) {
        return F.Plus(hPrevious, lemma6Rhs(hPrevious));
    }

    /** Lemma 6, Eqn. 44: right-hand side {@code dh/dt = eta_Y / ((M-1) + e^{M h})}. */
    public IExpr lemma6Rhs(IExpr h) {
        return F.Divide(sym.etaY(), F.Plus(F.Subtract(sym.m(), F.C1), F.Exp(F.Times(sym.m(), h))));
    }

    /**
     * Lemma 6, Eqn. 45: the implicit solution as a residual, {@code e^{M h} + (M-1) M h - (M eta_Y t + 1)},
     * which vanishes along the solution with h(0) = 0.
     */
    public IExpr lemma6ImplicitResidual(IExpr h, IExpr time) {
        IExpr m = sym.m();
        return F.Subtract(
                F.Plus(F.Exp(F.Times(m, h)), F.Times(F.Subtract(m, F.C1), m, h)),
                F.Plus(F.Times(m, sym.etaY(), time), F.C1));
    }

    /**
     * Lemma 6 solved with the Lambert W function (derived by hand; the paper only says it is
     * solvable with W): {@code h(t) = (R/c - W(e^{R/c}/c))/M}, {@code c = M-1}, {@code R = M eta_Y t + 1},
     * principal branch, valid for M > 1.
     */
    public IExpr lemma6LambertH(IExpr time) {
        IExpr c = F.Subtract(sym.m(), F.C1);
        IExpr r = F.Plus(F.Times(sym.m(), sym.etaY(), time), F.C1);
        IExpr ratio = F.Divide(r, c);
        return F.Divide(F.Subtract(ratio, F.ProductLog(F.Divide(F.Exp(ratio), c))), sym.m());
    }

    /** Lemma 9's early form: for small h, {@code dh/ds ~ eta_Y/M}, so {@code h(s) ~ eta_Y s / M}. */
    public IExpr lemma9EarlyH(IExpr s) {
        return F.Divide(F.Times(sym.etaY(), s), sym.m());
    }

    /** Lemma 9's late form: for large h, {@code e^{M h} ~ M eta_Y s}, so {@code h(s) ~ ln(M eta_Y s)/M}. */
    public IExpr lemma9LateH(IExpr s) {
        return F.Divide(F.Log(F.Times(sym.m(), sym.etaY(), s)), sym.m());
    }

    /** Theorem 1, Eqn. 9: {@code gamma = (M-1)^2 h / ((M-1) + exp(M h))}, h taken at t/K. */
    public IExpr gammaOfH(IExpr h) {
        IExpr c = F.Subtract(sym.m(), F.C1);
        return F.Divide(F.Times(F.Sqr(c), h), F.Plus(c, F.Exp(F.Times(sym.m(), h))));
    }

    /** Theorem 1, Eqn. 9 with Lemma 6's closed form: {@code gamma(t)} with {@code h(t/K)}. */
    public IExpr gammaOfTime(IExpr time) {
        return gammaOfH(lemma6LambertH(F.Divide(time, sym.k())));
    }

    // ---------------------------------------------------------------- Sec. 5: attention dynamics

    /**
     * Lemma 4, Eqn. 97: {@code dz_{ml}/dt = eta_Z gamma sum_{n in classes} f_{nl} sum_{n' != n}
     * beta_{nn'} [(f_n^T f_{n'}) f_{nl} - f_{n'l}]}.
     *
     * @param f       decoder inputs {@code f_n} of all classes, each a vector over tokens
     * @param beta    {@code beta_{nn'}} (diagonal ignored)
     * @param classes the classes {@code n} whose query is m
     * @param l       the contextual token
     */
    public IExpr eqn97(List<List<IExpr>> f, IExpr[][] beta, List<Integer> classes, int l) {
        IASTAppendable outer = F.PlusAlloc(classes.size());
        for (int n : classes) {
            IASTAppendable inner = F.PlusAlloc(f.size());
            for (int other = 0; other < f.size(); other++) {
                if (other == n) {
                    continue;
                }
                IExpr bracket = F.Subtract(F.Times(dot(f.get(n), f.get(other)), f.get(n).get(l)), f.get(other).get(l));
                inner.append(F.Times(beta[n][other], bracket));
            }
            outer.append(F.Times(f.get(n).get(l), inner));
        }
        return F.Times(sym.etaZ(), sym.gamma(), outer);
    }

    static IExpr dot(List<IExpr> u, List<IExpr> v) {
        IASTAppendable sum = F.PlusAlloc(u.size());
        for (int i = 0; i < u.size(); i++) {
            sum.append(F.Times(u.get(i), v.get(i)));
        }
        return sum;
    }

    // ---------------------------------------------------------------- Sec. 6 and Appendix F: the snap

    /** Eqn. 13: {@code dz_{ml}/dt = -C0^{-1} eta_Z gamma e^{4 z_{ml}}}. */
    public IExpr eqn13Rhs(IExpr z) {
        return F.Negate(F.Times(F.Power(sym.c0(), F.CN1), sym.etaZ(), sym.gamma(), F.Exp(F.Times(F.C4, z))));
    }

    /** Appendix F, solution of Eqn. 13 with z(0) = 0: {@code z = -1/4 ln(1 + 4 Gamma/C0)}. */
    public IExpr appFZ(IExpr capGamma) {
        return F.Times(F.CN1D4, F.Log(F.Plus(F.C1, F.Divide(F.Times(F.C4, capGamma), sym.c0()))));
    }

    /** Appendix F, Eqn. 123: {@code xi_n = gamma / (C0 + 4 Gamma)}. */
    public IExpr appFXi(IExpr gamma, IExpr capGamma) {
        return F.Divide(gamma, F.Plus(sym.c0(), F.Times(F.C4, capGamma)));
    }

    /** Appendix F, Eqn. 124: {@code B_n = 1/4 ln(C0 + 4 Gamma)} (the paper drops -1/4 ln C0). */
    public IExpr appFB(IExpr capGamma) {
        return F.Times(F.C1D4, F.Log(F.Plus(sym.c0(), F.Times(F.C4, capGamma))));
    }

    /** Appendix F, Eqn. 128: {@code Gamma(t) = eta_Z K (M-1)^2 h(t/K)^2 / (2 eta_Y)}, given h(t/K). */
    public IExpr eqn128CapGamma(IExpr hAtTimeOverK) {
        return F.Divide(
                F.Times(sym.etaZ(), sym.k(), F.Sqr(F.Subtract(sym.m(), F.C1)), F.Sqr(hAtTimeOverK)),
                F.Times(F.C2, sym.etaY()));
    }

    /** Appendix F, Eqn. 129: {@code B_n(t) = 1/4 ln(C0 + 2 (eta_Z/eta_Y) K (M-1)^2 h(t/K)^2)}, given h(t/K). */
    public IExpr eqn129B(IExpr hAtTimeOverK) {
        IExpr inner = F.Times(F.C2, F.Divide(sym.etaZ(), sym.etaY()), sym.k(),
                F.Sqr(F.Subtract(sym.m(), F.C1)), F.Sqr(hAtTimeOverK));
        return F.Times(F.C1D4, F.Log(F.Plus(sym.c0(), inner)));
    }

    /** Theorem 4, Eqn. 14, scan regime: {@code 1/4 ln(C0 + 2(M-1)^2/(K M^2) eta_Y eta_Z t^2)}. */
    public IExpr eqn14Scan() {
        IExpr m = sym.m();
        IExpr coefficient = F.Divide(F.Times(F.C2, F.Sqr(F.Subtract(m, F.C1))), F.Times(sym.k(), F.Sqr(m)));
        return F.Times(F.C1D4, F.Log(F.Plus(sym.c0(), F.Times(coefficient, sym.etaY(), sym.etaZ(), F.Sqr(sym.t())))));
    }

    /** Theorem 4, Eqn. 14, snap regime: {@code 1/4 ln(C0 + 2K(M-1)^2/M^2 (eta_Z/eta_Y) ln^2(M eta_Y t/K))}. */
    public IExpr eqn14Snap() {
        IExpr m = sym.m();
        IExpr coefficient = F.Divide(F.Times(F.C2, sym.k(), F.Sqr(F.Subtract(m, F.C1))), F.Sqr(m));
        IExpr log = F.Log(F.Divide(F.Times(m, sym.etaY(), sym.t()), sym.k()));
        return F.Times(F.C1D4, F.Log(F.Plus(sym.c0(),
                F.Times(coefficient, F.Divide(sym.etaZ(), sym.etaY()), F.Sqr(log)))));
    }

    // ---------------------------------------------------------------- numeric evaluation

    private Map<ISymbol, Double> values(Object... symbolValuePairs) {
        Map<ISymbol, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < symbolValuePairs.length; i += 2) {
            values.put((ISymbol) symbolValuePairs[i], (Double) symbolValuePairs[i + 1]);
        }
        return values;
    }

    private double machine(IExpr expr, Object... symbolValuePairs) {
        requireOwner();
        return engine.numeric(expr, values(symbolValuePairs));
    }

    private double precise(IExpr expr, Object... symbolValuePairs) {
        requireOwner();
        return engine.numeric(expr, values(symbolValuePairs), HIGH_PRECISION_DIGITS).doubleValue();
    }

    /** Lemma 6, Eqn. 44: {@code dh/dt} at h (vocabulary size m, decoder rate etaY). */
    public double lemma6Rhs(double h, double m, double etaY) {
        return machine(lemma6Rhs(sym.h()), sym.h(), h, sym.m(), m, sym.etaY(), etaY);
    }

    /** Lemma 5, Eqns. 31-33: {@code h*(s)} from {@code h*(s-1)}. */
    public double lemma5Step(double hPrevious, double m, double etaY) {
        return machine(lemma5Step(sym.h()), sym.h(), hPrevious, sym.m(), m, sym.etaY(), etaY);
    }

    /** Lemma 6 via Lambert W: {@code h(t)} for one class seeing every step (use t/K for K classes). */
    public double lemma6H(double time, double m, double etaY) {
        return precise(lemma6LambertH(sym.t()), sym.t(), time, sym.m(), m, sym.etaY(), etaY);
    }

    /** Lemma 6, Eqn. 45: implicit-solution residual {@code e^{Mh} + (M-1)Mh - (M eta_Y t + 1)}. */
    public double lemma6ImplicitResidual(double h, double time, double m, double etaY) {
        return precise(lemma6ImplicitResidual(sym.h(), sym.t()),
                sym.h(), h, sym.t(), time, sym.m(), m, sym.etaY(), etaY);
    }

    /** Eqn. 9: {@code gamma} as a function of {@code h = h(t/K)}. */
    public double gammaOfH(double h, double m) {
        return machine(gammaOfH(sym.h()), sym.h(), h, sym.m(), m);
    }

    /** Eqn. 9 with Lemma 6's closed form: {@code gamma(t)}, t in steps, K classes. */
    public double gamma(double time, double m, double k, double etaY) {
        return precise(gammaOfTime(sym.t()), sym.t(), time, sym.m(), m, sym.k(), k, sym.etaY(), etaY);
    }

    /** Eqn. 13: {@code dz/dt} at z, given gamma. */
    public double eqn13Rhs(double z, double gamma, double c0, double etaZ) {
        return machine(eqn13Rhs(sym.z()), sym.z(), z, sym.gamma(), gamma, sym.c0(), c0, sym.etaZ(), etaZ);
    }

    /** Appendix F: {@code z(t)} from {@code Gamma(t)}. */
    public double appFZ(double capGamma, double c0) {
        return machine(appFZ(sym.capGamma()), sym.capGamma(), capGamma, sym.c0(), c0);
    }

    /** Appendix F, Eqn. 123: {@code xi_n(t)} from {@code gamma(t)} and {@code Gamma(t)}. */
    public double appFXi(double gamma, double capGamma, double c0) {
        return machine(appFXi(sym.gamma(), sym.capGamma()), sym.gamma(), gamma, sym.capGamma(), capGamma, sym.c0(), c0);
    }

    /** Appendix F, Eqn. 124: {@code B_n(t)} from {@code Gamma(t)}. */
    public double appFB(double capGamma, double c0) {
        return machine(appFB(sym.capGamma()), sym.capGamma(), capGamma, sym.c0(), c0);
    }

    /** Appendix F, Eqn. 128 with Lemma 6's closed form: {@code Gamma(t)}. */
    public double appFCapGamma(double time, double m, double k, double etaY, double etaZ) {
        IExpr expr = eqn128CapGamma(lemma6LambertH(F.Divide(sym.t(), sym.k())));
        return precise(expr, sym.t(), time, sym.m(), m, sym.k(), k, sym.etaY(), etaY, sym.etaZ(), etaZ);
    }

    /** Appendix F, Eqn. 129 with Lemma 6's closed form: {@code B_n(t)}. */
    public double appFBOfTime(double time, double m, double k, double etaY, double etaZ, double c0) {
        IExpr expr = eqn129B(lemma6LambertH(F.Divide(sym.t(), sym.k())));
        return precise(expr, sym.t(), time, sym.m(), m, sym.k(), k, sym.etaY(), etaY, sym.etaZ(), etaZ, sym.c0(), c0);
    }

    /**
     * Eqn. 3 for the M=3 instance: {@code dY = f (e_n - alpha)^T}, {@code dz_m = diag(f)(I - f f^T) Y(e_n - alpha)},
     * learning rates 1, at numeric {@code y} (3x3, [contextual token][output token]) and query row {@code z}.
     */
    public SymbolicGradient eqn3Gradient(double[][] y, double[] z, int[] contextTokens, int next) {
        SmallInstance inst = smallInstance(contextTokens, next);
        IExpr[] entries = new IExpr[SmallInstance.VOCABULARY * (SmallInstance.VOCABULARY + 1)];
        int i = 0;
        for (int l = 0; l < SmallInstance.VOCABULARY; l++) {
            for (int k = 0; k < SmallInstance.VOCABULARY; k++) {
                entries[i++] = inst.eqn3DeltaY(l, k);
            }
        }
        for (int l = 0; l < SmallInstance.VOCABULARY; l++) {
            entries[i++] = inst.eqn3DeltaZ(l);
        }
        return evaluateGradient(inst, entries, y, z);
    }

    /**
     * The exact gradient of {@code J = -loss} of the M=3 instance, differentiated by the algebra
     * system (the reference Eqn. 3 claims to equal), at numeric {@code y} and {@code z}.
     */
    public SymbolicGradient objectiveGradient(double[][] y, double[] z, int[] contextTokens, int next) {
        SmallInstance inst = smallInstance(contextTokens, next);
        List<ISymbol> vars = inst.variables();
        IExpr[] entries = new IExpr[vars.size()];
        for (int j = 0; j < vars.size(); j++) {
            entries[j] = inst.objectiveDerivative(vars.get(j));
        }
        return evaluateGradient(inst, entries, y, z);
    }

    private SymbolicGradient evaluateGradient(SmallInstance inst, IExpr[] entries, double[][] y, double[] z) {
        requireOwner();
        int size = SmallInstance.VOCABULARY;
        if (y.length != size || z.length != size) {
            throw new IllegalArgumentException("the small instance has M = " + size);
        }
        Map<ISymbol, Double> point = new LinkedHashMap<>();
        for (int l = 0; l < size; l++) {
            if (y[l].length != size) {
                throw new IllegalArgumentException("Y must be " + size + "x" + size);
            }
            for (int k = 0; k < size; k++) {
                point.put(inst.y(l, k), y[l][k]);
            }
            point.put(inst.z(l), z[l]);
        }
        double[][] dY = new double[size][size];
        double[] dz = new double[size];
        int i = 0;
        for (int l = 0; l < size; l++) {
            for (int k = 0; k < size; k++) {
                dY[l][k] = engine.numeric(entries[i++], point);
            }
        }
        for (int l = 0; l < size; l++) {
            dz[l] = engine.numeric(entries[i++], point);
        }
        return new SymbolicGradient(dY, dz);
    }
}
