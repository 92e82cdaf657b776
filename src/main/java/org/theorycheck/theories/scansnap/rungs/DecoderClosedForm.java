package org.theorycheck.theories.scansnap.rungs;

import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.ode.OrdinaryDifferentialEquation;

/**
 * The decoder's closed forms of Sec. 4 (Lemmas 5–7, 9 and Theorem 1) for vocabulary size M, K
 * uniformly sampled classes and decoder rate η_Y per unit of continuous time.
 *
 * <p>Two clocks appear. The per-class clock s counts the updates one class has received (Lemma 5's
 * recursion index, Lemma 6's time); the global clock t counts SGD steps. With K classes sampled
 * uniformly a class has seen about t/K updates after t steps, so Theorem 1 evaluates h at s = t/K.
 * Methods say which clock they take.
 *
 * <p>Everything is written in terms of u = M·h and e^{−u}, so that no exponential overflows however
 * large M·η_Y·s becomes.
 *
 * @param vocabulary M, the number of output tokens of the decoder softmax
 * @param classes    K, the number of uniformly sampled classes
 * @param etaY       η_Y, the decoder rate per unit of continuous time (see ContinuousTime)
 */
public record DecoderClosedForm(int vocabulary, int classes, double etaY) {

    private static final int MAX_ITERATIONS = 200;
    private static final double PEAK_ACCURACY = 1e-15;

    public DecoderClosedForm {
        if (vocabulary < 1 || classes < 1) {
            throw new IllegalArgumentException("need M ≥ 1 and K ≥ 1, got M = " + vocabulary + ", K = " + classes);
        }
        if (!(etaY > 0) || !Double.isFinite(etaY)) {
            throw new IllegalArgumentException("η_Y must be positive and finite, got " + etaY);
        }
    }

    /**
     * Lemma 5's exact discrete recursion (Eqns. 31–33) on the per-class clock:
     * h*(0) = 0, h*(s) = h*(s−1) + η_Y / ((M−1) + exp(M h*(s−1))).
     *
     * @return a new array of h*(0), …, h*(sMax)
     */
    public double[] discreteH(int sMax) {
        double[] h = new double[sMax + 1];
        for (int s = 1; s <= sMax; s++) {
            h[s] = h[s - 1] + rateAt(vocabulary * h[s - 1]);
        }
        return h;
    }

    /**
     * Lemma 6's continuous h(s) (Eqns. 44–45), the root of the implicit equation
     * e^{Mh} + (M−1)·M·h = M·η_Y·s + 1, on the per-class clock. The left side minus the right is
     * increasing and convex in u = Mh, so Newton's method started above the root converges
     * monotonically; it is started at min(ln(1 + a), a/(M−1)) with a = M·η_Y·s, a bound on the root.
     */
    public double h(double s) {
        // h(0) = 0 exactly, also where M·η_Y overflows (and M·η_Y·0 would be NaN)
        return s == 0 ? 0 : scaledH(vocabulary * etaY * s) / vocabulary;
    }

    /** u = M·h solving expm1(u) + (M−1)u = a, for a = M·η_Y·s ≥ 0. */
    private double scaledH(double a) {
        if (!(a >= 0)) {
            throw new IllegalArgumentException("h is defined for s ≥ 0 only, got M·η_Y·s = " + a);
        }
        if (a == 0 || a == Double.POSITIVE_INFINITY) {
            return a;
        }
        int c = vocabulary - 1;
        double u = Math.log1p(a);
        if (c > 0) {
            u = Math.min(u, a / c);
        }
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double residual = Math.expm1(u) + c * u - a;
            if (residual <= 0) {
                break;
            }
            double next = u - residual / (Math.exp(u) + c);
            if (!(next < u)) {
                break;
            }
            u = next;
        }
        return u;
    }

    /**
     * The residual of Lemma 6's implicit equation at h, relative to its right side:
     * (e^{Mh} + (M−1)Mh − Mη_Y s − 1) / (Mη_Y s + 1).
     */
    public double implicitResidual(double s, double h) {
        double right = vocabulary * etaY * s + 1;
        return (Math.exp(vocabulary * h) + (vocabulary - 1.0) * vocabulary * h - right) / right;
    }

    /** dh/ds = η_Y / ((M−1) + e^{Mh}) of Lemma 6, on the per-class clock. */
    public double hRate(double s) {
        return rateAt(vocabulary * h(s));
    }

    private double rateAt(double u) {
        double decay = Math.exp(-u);
        return etaY * decay / (1 + (vocabulary - 1) * decay);
    }

    /** Lemma 6's ODE dh/ds = η_Y/((M−1) + e^{Mh}) as a one-dimensional system, for reference integrations. */
    public OrdinaryDifferentialEquation lemma6Equation() {
        return new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 1;
            }

            @Override
            public double[] computeDerivatives(double s, double[] state) {
                return new double[] {rateAt(vocabulary * state[0])};
            }
        };
    }

    /**
     * The speed control coefficient γ(t) = (M−1)² h(t/K) / ((M−1) + exp(M h(t/K))) of Theorem 1
     * (Eqn. 9), on the global clock t (SGD steps).
     */
    public double gamma(double t) {
        double h = h(t / classes);
        double decay = Math.exp(-vocabulary * h);
        double c = vocabulary - 1.0;
        return c * c * h * decay / (1 + c * decay);
    }

    /**
     * dγ/dt on the global clock, from dγ/dt = (M−1)²/K · h'(s) · [(M−1) + e^u − u e^u]/((M−1) + e^u)²
     * with s = t/K and u = M h(s), written with e^{−u}. Its sign is that of 1 − u + (M−1)e^{−u}.
     */
    public double gammaRate(double t) {
        double u = vocabulary * h(t / classes);
        double decay = Math.exp(-u);
        double c = vocabulary - 1.0;
        double denominator = 1 + c * decay;
        return c * c / classes * rateAt(u) * (1 - u + c * decay) * decay / (denominator * denominator);
    }

    /**
     * The time of γ's maximum on the global clock, from the stationarity condition
     * u = 1 + (M−1)e^{−u} (u = M h) and Lemma 6's implicit equation:
     * t* = K (e^{u*} + (M−1)u* − 1)/(M η_Y). Independent of any integration.
     */
    public double gammaPeakTime() {
        double u = gammaPeakScaledH();
        return classes * (Math.expm1(u) + (vocabulary - 1.0) * u) / (vocabulary * etaY);
    }

    /** u* = M h at γ's maximum, the root of u − 1 − (M−1)e^{−u} on [1, 2 + ln M]. */
    public double gammaPeakScaledH() {
        if (vocabulary == 1) {
            return 1;
        }
        double c = vocabulary - 1.0;
        return new BrentSolver(PEAK_ACCURACY).solve(MAX_ITERATIONS, u -> u - 1 - c * Math.exp(-u),
                1, 2 + Math.log(vocabulary));
    }

    /**
     * α_nn(s) = e^{Mh}/((M−1) + e^{Mh}), the probability the one-class decoder gives its own next token
     * (Lemma 5 with Lemma 6's continuous h), on the per-class clock.
     */
    public double alphaNN(double s) {
        double decay = Math.exp(-vocabulary * h(s));
        return 1 / (1 + (vocabulary - 1) * decay);
    }

    /**
     * ‖e_n − α_n‖₂ of the one-class decoder of Lemma 5 (w_nn = (M−1)h, w_nj = −h): with
     * D = (M−1) + e^{Mh}, α_nj = 1/D for j ≠ n, so the residual is √(M(M−1))/D. Global clock.
     */
    public double decoderResidual(double t) {
        double decay = Math.exp(-vocabulary * h(t / classes));
        return Math.sqrt((double) vocabulary * (vocabulary - 1)) * decay / (1 + (vocabulary - 1) * decay);
    }

    /** Lemma 9's end of the first stage, K ln M / η_Y (global clock); also Theorem 4's t0'. */
    public double scanBoundary() {
        return classes * Math.log(vocabulary) / etaY;
    }

    /** Lemma 9's start of the second stage, 2(1+ω) K ln M / η_Y (global clock). */
    public double snapBoundary(double omega) {
        return 2 * (1 + omega) * scanBoundary();
    }

    /**
     * ω = ln ln M / ln M, the representative of Lemma 9's ω = Θ(ln ln M / ln M) with unit constant (the
     * paper leaves the constant open).
     */
    public double omega() {
        double lnM = Math.log(vocabulary);
        return Math.log(lnM) / lnM;
    }

    /** Theorem 4's snap time t0 ≈ 2 K ln M / η_Y (global clock). */
    public double snapTime() {
        return 2 * scanBoundary();
    }
}
