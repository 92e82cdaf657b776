package org.theorycheck.core.ode;

import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * Dense output at fixed times: hands the integrator's own interpolated state at every grid time to a
 * consumer, in order. Grid times must be ascending and within the integration interval.
 */
public final class GridSampler implements ODEStepHandler {

    /** Receives the state at one grid time. */
    public interface Sink {
        void accept(double time, double[] state);
    }

    private final double[] grid;
    private final Sink sink;
    private int next;

    public GridSampler(double[] grid, Sink sink) {
        this.grid = grid.clone();
        this.sink = sink;
    }

    @Override
    public void init(ODEStateAndDerivative initialState, double finalTime) {
        next = 0;
    }

    @Override
    public void handleStep(ODEStateInterpolator interpolator) {
        double end = interpolator.getCurrentState().getTime();
        while (next < grid.length && grid[next] <= end) {
            ODEStateAndDerivative s = interpolator.getInterpolatedState(grid[next]);
            sink.accept(grid[next], s.getPrimaryState());
            next++;
        }
    }
}
