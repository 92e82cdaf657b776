package org.theorycheck.theories.deeplinear.closedform;

import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;

/**
 * The paper's closed forms, each as printed unless its name says otherwise. τ is the time constant
 * (τ = 1/λ with t in full-batch steps), s the mode's singular value, u0 the initial and u_f the final
 * composite mode strength.
 */
public final class ClosedForms {

    private ClosedForms() {}

    /** Eq 11: {@code t = (τ/2s) ln[u_f (s − u0) / (u0 (s − u_f))]}, time to go from u0 to u_f under eq 10. */
    public static double eq11(double s, double tau, double u0, double uf) {
        return tau / (2 * s) * Math.log(uf * (s - u0) / (u0 * (s - uf)));
    }

    /**
     * Eq 12: {@code u(t) = s e^{2st/τ} / (e^{2st/τ} − 1 + s/u0)}, evaluated in the equal form
     * {@code s / (1 + (s/u0 − 1) e^{−2st/τ})} (numerator and denominator multiplied by e^{−2st/τ}) so that
     * it does not overflow for large t; the symbolic checks check the printed form.
     */
    public static double eq12(double s, double tau, double u0, double t) {
        return s / (1 + (s / u0 - 1) * Math.exp(-2 * s * t / tau));
    }

    /**
     * Eq 12 as printed, {@code s e^{2st/τ} / (e^{2st/τ} − 1 + s/u0)}: finite while 2st/τ &lt; 709 (e^{2st/τ}
     * overflows past that), which is where the checks that use it evaluate it.
     */
    public static double eq12AsPrinted(double s, double tau, double u0, double t) {
        double e = Math.exp(2 * s * t / tau);
        return s * e / (e - 1 + s / u0);
    }

    /**
     * The time a balanced mode takes from u0 to s/2: eq 11's t_half for N_l = 3 ({@link #tHalf}), the
     * integral of eq 15 for any other depth ({@link #eq15Time}).
     */
    public static double halfTime(double s, double tau, int depth, double u0) {
        return depth == 3 ? tHalf(s, tau, u0) : eq15Time(s, tau, depth, u0, s / 2);
    }

    /** Half-learning time [DERIVED from eq 11 with u_f = s/2]: {@code (τ/2s) ln(s/u0 − 1)}. */
    public static double tHalf(double s, double tau, double u0) {
        return tau / (2 * s) * Math.log(s / u0 - 1);
    }

    /**
     * The exact full-batch map on the balanced decoupled manifold [DERIVED]: one step of eq 1 takes
     * {@code u} to {@code u (1 + λ(s − u))²}.
     */
    public static double discreteMap(double u, double s, double rate) {
        double f = 1 + rate * (s - u);
        return u * f * f;
    }

    /**
     * Eq 17, the integral of eq 16 from u0 to u_f: {@code t = (τ/N_l)[(1/s²) log(u_f(u0 − s)/(u0(u_f − s)))
     * + 1/(s u0) − 1/(s u_f)]}.
     */
    public static double eq17(double s, double tau, int depth, double u0, double uf) {
        return tau / depth * (Math.log(uf * (u0 - s) / (u0 * (uf - s))) / (s * s) + 1 / (s * u0) - 1 / (s * uf));
    }

    /**
     * The time eq 15 takes from u0 to u_f, {@code τ ∫ du / ((N_l−1) u^{2−2/(N_l−1)} (s − u))}, by
     * Gauss–Legendre quadrature in x = ln u (the integrand is smooth there; the paper gives no closed form).
     */
    public static double eq15Time(double s, double tau, int depth, double u0, double uf) {
        return tau * integrateLog(u -> u / ScalarModes.eq15(u, s, depth), u0, uf);
    }

    /** The time eq 16 takes from u0 to u_f, by the same quadrature (to check eq 17 against). */
    public static double eq16Time(double s, double tau, int depth, double u0, double uf) {
        return tau * integrateLog(u -> u / ScalarModes.eq16(u, s, depth), u0, uf);
    }

    /** {@code ∫_{u0}^{uf} f(u)/u du} computed as {@code ∫ f(e^x) dx}; relative accuracy about 1e-12. */
    static double integrateLog(java.util.function.DoubleUnaryOperator f, double u0, double uf) {
        IterativeLegendreGaussIntegrator quadrature = new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-300, 3, 64);
        double lo = Math.log(u0);
        double hi = Math.log(uf);
        int pieces = 64;
        double sum = 0;
        for (int i = 0; i < pieces; i++) {
            double a = lo + (hi - lo) * i / pieces;
            double b = lo + (hi - lo) * (i + 1) / pieces;
            sum += quadrature.integrate(Integer.MAX_VALUE, x -> f.applyAsDouble(Math.exp(x)), a, b);
        }
        return sum;
    }

    // ------------------------------------------------------------------ App. A: a ≠ b

    /**
     * Eq 23/24's angle for a mode starting at (a, b), both positive: {@code tanh(θ/2) = b/a} when
     * a² > b² (eq 23), {@code a/b} when a² &lt; b² (eq 24).
     */
    public static double eq23Theta(double a, double b) {
        double ratio = a * a > b * b ? b / a : a / b;
        return 2 * atanh(ratio);
    }

    /** {@code ab} as the paper writes it in these coordinates: {@code c0 sinh θ}. */
    public static double eq23ProductAsPrinted(double c0, double theta) {
        return c0 * Math.sinh(theta);
    }

    /**
     * Eq 26 as printed: the time from θ0 to θf, {@code τ/√(c0²+s²) · [ln((√(c0²+s²) + c0 + s tanh(θ/2)) /
     * (√(c0²+s²) − c0 − s tanh(θ/2)))]_{θ0}^{θf}}.
     */
    public static double eq26AsPrinted(double s, double tau, double c0, double theta0, double thetaF) {
        double r = Math.sqrt(c0 * c0 + s * s);
        return tau / r * (eq26Log(r, c0, s, thetaF) - eq26Log(r, c0, s, theta0));
    }

    private static double eq26Log(double r, double c0, double s, double theta) {
        double x = Math.tanh(theta / 2);
        return Math.log((r + c0 + s * x) / (r - c0 - s * x));
    }

    /** Where the paper ends learning: {@code sinh θ_f = (1 − ε) s / c0}. */
    public static double eq26EndAsPrinted(double s, double c0, double epsilon) {
        return asinh((1 - epsilon) * s / c0);
    }

    /**
     * θ(t) from eq 26 as printed, solved for θ (the printed form is explicit in tanh(θ/2)): the angle the
     * paper's solution reaches at time t from θ0.
     */
    public static double eq26ThetaAsPrinted(double s, double tau, double c0, double theta0, double t) {
        double r = Math.sqrt(c0 * c0 + s * s);
        double target = eq26Log(r, c0, s, theta0) + r * t / tau;
        // (r + c0 + s x) / (r − c0 − s x) = e^target; solved with e^{−target} so that it does not overflow.
        double inv = Math.exp(-target);
        double x = ((r - c0) - (r + c0) * inv) / (s * (1 + inv));
        return 2 * atanh(x);
    }

    /**
     * The time from (a0, b0) until ab reaches u_f under eq 8 [DERIVED, the corrected App. A]: with
     * {@code c = (a² − b²)/2 ≠ 0}, the coordinates {@code a = √|2c| cosh(θ/2)}, {@code b = √|2c| sinh(θ/2)} (for
     * a > b) give {@code ab = c sinh θ} and {@code τ dθ/dt = 2(s − c sinh θ)}, whose integral is eq 26's
     * expression with c0 replaced by c and τ by τ/2. For a &lt; b swap the roles of a and b.
     */
    public static double appendixATimeDerived(double s, double tau, double a0, double b0, double uf) {
        double c = Math.abs(a0 * a0 - b0 * b0) / 2;
        double theta0 = eq23Theta(a0, b0);
        double thetaF = asinh(uf / c);
        double r = Math.sqrt(c * c + s * s);
        return tau / (2 * r) * (eq26Log(r, c, s, thetaF) - eq26Log(r, c, s, theta0));
    }

    // ------------------------------------------------------------------ App. B: learning rate and depth

    /**
     * Eq 37: the top eigenvalue of eq 14's Hessian on the symmetric manifold a_i = a,
     * {@code λ1 = (2N_l−3) a^{2N_l−4}/τ − (N_l−2) s a^{N_l−3}/τ}.
     */
    public static double eq37(double a, double s, int depth, double tau) {
        return ((2 * depth - 3) * Math.pow(a, 2 * depth - 4) - (depth - 2) * s * Math.pow(a, depth - 3)) / tau;
    }

    /** Eq 41: {@code λ1(a_opt) = (N_l−1) s^{(2N_l−4)/(N_l−1)} / τ}, at a_opt = s^{1/(N_l−1)}. */
    public static double eq41(double s, int depth, double tau) {
        return (depth - 1) * Math.pow(s, (2.0 * depth - 4) / (depth - 1)) / tau;
    }

    /** Eq 43: {@code t3 = c ln[u_f(s−u0)/(u0(s−u_f))]}, iterations at the optimised rate 1/(c λ1), N_l = 3. */
    public static double eq43(double c, double s, double u0, double uf) {
        return c * Math.log(uf * (s - u0) / (u0 * (s - uf)));
    }

    /** Eq 44: {@code t∞ = c[log(u_f(u0−s)/(u0(u_f−s))) + s/u0 − s/u_f]}. */
    public static double eq44(double c, double s, double u0, double uf) {
        return c * (Math.log(uf * (u0 - s) / (u0 * (uf - s))) + s / u0 - s / uf);
    }

    /** Eq 45: {@code t∞ − t3 = cs/u0 − cs/u_f}. */
    public static double eq45(double c, double s, double u0, double uf) {
        return c * s / u0 - c * s / uf;
    }

    /**
     * Iterations eq 15 takes from u0 to u_f at the optimised rate {@code 1/(c λ1)} with λ1 from eq 41
     * (τ = 1), the quantity eqs 43–45 describe: {@code c (N_l−1) s^{(2N_l−4)/(N_l−1)} ∫ du/((N_l−1)
     * u^{2−2/(N_l−1)} (s − u))}.
     */
    public static double optimisedRateIterations(double c, double s, int depth, double u0, double uf) {
        return c * eq41(s, depth, 1) * eq15Time(s, 1, depth, u0, uf);
    }

    static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }

    static double asinh(double x) {
        return Math.log(x + Math.sqrt(x * x + 1));
    }
}
