package org.theorycheck.theories.deeplinear.closedform;

/**
 * Right-hand sides of the paper's scalar mode equations, with τ = 1 (divide time by τ, or multiply the
 * right-hand side by λ = 1/τ for time in steps). s is the mode's singular value.
 */
public final class ScalarModes {

    private ScalarModes() {}

    /** Eq 8: {@code τ da/dt = b (s − ab)}, {@code τ db/dt = a (s − ab)}; returns {da/dt, db/dt}. */
    public static double[] eq8(double a, double b, double s) {
        double e = s - a * b;
        return new double[] {b * e, a * e};
    }

    /** Eq 10: {@code τ du/dt = 2u (s − u)}, the balanced (a = b) form of eq 8 with u = ab. */
    public static double eq10(double u, double s) {
        return 2 * u * (s - u);
    }

    /**
     * Eq 15: {@code τ du/dt = (N_l − 1) u^{2 − 2/(N_l−1)} (s − u)}, the balanced form of eq 14's gradient
     * flow for an N_l-layer network (u = Π a_i, all a_i equal and positive).
     */
    public static double eq15(double u, double s, int depth) {
        int m = depth - 1;
        return m * Math.pow(u, 2 - 2.0 / m) * (s - u);
    }

    /** Eq 16: {@code τ du/dt = N_l u² (s − u)}, the paper's large-depth form of eq 15. */
    public static double eq16(double u, double s, int depth) {
        return depth * u * u * (s - u);
    }

    /**
     * The gradient flow on eq 14's energy {@code E = (1/2τ)(s − Π_i a_i)²}: {@code τ da_i/dt =
     * (s − Π a) Π_{j≠i} a_j}. Fills {@code out} with the rates of the N_l − 1 strengths in {@code a}.
     */
    public static void eq14Flow(double[] a, double s, double[] out) {
        double u = 1;
        for (double v : a) {
            u *= v;
        }
        for (int i = 0; i < a.length; i++) {
            double others = 1;
            for (int j = 0; j < a.length; j++) {
                if (j != i) {
                    others *= a[j];
                }
            }
            out[i] = (s - u) * others;
        }
    }

    /** Eq 14's per-mode energy with τ = 1: {@code ½ (s − Π_i a_i)²}. */
    public static double eq14Energy(double[] a, double s) {
        double u = 1;
        for (double v : a) {
            u *= v;
        }
        return 0.5 * (s - u) * (s - u);
    }

    /** Eq 25 as printed: {@code τ dθ/dt = s − c0 sinh θ}. */
    public static double eq25AsPrinted(double theta, double s, double c0) {
        return s - c0 * Math.sinh(theta);
    }

    /**
     * Eq 25 as it follows from eq 8 under eq 23's coordinates ({@code a = √c0 cosh(θ/2)},
     * {@code b = √c0 sinh(θ/2)}, so {@code ab = (c0/2) sinh θ}): {@code τ dθ/dt = 2s − c0 sinh θ}
     * [DERIVED; the symbolic checks derive it].
     */
    public static double eq25Derived(double theta, double s, double c0) {
        return 2 * s - c0 * Math.sinh(theta);
    }
}
