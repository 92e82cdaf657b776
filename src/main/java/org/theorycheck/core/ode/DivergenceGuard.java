package org.theorycheck.core.ode;

import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.LocalizedODEFormats;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;
import org.theorycheck.core.ladder.Divergence;
import org.theorycheck.core.ladder.Divergence.Precision;
import org.theorycheck.core.ladder.DivergenceException;
import org.theorycheck.core.ladder.DivergenceException.At;

import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Integrates the ODE of a rung so that every way it can break down ends in a {@link DivergenceException}
 * naming the time and the quantity, never in one of Hipparchus's exceptions:
 * <ul>
 *   <li>every evaluation of the vector field must be finite (else Hipparchus would stop with "NaN appears
 *       during integration" and no entry), and every accepted state in range ({@link Divergence});</li>
 *   <li>accepted steps that do not advance the time (the step size fell below the resolution of t, possible
 *       with no minimal step) stop the integration after {@value #MAX_STALLED_STEPS} in a row instead of
 *       looping;</li>
 *   <li>what Hipparchus still throws on the way — a NaN in its error estimate, the step size below the
 *       integrator's minimum, more evaluations (or event iterations) than allowed, a singular matrix in the
 *       vector field — becomes a divergence at the last accepted time, or at the time of the evaluation.</li>
 * </ul>
 * Stateful: one guard per integration.
 */
public final class DivergenceGuard implements ODEStepHandler {

    /** Accepted steps in a row that do not advance the time, beyond which the integration has stalled. */
    public static final int MAX_STALLED_STEPS = 100;

    private final String quantity;
    private final IntFunction<String> entry;
    private final String advice;
    private double reached;
    private int stalled;

    /**
     * @param quantity the name of the state, e.g. "the gradient-flow state (Y, Z)"
     * @param entry    the name of the state's entry i, e.g. "Z (30, 7)"
     * @param advice   which rate to lower
     */
    public DivergenceGuard(String quantity, IntFunction<String> entry, String advice) {
        this.quantity = quantity;
        this.entry = entry;
        this.advice = advice;
    }

    /** The advice it gives, for the checks of the rung's snapshots. */
    public String advice() {
        return advice;
    }

    /**
     * Integrates {@code equation} from {@code initial} to {@code end} on {@code integrator} (whose other
     * step handlers and event detectors are the caller's) with the checks of the class comment.
     */
    public void integrate(ODEIntegrator integrator, OrdinaryDifferentialEquation equation, ODEState initial, double end) {
        reached = initial.getTime();
        stalled = 0;
        integrator.addStepHandler(this);
        OrdinaryDifferentialEquation checked = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return equation.getDimension();
            }

            @Override
            public double[] computeDerivatives(double t, double[] state) {
                double[] rate = at(t, () -> equation.computeDerivatives(t, state));
                Divergence.requireFinite(rate, At.time(t), "the rate of change of " + quantity, entry, advice);
                return rate;
            }
        };
        try {
            integrator.integrate(checked, initial, end);
        } catch (MathRuntimeException e) {
            throw translate(e, At.time(reached));
        }
    }

    /**
     * Evaluates part of the vector field (or of a snapshot) at time t, a singular matrix in it becoming a
     * divergence at t.
     */
    public <T> T at(double t, Supplier<T> evaluation) {
        try {
            return evaluation.get();
        } catch (MathRuntimeException e) {
            throw translate(e, At.time(t));
        }
    }

    @Override
    public void handleStep(ODEStateInterpolator interpolator) {
        double t = interpolator.getCurrentState().getTime();
        // An event splits a step and may leave a piece of length 0; only a run of them is a stall.
        stalled = t > reached ? 0 : stalled + 1;
        if (stalled > MAX_STALLED_STEPS) {
            throw new DivergenceException(At.time(t), "the integration step", "", "fell below the resolution of t ("
                    + Math.ulp(t) + " steps) for " + stalled + " steps: the dynamics move too fast to follow", advice);
        }
        Divergence.requireInRange(interpolator.getCurrentState().getPrimaryState(), At.time(t), quantity, entry,
                Precision.DOUBLE, advice);
        reached = t;
    }

    /** Hipparchus's ways of failing on a diverging system, as divergences; any other exception is a bug and stays. */
    private RuntimeException translate(MathRuntimeException e, At at) {
        Object what = e.getSpecifier();
        if (what == LocalizedODEFormats.NAN_APPEARING_DURING_INTEGRATION) {
            return new DivergenceException(at, quantity, "", "is not finite after the next integration step", advice);
        }
        if (what == LocalizedODEFormats.MINIMAL_STEPSIZE_REACHED_DURING_INTEGRATION) {
            return new DivergenceException(at, "the integration step", "", "fell below the smallest allowed ("
                    + e.getParts()[1] + " steps): the dynamics move too fast to follow", advice);
        }
        if (what == LocalizedCoreFormats.MAX_COUNT_EXCEEDED) {
            return new DivergenceException(at, "the integration", "", "needed more than " + e.getParts()[0]
                    + " evaluations or iterations: the dynamics move too fast to follow", advice);
        }
        if (what == LocalizedCoreFormats.SINGULAR_MATRIX) {
            return new DivergenceException(at, "the Gram matrix I + E of the decoder inputs f_n (Theorem 1)", "",
                    "is singular: two classes' f_n coincide to machine precision", advice);
        }
        return e;
    }
}
