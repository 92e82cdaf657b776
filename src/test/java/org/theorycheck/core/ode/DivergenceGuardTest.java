package org.theorycheck.core.ode;

import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;
import org.theorycheck.core.ladder.DivergenceException;

import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Every way an integration of a rung can break down ends as a divergence at a named time, not as one of
 * Hipparchus's exceptions; each case on a small system that breaks down in that way.
 */
class DivergenceGuardTest {

    private static final double TOLERANCE = 1e-10;

    /** dy/dt = rate(t, y) in {@code dimension} dimensions. */
    private static OrdinaryDifferentialEquation equation(int dimension, BiFunction<Double, double[], double[]> rate) {
        return new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return dimension;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                return rate.apply(t, y);
            }
        };
    }

    private static DivergenceException integrate(DormandPrince853Integrator integrator, double t0, double[] y0, double end,
                                                 BiFunction<Double, double[], double[]> rate) {
        OrdinaryDifferentialEquation equation = equation(y0.length, rate);
        DivergenceGuard guard = new DivergenceGuard("the state", i -> "(" + i + ")", "lower the rate");
        return org.junit.jupiter.api.Assertions.assertThrows(DivergenceException.class,
                () -> guard.integrate(integrator, equation, new ODEState(t0, y0), end));
    }

    private static DormandPrince853Integrator integrator(double minStep, double maxStep) {
        return new DormandPrince853Integrator(minStep, maxStep, TOLERANCE, TOLERANCE);
    }

    /** dy/dt = y², y(0) = 1: y = 1/(1 − t) passes 2^52 shortly before t = 1. */
    @Test
    void aStateThatBlowsUpIsCaughtBeforeItOverflowsTheArithmetic() {
        DivergenceException e = integrate(integrator(0, 10), 0, new double[] {0, 1}, 2,
                (t, y) -> new double[] {0, y[1] * y[1]});
        assertThat(e.at().continuous()).isTrue();
        assertThat(e.at().time()).as("the blow-up of the numerical solution").isCloseTo(1, within(1e-6));
        assertThat(e.quantity()).isEqualTo("the state");
        assertThat(e.entry()).isEqualTo("(1)");
        assertThat(e.getMessage()).contains("overflows", "2^52", "lower the rate");
    }

    @Test
    void aRateThatIsNotFiniteNamesItsEntryAndTime() {
        DivergenceException e = integrate(integrator(0, 0.25), 0, new double[] {1, 1}, 2,
                (t, y) -> new double[] {t > 1 ? Double.NaN : 1, 0});
        assertThat(e.at().time()).isGreaterThan(1).isLessThanOrEqualTo(1.25);
        assertThat(e.quantity()).isEqualTo("the rate of change of the state");
        assertThat(e.entry()).isEqualTo("(0)");
    }

    @Test
    void aStepBelowTheIntegratorsMinimumIsADivergence() {
        // stiff: an explicit method needs steps of about 1/1000, far below the minimum of 0.1
        DivergenceException e = integrate(integrator(0.1, 1), 0, new double[] {1}, 5, (t, y) -> new double[] {-1e3 * y[0]});
        assertThat(e.quantity()).isEqualTo("the integration step");
        assertThat(e.getMessage()).contains("fell below the smallest allowed (0.1");
    }

    @Test
    void moreEvaluationsThanAllowedIsADivergence() {
        DormandPrince853Integrator limited = integrator(0, 0.01);
        limited.setMaxEvaluations(50);
        DivergenceException e = integrate(limited, 0, new double[] {1}, 5, (t, y) -> new double[] {-y[0]});
        assertThat(e.quantity()).isEqualTo("the integration");
        assertThat(e.getMessage()).contains("more than 50 evaluations");
        assertThat(e.at().time()).isGreaterThan(0).isLessThan(5);
    }

    /**
     * Without a minimal step the step can shrink below the resolution of t, where t + h = t: steps are accepted
     * but time stands still. At t = 1e20 (one ulp is 16384) a decay at rate 1e6 needs steps of about 1e-6.
     */
    @Test
    void anIntegrationThatStallsStopsInsteadOfLooping() {
        DivergenceException e = integrate(integrator(0, 1e30), 1e20, new double[] {1}, 2e20, (t, y) -> new double[] {-1e6 * y[0]});
        assertThat(e.quantity()).isEqualTo("the integration step");
        assertThat(e.getMessage()).contains("fell below the resolution of t");
        assertThat(e.at().time()).isEqualTo(1e20);
    }

    @Test
    void aSingularMatrixInTheVectorFieldIsADivergenceAtItsTime() {
        DivergenceException e = integrate(integrator(0, 0.25), 0, new double[] {1}, 2, (t, y) -> {
            if (t > 1) {
                throw new MathIllegalArgumentException(LocalizedCoreFormats.SINGULAR_MATRIX);
            }
            return new double[] {0};
        });
        assertThat(e.getMessage()).contains("singular");
        assertThat(e.at().time()).isGreaterThan(1).isLessThanOrEqualTo(1.25);
    }

    @Test
    void anyOtherHipparchusExceptionIsABugAndStaysAsItIs() {
        OrdinaryDifferentialEquation wrongDimension = equation(1, (t, y) -> new double[] {0});
        DivergenceGuard guard = new DivergenceGuard("the state", i -> "", "lower the rate");
        assertThatThrownBy(() -> guard.integrate(integrator(0, 1), wrongDimension, new ODEState(0, new double[2]), 1))
                .isInstanceOf(MathIllegalArgumentException.class);
    }

    /** A negative control: a well-behaved system integrates to its end through the guard, exactly. */
    @Test
    void aWellBehavedSystemPassesUntouched() {
        OrdinaryDifferentialEquation decay = equation(1, (t, y) -> new double[] {-y[0]});
        double[] last = new double[1];
        DormandPrince853Integrator integrator = integrator(0, 1);
        integrator.addStepHandler(i -> last[0] = i.getCurrentState().getPrimaryState()[0]);
        new DivergenceGuard("the state", i -> "", "lower the rate").integrate(integrator, decay, new ODEState(0, new double[] {1}), 3);
        assertThat(last[0]).isCloseTo(Math.exp(-3), within(1e-9));
    }
}
