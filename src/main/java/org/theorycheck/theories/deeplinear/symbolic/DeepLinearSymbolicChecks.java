package org.theorycheck.theories.deeplinear.symbolic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.theorycheck.core.symbolic.Proof;
import org.theorycheck.core.symbolic.SymbolicCheckResult;
import org.theorycheck.core.symbolic.SymbolicCheckResult.Method;
import org.theorycheck.core.symbolic.SymbolicEngine;

/**
 * Symbolic checks of the deep-linear paper's closed forms against the equations they claim to solve,
 * each as printed. A printed form that does not hold is REFUTED with a counter-example; where the
 * reference flags a doubtful form (App. A), the form as printed is one check and the corrected form,
 * derived here, another.
 *
 * <p>Symbols: {@code sv} = s, {@code tau} = τ, {@code uz} = u0, {@code uf} = u_f, {@code tt} = t,
 * {@code ap} = a common per-layer strength, {@code cz} = c0, {@code xx} = tanh(θ/2) (App. A is checked in
 * this variable, where its hyperbolic functions become rational: sinh θ = 2x/(1−x²),
 * cosh(θ/2) = 1/√(1−x²), dθ = 2 dx/(1−x²)), {@code rr} = √(c0² + s²) as a symbol with the relation
 * rr² = c0² + s² applied by polynomial remainder, {@code nl} = N_l, {@code cc} = App. B.1's c, {@code ll} a
 * logarithm two forms share, {@code a1x2} = the second entry of a^1 (likewise {@code b}, {@code s1}). Symbols are positive (residuals are simplified after
 * {@code PowerExpand}). Confined to the calling thread, as {@link SymbolicEngine} requires.
 */
public final class DeepLinearSymbolicChecks {

    private static final Map<String, Function<DeepLinearSymbolicChecks, SymbolicCheckResult>> REGISTRY = registry();

    private static Map<String, Function<DeepLinearSymbolicChecks, SymbolicCheckResult>> registry() {
        Map<String, Function<DeepLinearSymbolicChecks, SymbolicCheckResult>> checks = new LinkedHashMap<>();
        checks.put("eq12-solves-eq10", DeepLinearSymbolicChecks::eq12SolvesEq10);
        checks.put("eq11-inverts-eq12", DeepLinearSymbolicChecks::eq11InvertsEq12);
        checks.put("t-half", DeepLinearSymbolicChecks::tHalf);
        checks.put("eq15-from-eq14", DeepLinearSymbolicChecks::eq15FromEq14);
        checks.put("eq17-integrates-eq16", DeepLinearSymbolicChecks::eq17IntegratesEq16);
        checks.put("eq41-hessian", DeepLinearSymbolicChecks::eq41Hessian);
        checks.put("eqs43-45-optimised-rate", DeepLinearSymbolicChecks::eqs43to45);
        checks.put("eq5-gradient-of-eq6", DeepLinearSymbolicChecks::eq5GradientOfEq6);
        checks.put("appA-eq23-product", DeepLinearSymbolicChecks::appAProduct);
        checks.put("appA-eq25-from-eq8", DeepLinearSymbolicChecks::appAEq25);
        checks.put("appA-eq26-integrates-eq25", DeepLinearSymbolicChecks::appAEq26);
        checks.put("appA-derived", DeepLinearSymbolicChecks::appADerived);
        return checks;
    }

    private static final List<String> IDS = List.copyOf(REGISTRY.keySet());

    /** Depths N_l at which the per-depth identities (eqs 14–15, 34–41) are checked. */
    static final int[] DEPTHS = {2, 3, 4, 5, 6, 7};

    private static final String EQ12 = "sv*Exp(2*sv*tt/tau)/(Exp(2*sv*tt/tau) - 1 + sv/uz)";
    private static final String EQ11 = "tau/(2*sv)*Log(uf*(sv-uz)/(uz*(sv-uf)))";
    private static final String EQ11_ARGUMENT = "uf*(sv-uz)/(uz*(sv-uf))";
    private static final String T_HALF = "tau/(2*sv)*Log(sv/uz - 1)";
    private static final String EQ17 = "tau/nl*(1/sv^2*Log(uf*(uz-sv)/(uz*(uf-sv))) + 1/(sv*uz) - 1/(sv*uf))";

    private final SymbolicEngine engine;
    private final Duration limit;

    public DeepLinearSymbolicChecks(SymbolicEngine engine, Duration limit) {
        this.engine = engine;
        this.limit = limit;
    }

    /** All check ids, in a stable order. */
    public static List<String> ids() {
        return IDS;
    }

    /** Runs one check by id on the calling thread, with the shared engine and the default time limit. */
    public static SymbolicCheckResult run(String id) {
        return new DeepLinearSymbolicChecks(SymbolicEngine.shared(), SymbolicEngine.DEFAULT_TIMEOUT).runCheck(id);
    }

    public SymbolicCheckResult runCheck(String id) {
        Function<DeepLinearSymbolicChecks, SymbolicCheckResult> check = REGISTRY.get(id);
        if (check == null) {
            throw new IllegalArgumentException("Unknown symbolic check '" + id + "'; known: " + IDS);
        }
        return check.apply(this);
    }

    public List<SymbolicCheckResult> runAll() {
        List<SymbolicCheckResult> out = new ArrayList<>();
        for (String id : IDS) {
            out.add(runCheck(id));
        }
        return out;
    }

    /** Where a check states its parts: residuals that must vanish identically (for positive symbols). */
    @FunctionalInterface
    private interface Residuals {
        void zero(String name, IExpr residual);
    }

    /**
     * A check of the parts {@code parts} states, decided by the core's {@link Proof}; each residual is
     * simplified after {@code PowerExpand}, which is valid because every symbol here is positive.
     */
    private SymbolicCheckResult timed(String id, String source, String statement, Method method, Consumer<Residuals> parts) {
        return Proof.timed(id, source, statement, method, () -> {
            Proof proof = new Proof(engine, limit);
            parts.accept((name, residual) -> proof.zero(name, engine.evaluate(F.PowerExpand(residual), limit)));
            return proof.finding();
        });
    }

    /** Parses without evaluating, then evaluates under the time limit. */
    private IExpr expr(String text) {
        return engine.evaluate(F.ReleaseHold(engine.parse("Hold(" + text + ")")), limit);
    }

    /** {@code text} with each {@code NAME} replaced by {@code (value)}. */
    private static String with(String text, String... nameValue) {
        String out = text;
        for (int i = 0; i < nameValue.length; i += 2) {
            out = out.replace(nameValue[i], "(" + nameValue[i + 1] + ")");
        }
        return out;
    }

    // ------------------------------------------------------------------ Sec 1.3

    /** Eq 12 solves eq 10 ({@code τ du/dt = 2u(s − u)}) with u(0) = u0. */
    public SymbolicCheckResult eq12SolvesEq10() {
        return timed("eq12-solves-eq10", "Sec 1.3, eqs 10 and 12", "u(t) = s e^{2st/τ}/(e^{2st/τ} − 1 + s/u0) solves τ du/dt = 2u(s − u), u(0) = u0",
                Method.EXACT_SIMPLIFICATION, p -> {
                    p.zero("τ du/dt − 2u(s − u)", expr("tau*D(" + EQ12 + ", tt) - 2*(" + EQ12 + ")*(sv - (" + EQ12 + "))"));
                    p.zero("u(0) − u0", expr(with(EQ12, "tt", "0") + " - uz"));
                });
    }

    /**
     * Eq 11 inverts eq 12: eq 11 is the integral of τ/(2u(s−u)) from u0 (its u_f-derivative and its value
     * at u_f = u0), and its logarithm's argument at u_f = u(t) of eq 12 is e^{2st/τ}, so t(u(t)) = t.
     */
    public SymbolicCheckResult eq11InvertsEq12() {
        return timed("eq11-inverts-eq12", "Sec 1.3, eqs 11 and 12", "t(u_f) = (τ/2s) ln[u_f(s − u0)/(u0(s − u_f))] is the inverse of eq 12",
                Method.EXACT_SIMPLIFICATION, p -> {
                    p.zero("d t/d u_f − τ/(2u_f(s − u_f))", expr("D(" + EQ11 + ", uf) - tau/(2*uf*(sv - uf))"));
                    p.zero("t(u0)", expr(with(EQ11, "uf", "uz")));
                    p.zero("argument of eq 11's log at u_f = u(t), minus e^{2st/τ}", expr(with(EQ11_ARGUMENT, "uf", EQ12) + " - Exp(2*sv*tt/tau)"));
                });
    }

    /** t_half = (τ/2s) ln(s/u0 − 1) is eq 11 at u_f = s/2, and eq 12 there is s/2 [DERIVED]. */
    public SymbolicCheckResult tHalf() {
        return timed("t-half", "Sec 1.3, eq 11 [DERIVED]", "t_half = (τ/2s) ln(s/u0 − 1); u(t_half) = s/2; the slope there is the largest, s²/(2τ)",
                Method.EXACT_SIMPLIFICATION, p -> {
                    p.zero("eq 11's log argument at u_f = s/2 minus t_half's, s/u0 − 1 (same prefactor τ/2s)",
                            expr(with(EQ11_ARGUMENT, "uf", "sv/2") + " - (sv/uz - 1)"));
                    p.zero("eq 12 at t_half minus s/2", expr(with(EQ12, "tt", T_HALF) + " - sv/2"));
                    p.zero("d/du of 2u(s − u) at u = s/2 (the inflection)", expr("ReplaceAll(D(2*uu*(sv - uu), uu), uu -> sv/2)"));
                    p.zero("τ du/dt at u = s/2 minus s²/2", expr(with("2*uu*(sv - uu)", "uu", "sv/2") + " - sv^2/2"));
                });
    }

    // ------------------------------------------------------------------ Sec 2

    /**
     * Eq 15 follows from eq 14: along the gradient flow {@code τ da_i/dt = −∂E/∂a_i} of
     * {@code E = ½(s − Π a_i)²}, the product {@code u = Π a_i} on the balanced manifold a_i = a obeys
     * {@code (N_l − 1) u^{2−2/(N_l−1)} (s − u)}; at N_l = 3 that is eq 10.
     */
    public SymbolicCheckResult eq15FromEq14() {
        return timed("eq15-from-eq14", "Sec 2, eqs 10, 14 and 15", "τ du/dt = (N_l−1) u^{2−2/(N_l−1)} (s − u) on a_i = a, and eq 10 at N_l = 3",
                Method.EXACT_SIMPLIFICATION, p -> {
                    for (int depth : DEPTHS) {
                        int m = depth - 1;
                        StringBuilder product = new StringBuilder();
                        StringBuilder vars = new StringBuilder();
                        for (int i = 1; i <= m; i++) {
                            product.append(i > 1 ? "*" : "").append("a").append(i);
                            vars.append(i > 1 ? "," : "").append("a").append(i).append("->ap");
                        }
                        String energy = "(sv - " + product + ")^2/2";
                        StringBuilder chain = new StringBuilder();
                        for (int i = 1; i <= m; i++) {
                            chain.append(i > 1 ? " + " : "").append("D(").append(product).append(", a").append(i)
                                    .append(")*(-D(").append(energy).append(", a").append(i).append("))");
                        }
                        String eq15 = with("(nl-1)*uu^(2-2/(nl-1))*(sv-uu)", "nl", Integer.toString(depth), "uu", "ap^" + m);
                        p.zero("N_l = " + depth, expr("ReplaceAll(" + chain + ", {" + vars + "}) - " + eq15));
                    }
                    p.zero("eq 15 at N_l = 3 minus eq 10", expr(with("(nl-1)*uu^(2-2/(nl-1))*(sv-uu)", "nl", "3") + " - 2*uu*(sv-uu)"));
                });
    }

    /** Eq 17 integrates eq 16: {@code dt/du_f = τ/(N_l u_f²(s − u_f))} and t(u0) = 0. */
    public SymbolicCheckResult eq17IntegratesEq16() {
        return timed("eq17-integrates-eq16", "Sec 2, eqs 16 and 17", "t = (τ/N_l)[(1/s²) log(u_f(u0−s)/(u0(u_f−s))) + 1/(s u0) − 1/(s u_f)] integrates τ du/dt = N_l u²(s − u)",
                Method.EXACT_SIMPLIFICATION, p -> {
                    p.zero("dt/du_f − τ/(N_l u_f²(s − u_f))", expr("D(" + EQ17 + ", uf) - tau/(nl*uf^2*(sv - uf))"));
                    p.zero("t(u0)", expr(with(EQ17, "uf", "uz")));
                });
    }

    /**
     * App. B, eqs 34–41: the Hessian of eq 14's energy {@code (1/2τ)(s − Π a_i)²} on the symmetric
     * manifold has diagonal h (eq 35), off-diagonal g (eq 34), the all-ones vector as eigenvector with
     * eigenvalue eq 37; at a_opt = s^{1/(N_l−1)} it is the rank-one {@code ∇u∇uᵀ/τ} (so its top eigenvalue
     * is its trace) and that eigenvalue is eq 41.
     */
    public SymbolicCheckResult eq41Hessian() {
        return timed("eq41-hessian", "App. B, eqs 34, 35, 37, 41", "λ1(a_opt) = (N_l−1) s^{(2N_l−4)/(N_l−1)}/τ is the top eigenvalue of eq 14's Hessian at a_opt",
                Method.EXACT_SIMPLIFICATION, p -> {
                    for (int depth : DEPTHS) {
                        if (depth < 3) {
                            continue;
                        }
                        int m = depth - 1;
                        StringBuilder product = new StringBuilder();
                        StringBuilder list = new StringBuilder();
                        StringBuilder same = new StringBuilder();
                        StringBuilder opt = new StringBuilder();
                        StringBuilder ones = new StringBuilder();
                        for (int i = 1; i <= m; i++) {
                            product.append(i > 1 ? "*" : "").append("a").append(i);
                            list.append(i > 1 ? "," : "").append("a").append(i);
                            same.append(i > 1 ? "," : "").append("a").append(i).append("->ap");
                            opt.append(i > 1 ? "," : "").append("a").append(i).append("->sv^(1/").append(m).append(")");
                            ones.append(i > 1 ? "," : "").append("1");
                        }
                        String hessian = "D((sv - " + product + ")^2/(2*tau), {{" + list + "}, 2})";
                        String gradU = "D(" + product + ", {{" + list + "}})";
                        String n = Integer.toString(depth);
                        String eq37 = with("((2*nl-3)*ap^(2*nl-4) - (nl-2)*sv*ap^(nl-3))/tau", "nl", n);
                        String eq41 = with("(nl-1)*sv^((2*nl-4)/(nl-1))/tau", "nl", n);
                        p.zero("N_l = " + depth + ": diagonal minus eq 35", expr("ReplaceAll(" + hessian + "[[1,1]], {" + same + "}) - ap^(" + (2 * depth - 4) + ")/tau"));
                        p.zero("N_l = " + depth + ": off-diagonal minus eq 34",
                                expr("ReplaceAll(" + hessian + "[[1,2]], {" + same + "}) - (2*ap^(" + (2 * depth - 4) + ") - sv*ap^(" + (depth - 3) + "))/tau"));
                        p.zero("N_l = " + depth + ": H·1 − eq 37 · 1", expr("Total(Abs(ReplaceAll(" + hessian + ".{" + ones + "}, {" + same + "}) - ("
                                + eq37 + ")*{" + ones + "})^2)"));
                        p.zero("N_l = " + depth + ": H(a_opt) − ∇u∇uᵀ/τ (rank one)", expr("Total(Flatten(Abs(ReplaceAll(" + hessian + " - Outer(Times, "
                                + gradU + ", " + gradU + ")/tau, {" + opt + "}))^2))"));
                        p.zero("N_l = " + depth + ": trace of H(a_opt) minus eq 41", expr("ReplaceAll(Tr(" + hessian + "), {" + opt + "}) - " + eq41));
                    }
                });
    }

    /**
     * App. B.1, eqs 43–45, as printed, against what they are said to follow from: at the rate 1/(c λ1) (τ = 1)
     * eq 43 is eq 11 times c λ1(N_l = 3) = 2cs (eq 41 at N_l = 3); eq 44 is eq 17 times c N_l s², the large-depth
     * λ1 of eq 42; and eq 45 is eq 44 minus eq 43, their logarithms' arguments being equal.
     */
    public SymbolicCheckResult eqs43to45() {
        String eq43 = "cc*Log(uf*(sv-uz)/(uz*(sv-uf)))";
        String eq44 = "cc*(Log(uf*(uz-sv)/(uz*(uf-sv))) + sv/uz - sv/uf)";
        return timed("eqs43-45-optimised-rate", "App. B.1, eqs 43, 44, 45 with eqs 11, 17, 41, 42",
                "t3 = c ln[u_f(s−u0)/(u0(s−u_f))], t∞ = c[log(u_f(u0−s)/(u0(u_f−s))) + s/u0 − s/u_f], t∞ − t3 = cs/u0 − cs/u_f",
                Method.EXACT_SIMPLIFICATION, p -> {
                    p.zero("eq 43 minus 2cs · eq 11 (τ = 1)", expr(eq43 + " - cc*2*sv*(" + with(EQ11, "tau", "1") + ")"));
                    p.zero("eq 44 minus c N_l s² · eq 17 (τ = 1)", expr(eq44 + " - cc*nl*sv^2*(" + with(EQ17, "tau", "1") + ")"));
                    p.zero("eq 44's log argument minus eq 43's", expr("uf*(uz-sv)/(uz*(uf-sv)) - " + EQ11_ARGUMENT));
                    p.zero("eq 44 − eq 43 − eq 45, the two logarithms equal", expr(with(eq44, "Log(uf*(uz-sv)/(uz*(uf-sv)))", "ll")
                            + " - " + with(eq43, "Log(uf*(sv-uz)/(uz*(sv-uf)))", "ll") + " - (cc*sv/uz - cc*sv/uf)"));
                });
    }

    /**
     * Eq 5 is gradient descent on eq 6: with two modes and two hidden units (a^α the columns of W̄21, b^α the
     * rows of W̄32, τ = 1), −∂E/∂a^α and −∂E/∂b^α of eq 6 are eq 5's right-hand sides, competitive terms included.
     */
    public SymbolicCheckResult eq5GradientOfEq6() {
        return timed("eq5-gradient-of-eq6", "Sec 1.3, eqs 5 and 6", "eq 5 = −∇E of eq 6 (two modes, two hidden units)",
                Method.EXACT_SIMPLIFICATION, p -> {
                    int modes = 2;
                    int hidden = 2;
                    StringBuilder energy = new StringBuilder();
                    for (int al = 1; al <= modes; al++) {
                        for (int be = 1; be <= modes; be++) {
                            String dot = dot("a" + al, "b" + be, hidden);
                            energy.append(energy.length() > 0 ? " + " : "").append(al == be ? "(s" + al + " - " + dot + ")^2/2" : "(" + dot + ")^2/2");
                        }
                    }
                    for (int al = 1; al <= modes; al++) {
                        for (int i = 1; i <= hidden; i++) {
                            StringBuilder ra = new StringBuilder("(s" + al + " - " + dot("a" + al, "b" + al, hidden) + ")*b" + al + "x" + i);
                            StringBuilder rb = new StringBuilder("(s" + al + " - " + dot("a" + al, "b" + al, hidden) + ")*a" + al + "x" + i);
                            for (int ga = 1; ga <= modes; ga++) {
                                if (ga != al) {
                                    ra.append(" - b").append(ga).append("x").append(i).append("*(").append(dot("a" + al, "b" + ga, hidden)).append(")");
                                    rb.append(" - a").append(ga).append("x").append(i).append("*(").append(dot("b" + al, "a" + ga, hidden)).append(")");
                                }
                            }
                            p.zero("a^" + al + "_" + i, expr("-D(" + energy + ", a" + al + "x" + i + ") - (" + ra + ")"));
                            p.zero("b^" + al + "_" + i, expr("-D(" + energy + ", b" + al + "x" + i + ") - (" + rb + ")"));
                        }
                    }
                });
    }

    /** {@code (x·y)} of two vectors of symbols, entries written {@code xx1, xx2, …}, in parentheses. */
    private static String dot(String x, String y, int n) {
        StringBuilder d = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            d.append(i > 1 ? " + " : "").append(x).append("x").append(i).append("*").append(y).append("x").append(i);
        }
        return "(" + d + ")";
    }

    // ------------------------------------------------------------------ App. A, in x = tanh(θ/2)

    private static final String A_OF_X = "Sqrt(cz)/Sqrt(1-xx^2)";
    private static final String B_OF_X = "Sqrt(cz)*xx/Sqrt(1-xx^2)";
    private static final String SINH_THETA = "2*xx/(1-xx^2)";

    /** θ' implied by eq 8 for the mode (a, b): from {@code tanh(θ/2) = b/a}, {@code dθ/dt = 2 d(b/a)/dt / (1 − (b/a)²)}. */
    private static final String THETA_DOT_FROM_EQ8 =
            "(2/(1-(bb/aa)^2))*(D(bb/aa, aa)*bb*(sv-aa*bb) + D(bb/aa, bb)*aa*(sv-aa*bb))/tau";

    /** Eq 23 as printed: {@code a = √c0 cosh(θ/2)}, {@code b = √c0 sinh(θ/2)}, and the paper's {@code ab = c0 sinh θ}. */
    public SymbolicCheckResult appAProduct() {
        return timed("appA-eq23-product", "App. A, eq 23 (as printed)", "with a = √c0 cosh(θ/2), b = √c0 sinh(θ/2): a² − b² = c0 and ab = c0 sinh θ",
                Method.EXACT_SIMPLIFICATION, p -> {
                    p.zero("a² − b² − c0", expr("(" + A_OF_X + ")^2 - (" + B_OF_X + ")^2 - cz"));
                    p.zero("ab − c0 sinh θ", expr("(" + A_OF_X + ")*(" + B_OF_X + ") - cz*" + SINH_THETA));
                });
    }

    /** Eq 25 as printed, {@code τ dθ/dt = s − c0 sinh θ}, against the θ' that eq 8 implies in eq 23's coordinates. */
    public SymbolicCheckResult appAEq25() {
        return timed("appA-eq25-from-eq8", "App. A, eqs 8, 23 and 25 (as printed)", "eq 8 in eq 23's coordinates gives τ dθ/dt = s − c0 sinh θ",
                Method.EXACT_SIMPLIFICATION, p -> {
                    String thetaDot = "ReplaceAll(" + THETA_DOT_FROM_EQ8 + ", {aa -> " + A_OF_X + ", bb -> " + B_OF_X + "})";
                    p.zero("θ' from eq 8 minus eq 25 / τ", expr(thetaDot + " - (sv - cz*" + SINH_THETA + ")/tau"));
                });
    }

    /**
     * Eq 26 as printed integrates eq 25 as printed: {@code dt/dθ = τ/(s − c0 sinh θ)}, i.e. in x,
     * {@code dt/dx · (1 − x²)/2}; the residual's numerator reduced modulo rr² − c0² − s².
     */
    public SymbolicCheckResult appAEq26() {
        return timed("appA-eq26-integrates-eq25", "App. A, eqs 25 and 26 (as printed)", "eq 26 is the integral of τ dθ/(s − c0 sinh θ)",
                Method.EXACT_SIMPLIFICATION, p -> {
                    String t = "tau/rr*(Log(rr+cz+sv*xx) - Log(rr-cz-sv*xx))";
                    String residual = "D(" + t + ", xx)*(1-xx^2)/2 - tau/(sv - cz*" + SINH_THETA + ")";
                    p.zero("numerator of dt/dθ − τ/(s − c0 sinh θ), modulo rr² = c0² + s²",
                            expr("PolynomialRemainder(Numerator(Together(" + residual + ")), rr^2-cz^2-sv^2, rr)"));
                });
    }

    /**
     * The corrected App. A [DERIVED], second check: with {@code c = (a² − b²)/2} and
     * {@code a = √(2c) cosh(θ/2)}, {@code b = √(2c) sinh(θ/2)}, eq 8 gives {@code ab = c sinh θ} and
     * {@code τ dθ/dt = 2(s − c sinh θ)}, whose integral is {@code τ/(2√(c²+s²)) ln[(√(c²+s²) + c + s tanh(θ/2)) /
     * (√(c²+s²) − c − s tanh(θ/2))]}: eq 26 with c0 → c = c0/2 and τ → τ/2.
     */
    public SymbolicCheckResult appADerived() {
        return timed("appA-derived", "App. A, eqs 8, 23–26 [DERIVED correction]", "ab = (c0/2) sinh θ, τ dθ/dt = 2s − c0 sinh θ, and its integral",
                Method.EXACT_SIMPLIFICATION, p -> {
                    String a = "Sqrt(2*cc)/Sqrt(1-xx^2)";
                    String b = "Sqrt(2*cc)*xx/Sqrt(1-xx^2)";
                    p.zero("a² − b² − 2c", expr("(" + a + ")^2 - (" + b + ")^2 - 2*cc"));
                    p.zero("ab − c sinh θ", expr("(" + a + ")*(" + b + ") - cc*" + SINH_THETA));
                    p.zero("θ' from eq 8 minus 2(s − c sinh θ)/τ",
                            expr("ReplaceAll(" + THETA_DOT_FROM_EQ8 + ", {aa -> " + a + ", bb -> " + b + "}) - 2*(sv - cc*" + SINH_THETA + ")/tau"));
                    String t = "tau/(2*rr)*(Log(rr+cc+sv*xx) - Log(rr-cc-sv*xx))";
                    String residual = "D(" + t + ", xx)*(1-xx^2)/2 - tau/(2*(sv - cc*" + SINH_THETA + "))";
                    p.zero("numerator of dt/dθ − τ/(2(s − c sinh θ)), modulo rr² = c² + s²",
                            expr("PolynomialRemainder(Numerator(Together(" + residual + ")), rr^2-cc^2-sv^2, rr)"));
                });
    }
}
