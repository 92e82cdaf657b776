package org.theorycheck.core.ode;

import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * The one set-up of the adaptive Dormand–Prince 8(5,3) integrator that every theory's continuous rungs
 * use, with the tolerances stated once and why.
 */
public final class Integrators {

    /**
     * Local error tolerance (absolute and relative) of a rung: far below the gaps between rungs that the
     * claims measure (1e-4 of the motion and up), far above double rounding, so that a rung's error is
     * never what a verdict is about.
     */
    public static final double RUNG_TOLERANCE = 1e-10;

    /**
     * Tolerance of a reference solution that another computation is compared with (a snap time found on a
     * trajectory, a closed form's defining ODE): two orders tighter than a rung.
     */
    public static final double REFERENCE_TOLERANCE = 1e-12;

    private Integrators() {}

    /**
     * An integrator over {@code [0, horizon]} with one tolerance for absolute and relative error.
     *
     * @param horizon the end of the interval (its maximal step)
     */
    public static DormandPrince853Integrator dormandPrince(double horizon, double tolerance) {
        return dormandPrince(0, horizon, tolerance, tolerance);
    }

    /**
     * An integrator with the given smallest and largest step and absolute and relative tolerances (coarse
     * tolerances make negative controls).
     */
    public static DormandPrince853Integrator dormandPrince(double minStep, double maxStep, double absoluteTolerance,
                                                           double relativeTolerance) {
        return new DormandPrince853Integrator(minStep, maxStep, absoluteTolerance, relativeTolerance);
    }
}
