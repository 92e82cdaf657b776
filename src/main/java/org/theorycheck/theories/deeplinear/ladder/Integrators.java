package org.theorycheck.theories.deeplinear.ladder;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;
import org.theorycheck.theories.deeplinear.DivergenceException;

/**
 * The one place where the ODE rungs' integrator is set up: Hipparchus's adaptive Dormand–Prince 8(5,3).
 *
 * <p>Tolerances: relative {@value #RELATIVE}, and per component an absolute tolerance of
 * {@value #RELATIVE} times the component's initial magnitude, floored at {@value #FLOOR} times the
 * state's scale. Why: a mode starting at u0 = 1e-6 grows by six orders of magnitude; an absolute
 * tolerance fixed at the scale of the final state would let its early phase, which sets t_half, be
 * integrated to 1e-4 relative only. With these, the rungs agree with the closed forms to about 1e-9
 * relative (tested), far below the gd–flow gap O(λs), and conserved quantities drift by about 1e-10.
 */
public final class Integrators {

    /** Relative tolerance of every ODE rung. */
    public static final double RELATIVE = 1e-10;

    /** Floor of the absolute tolerance, relative to the state's scale, for components that start at 0. */
    public static final double FLOOR = 1e-8;

    private Integrators() {}

    /**
     * A Dormand–Prince 8(5,3) integrator for a state starting at {@code y0} whose typical size at the end
     * is {@code scale}.
     */
    public static DormandPrince853Integrator dormandPrince(double[] y0, double scale) {
        double[] abs = new double[y0.length];
        double[] rel = new double[y0.length];
        for (int i = 0; i < y0.length; i++) {
            abs[i] = RELATIVE * Math.max(Math.abs(y0[i]), FLOOR * scale);
            rel[i] = RELATIVE;
        }
        return new DormandPrince853Integrator(0, Double.POSITIVE_INFINITY, abs, rel);
    }

    /** A right-hand side {@code dy/dt = f(t, y)}. */
    public interface RightHandSide {
        double[] at(double t, double[] y);
    }

    /**
     * Integrates {@code dy/dt = rhs(t, y)} from y0 at t = 0 to the last of {@code times}, handing the state
     * at each of {@code times} to {@code sample}; a state that leaves the finite numbers or a step size
     * that collapses is a {@link DivergenceException} of {@code rung}.
     */
    public static void integrate(String rung, RightHandSide rhs, double[] y0, double scale, double[] times, Sample sample) {
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return y0.length;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] dy = rhs.at(t, y);
                double check = 0;
                for (double v : dy) {
                    check += v;
                }
                if (!Double.isFinite(check)) {
                    throw new DivergenceException(rung, t, "the right-hand side", "the state left the finite numbers");
                }
                return dy;
            }
        };
        double[] last = {0};
        DormandPrince853Integrator integrator = dormandPrince(y0, scale);
        integrator.addStepHandler(sampler(times, (t, y) -> {
            last[0] = t;
            sample.at(t, y);
        }));
        try {
            integrator.integrate(ode, new ODEState(0, y0.clone()), times[times.length - 1]);
        } catch (MathIllegalStateException e) {
            throw new DivergenceException(rung, last[0], "the step size", "the integrator could not continue past the last record: "
                    + e.getMessage());
        }
    }

    /** What a sampling handler does with the state at one sample time. */
    public interface Sample {
        void at(double time, double[] state);
    }

    /**
     * A step handler giving the dense-output state exactly at each of {@code times} (ascending), so an
     * ODE rung is sampled at the record steps with the integrator's own interpolant.
     */
    public static ODEStepHandler sampler(double[] times, Sample sample) {
        return new ODEStepHandler() {
            private int next;

            @Override
            public void init(ODEStateAndDerivative initial, double finalTime) {
                next = 0;
                while (next < times.length && times[next] <= initial.getTime()) {
                    sample.at(times[next++], initial.getPrimaryState());
                }
            }

            @Override
            public void handleStep(ODEStateInterpolator interpolator) {
                double end = interpolator.getCurrentState().getTime();
                while (next < times.length && times[next] <= end) {
                    double t = times[next++];
                    sample.at(t, interpolator.getInterpolatedState(t).getPrimaryState());
                }
            }
        };
    }
}
