package org.theorycheck.theories.deeplinear.spectra;

import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * The large-N law of the eigenvalues of a product of M i.i.d. N × N Gaussian matrices with entries of
 * variance 1/N: they fill the unit disc with density ρ(z) = |z|^{2/M − 2} / (Mπ), so a fraction
 * r^{2/M} of them lie within |z| < r (Burda, Janik and Waclaw 2010, Phys. Rev. E 81, 041132; for
 * M = 1 the circular law). Not in the paper: a reference for the finite-N samples of Fig 6C and a
 * way to read its "origin bin" percentages as depths.
 */
public final class GinibreProductLaw {

    private GinibreProductLaw() {}

    /** The fraction of eigenvalues with |λ| < r. */
    public static double discFraction(int factors, double radius) {
        return Math.pow(Math.min(1, radius), 2.0 / factors);
    }

    /**
     * The fraction in the square |Re λ|, |Im λ| < h: by the eight-fold symmetry of the square,
     * (4/π) ∫_0^{π/4} min(1, h / cos θ)^{2/M} dθ.
     */
    public static double squareFraction(double factors, double halfWidth) {
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(16, 1e-12, 1e-14);
        double integral = integrator.integrate(10_000,
                theta -> Math.pow(Math.min(1, halfWidth / Math.cos(theta)), 2.0 / factors), 0, Math.PI / 4);
        return 4 / Math.PI * integral;
    }

    /**
     * The (real) number of factors M at which a fraction of the eigenvalues lies in the square bin of
     * half-width h centred on the origin.
     */
    public static double factorsForSquareFraction(double fraction, double halfWidth) {
        if (!(fraction > squareFraction(1, halfWidth) && fraction < 1)) {
            throw new IllegalArgumentException("a fraction " + fraction + " is not reached by any depth: one matrix gives "
                    + squareFraction(1, halfWidth) + " and the fraction tends to 1 with depth");
        }
        return new BrentSolver(1e-10).solve(1000, m -> squareFraction(m, halfWidth) - fraction, 1, 1e6);
    }
}
