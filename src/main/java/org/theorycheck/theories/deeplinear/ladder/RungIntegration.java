package org.theorycheck.theories.deeplinear.ladder;

import java.util.function.IntFunction;

import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.theorycheck.core.ode.DivergenceGuard;
import org.theorycheck.core.ode.GridSampler;
import org.theorycheck.core.ode.Integrators;

/**
 * How the continuous rungs (flow, modes, decoupled) and the measurements that integrate the paper's
 * equations run an ODE: the core's Dormand–Prince set-up at the rung tolerance, sampled at the record
 * steps by its dense output ({@link GridSampler}), every breakdown a divergence naming the time and the
 * entry ({@link DivergenceGuard}). Time is in steps (τ = 1/λ, see {@link LearningRate}).
 */
public final class RungIntegration {

    private RungIntegration() {}

    /** A right-hand side {@code dy/dt = f(t, y)}; it returns a new array. */
    @FunctionalInterface
    public interface RightHandSide {
        double[] at(double t, double[] y);
    }

    /**
     * Integrates {@code dy/dt = rhs(t, y)} from {@code y0} at t = 0 to the last of {@code grid} (ascending,
     * starting at 0), handing the state at every grid time to {@code sink}.
     *
     * @param quantity what the state is, for a divergence, e.g. "the weights of the flow rung"
     * @param entry    the name of the state's entry i, e.g. "W_2 (3, 1)"
     * @param advice   what to change if it diverges
     */
    public static void integrate(String quantity, IntFunction<String> entry, String advice, RightHandSide rhs, double[] y0,
            double[] grid, GridSampler.Sink sink) {
        double end = grid[grid.length - 1];
        ODEIntegrator integrator = Integrators.dormandPrince(end, Integrators.RUNG_TOLERANCE);
        integrator.addStepHandler(new GridSampler(grid, sink));
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return y0.length;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                return rhs.at(t, y);
            }
        };
        new DivergenceGuard(quantity, entry, advice).integrate(integrator, ode, new ODEState(0, y0.clone()), end);
    }
}
