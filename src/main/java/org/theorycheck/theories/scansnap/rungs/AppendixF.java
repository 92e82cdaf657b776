package org.theorycheck.theories.scansnap.rungs;

import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.model.LongSequenceLimit;

/**
 * Appendix F's simplified model of the snap (Sec. 6, Eqns. 13, 122–129) and Theorem 4's two regimes
 * (Eqn. 14), on the global clock t (SGD steps).
 *
 * <p>The model keeps one common-token logit z(t) (z(0) = 0) and freezes every normaliser at ρ₀, so that
 * f_nᵀf_{n'} ≈ β_{nn'} ≈ e^{2z}/ρ₀²; with C₀ = ρ₀⁴/K it reads dz/dt = −C₀⁻¹ η_Z γ(t) e^{4z} and
 * ξ_n = C₀⁻¹ γ e^{4z} for every class. Writing Γ(t) = η_Z ∫₀ᵗ γ, e^{−4z} = 1 + 4Γ/C₀ solves it exactly.
 *
 * <p>Eqn. 128's Γ = η_Z K (M−1)² h(t/K)² / (2η_Y) is consistent with Γ = η_Z ∫₀ᵗ γ: by Lemma 6,
 * γ(t) = (M−1)² h(s) h'(s)/η_Y with s = t/K, so ∫₀ᵗ γ = K (M−1)² h(t/K)²/(2η_Y). The test suite checks
 * this against a numerical quadrature of η_Z γ.
 *
 * @param decoder the decoder closed forms that give h and γ (rate η_Y, K classes, M tokens)
 * @param etaZ    η_Z, the attention rate per unit of continuous time
 * @param c0      C₀ = ρ₀⁴/K of Eqn. 13
 */
public record AppendixF(DecoderClosedForm decoder, double etaZ, double c0) {

    public AppendixF {
        if (!(etaZ > 0) || !Double.isFinite(etaZ)) {
            throw new IllegalArgumentException("η_Z must be positive and finite, got " + etaZ);
        }
        if (!(c0 > 0) || !Double.isFinite(c0)) {
            throw new IllegalArgumentException("C₀ must be positive and finite, got " + c0);
        }
    }

    /**
     * 1/ρ₀² as the simplified model defines it: the overlap f_nᵀf_{n'} at the initial Z (where the
     * common logit's shift is zero), averaged over the ordered pairs n ≠ n'. With Z(0) = 0 and one common
     * token l this is P(l|n)P(l|n')/(‖c̃_n‖‖c̃_{n'}‖), i.e. ρ₀² = ‖c̃_n‖‖c̃_{n'}‖/(P(l|n)P(l|n')); with
     * several common tokens of equal logit they act as one whose e^{2z} multiplies their summed products.
     *
     * @param zRows per class n, the initial row z_{ψ(n),·} (not modified)
     */
    public static double inverseRhoSquared(SequenceClasses classes, double[][] zRows) {
        int k = classes.classes();
        if (k < 2) {
            throw new IllegalArgumentException("ρ₀ needs at least two classes; got K = " + k);
        }
        double[][] f = new double[k][];
        for (int n = 0; n < k; n++) {
            f[n] = LongSequenceLimit.decoderInput(classes, n, zRows[n]);
        }
        double sum = 0;
        for (int n = 0; n < k; n++) {
            for (int other = 0; other < k; other++) {
                if (other != n) {
                    for (int l = 0; l < f[n].length; l++) {
                        sum += f[n][l] * f[other][l];
                    }
                }
            }
        }
        double mean = sum / (k * (k - 1.0));
        if (!(mean > 0)) {
            throw new IllegalArgumentException("the classes share no contextual token, so ρ₀ is infinite");
        }
        return mean;
    }

    /** C₀ = ρ₀⁴/K (Eqn. 13) with ρ₀ from {@link #inverseRhoSquared}. */
    public static double paperC0(SequenceClasses classes, double[][] zRows) {
        double inverse = inverseRhoSquared(classes, zRows);
        return 1 / (inverse * inverse * classes.classes());
    }

    /** Γ(t) = η_Z K (M−1)² h(t/K)² / (2η_Y) (Eqn. 128), which equals η_Z ∫₀ᵗ γ. */
    public double bigGamma(double t) {
        double h = decoder.h(t / decoder.classes());
        double c = decoder.vocabulary() - 1.0;
        return etaZ * decoder.classes() * c * c * h * h / (2 * decoder.etaY());
    }

    /** The common-token logit z(t) = −¼ ln(1 + 4Γ(t)/C₀), the exact solution of Eqn. 13 with z(0) = 0. */
    public double commonLogit(double t) {
        return -0.25 * Math.log1p(4 * bigGamma(t) / c0);
    }

    /** ξ_n(t) = γ(t)/(C₀ + 4Γ(t)) (Eqn. 123), the same for every class in this model. */
    public double xi(double t) {
        return decoder.gamma(t) / (c0 + 4 * bigGamma(t));
    }

    /**
     * B_n(t) = η_Z ∫₀ᵗ ξ_n = ¼ ln(1 + 4Γ/C₀), with B_n(0) = 0 as in its definition (Eqn. 12). This is
     * Eqn. 124/129 with the constant −¼ ln C₀ that the paper drops restored.
     */
    public double b(double t) {
        return 0.25 * Math.log1p(4 * bigGamma(t) / c0);
    }

    /** Eqn. 124/129 exactly as printed: ¼ ln(C₀ + 4Γ(t)), which is {@link #b} + ¼ ln C₀. */
    public double paperB(double t) {
        return 0.25 * Math.log(c0 + 4 * bigGamma(t));
    }

    /**
     * Theorem 4's scan regime (Eqn. 14, t < t0'): ¼ ln(C₀ + 2(M−1)²/(K M²) η_Y η_Z t²), measured from
     * B(0) = 0 like {@link #b} (the printed form minus ¼ ln C₀). It follows from h(s) ≈ η_Y s/M.
     */
    public double scanRegimeB(double t) {
        double m = decoder.vocabulary();
        double c = m - 1;
        double growth = 2 * c * c / (decoder.classes() * m * m) * decoder.etaY() * etaZ * t * t;
        return 0.25 * Math.log1p(growth / c0);
    }

    /**
     * Theorem 4's snap regime (Eqn. 14, t ≥ t0): ¼ ln(C₀ + 2K(M−1)²/M² (η_Z/η_Y) ln²(M η_Y t/K)), measured
     * from B(0) = 0 (the printed form minus ¼ ln C₀). It follows from h(s) ≈ ln(M η_Y s)/M.
     */
    public double snapRegimeB(double t) {
        double m = decoder.vocabulary();
        double c = m - 1;
        double log = Math.log(m * decoder.etaY() * t / decoder.classes());
        double growth = 2 * decoder.classes() * c * c / (m * m) * (etaZ / decoder.etaY()) * log * log;
        return 0.25 * Math.log1p(growth / c0);
    }

    /** Theorem 4's t0' = K ln M / η_Y, the end of the scan regime. */
    public double scanEnd() {
        return decoder.scanBoundary();
    }

    /** Theorem 4's snap time t0 ≈ 2K ln M / η_Y. */
    public double snapTime() {
        return decoder.snapTime();
    }

    /**
     * Eqn. 13 as a system for reference integrations, state (z, B, Γ):
     * dz/dt = −C₀⁻¹ η_Z γ(t) e^{4z}, dB/dt = η_Z ξ = C₀⁻¹ η_Z γ(t) e^{4z}, dΓ/dt = η_Z γ(t).
     * Start it at (0, 0, 0).
     */
    public OrdinaryDifferentialEquation equation13() {
        return new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 3;
            }

            @Override
            public double[] computeDerivatives(double t, double[] state) {
                double speed = etaZ * decoder.gamma(t);
                double pull = speed * Math.exp(4 * state[0]) / c0;
                return new double[] {-pull, pull, speed};
            }
        };
    }
}
