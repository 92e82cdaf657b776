package org.theorycheck.theories.scansnap.rungs;

import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.ode.AbstractIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.nonstiff.ClassicalRungeKuttaIntegrator;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reference problem: Eqn. 13 with its exact solution (Appendix F), on Fig. 3's setting; the consistency of
 * Eqn. 128 with Γ = η_Z ∫γ; Theorem 4's regimes; the knee estimator of {@link SnapTime}.
 */
class AppendixFTest {

    /** Global error allowed along the whole trajectory of Eqn. 13 integrated at 1e-13 local tolerance. */
    private static final double INTEGRATION_TOLERANCE = 1e-8;
    private static final double TIGHT = 1e-13;
    /** Eqn. 128 vs a 1e-13-tolerance quadrature of η_Z γ, relative. */
    private static final double QUADRATURE_TOLERANCE = 1e-9;
    /** Below this a coarse integration is indistinguishable from the exact solution; the control must exceed it. */
    private static final double NEGATIVE_CONTROL_FLOOR = 1e-6;
    private static final double HORIZON = 700;

    /** Fig. 3: K = 10, M = 1000, η_Z = 0.5, η_Y = 1; C₀ of syn-small's overlap (any positive C₀ is a valid test). */
    private static AppendixF fig3(double etaY) {
        return new AppendixF(new DecoderClosedForm(1000, 10, etaY), 0.5, 0.959);
    }

    /** Runs Eqn. 13 and returns the largest deviation of (z, B, Γ) from the closed forms over every step. */
    private static double[] maxDeviation(AppendixF model, AbstractIntegrator integrator) {
        double[] worst = new double[3];
        integrator.addStepHandler(new ODEStepHandler() {
            @Override
            public void handleStep(ODEStateInterpolator interpolator) {
                double from = interpolator.getPreviousState().getTime();
                double to = interpolator.getCurrentState().getTime();
                for (int i = 0; i <= 4; i++) {
                    ODEStateAndDerivative s = interpolator.getInterpolatedState(from + i * (to - from) / 4);
                    double t = s.getTime();
                    double[] y = s.getPrimaryState();
                    worst[0] = Math.max(worst[0], Math.abs(y[0] - model.commonLogit(t)));
                    worst[1] = Math.max(worst[1], Math.abs(y[1] - model.b(t)));
                    worst[2] = Math.max(worst[2], Math.abs(y[2] - model.bigGamma(t)) / Math.max(1, model.bigGamma(t)));
                }
            }
        });
        integrator.integrate(model.equation13(), new ODEState(0, new double[3]), HORIZON);
        return worst;
    }

    @Test
    void integratingEquation13ReproducesTheClosedFormsAlongTheWholeTrajectory() {
        for (double etaY : new double[] {0.5, 1, 2, 5}) {
            AppendixF model = fig3(etaY);
            double[] worst = maxDeviation(model, new DormandPrince853Integrator(0, HORIZON, TIGHT, TIGHT));
            System.out.printf("Eqn. 13 vs closed forms, eta_Y=%.1f: max |z err| %.2e, |B err| %.2e, Gamma rel err %.2e "
                            + "(Gamma(700)=%.4f, z(700)=%.4f, B(700)=%.4f)%n",
                    etaY, worst[0], worst[1], worst[2], model.bigGamma(HORIZON), model.commonLogit(HORIZON), model.b(HORIZON));
            assertThat(worst[0]).isLessThanOrEqualTo(INTEGRATION_TOLERANCE);
            assertThat(worst[1]).isLessThanOrEqualTo(INTEGRATION_TOLERANCE);
            assertThat(worst[2]).as("Eqn. 128 is η_Z ∫γ").isLessThanOrEqualTo(QUADRATURE_TOLERANCE);
        }
    }

    @Test
    void theorem4RegimesApproachBOnTheirSides() {
        AppendixF model = fig3(1);
        double t0Prime = model.scanEnd();
        double t0 = model.snapTime();
        double scanFar = relativeError(model.scanRegimeB(t0Prime / 100), model.b(t0Prime / 100));
        double scanNear = relativeError(model.scanRegimeB(t0Prime / 4), model.b(t0Prime / 4));
        double scanAtEnd = relativeError(model.scanRegimeB(t0Prime), model.b(t0Prime));
        double snapNear = relativeError(model.snapRegimeB(t0), model.b(t0));
        double snapFar = relativeError(model.snapRegimeB(100 * t0), model.b(100 * t0));
        double snapFarther = relativeError(model.snapRegimeB(1e4 * t0), model.b(1e4 * t0));
        System.out.printf("Eqn. 14 scan regime rel. error at t0'/100, t0'/4, t0': %.2e, %.2e, %.2e; "
                + "snap regime at t0, 100 t0, 1e4 t0: %.2e, %.2e, %.2e%n", scanFar, scanNear, scanAtEnd, snapNear, snapFar, snapFarther);
        assertThat(scanFar).isLessThan(scanNear);
        assertThat(scanNear).isLessThan(scanAtEnd);
        assertThat(snapFar).isLessThan(snapNear);
        assertThat(snapFarther).isLessThan(snapFar);
    }

    private static double relativeError(double approximation, double exact) {
        return Math.abs(approximation - exact) / Math.abs(exact);
    }

    @Test
    void kneeEstimatorConvergesToTheHalfSlopeCrossingOfTheExactB() {
        AppendixF model = fig3(1);
        double etaZ = model.etaZ();
        java.util.function.DoubleUnaryOperator slope = t -> t * etaZ * model.xi(t);
        double peak = 0;
        double peakTime = 0;
        for (double logT = -2; logT <= 6; logT += 1e-4) {
            double t = Math.pow(10, logT);
            if (slope.applyAsDouble(t) > peak) {
                peak = slope.applyAsDouble(t);
                peakTime = t;
            }
        }
        double half = peak / 2;
        double crossing = new BrentSolver(1e-12).solve(1000, t -> slope.applyAsDouble(t) - half, peakTime, 1e6);

        int samples = 20_001;
        double[] t = new double[samples];
        double[] b = new double[samples];
        for (int i = 0; i < samples; i++) {
            t[i] = Math.pow(10, -2 + 8.0 * i / (samples - 1));
            b[i] = model.b(t[i]);
        }
        double knee = SnapTime.knee(t, b);
        double[] coarse = new double[141];
        double[] coarseB = new double[141];
        for (int i = 0; i < coarse.length; i++) {
            coarse[i] = 5 * i;
            coarseB[i] = model.b(coarse[i]);
        }
        double recordKnee = SnapTime.knee(coarse, coarseB);
        System.out.printf("Knee of B vs ln t (Fig. 3, eta_Y=1): exact half-slope crossing %.4f, dense estimate %.4f, "
                        + "every-5-steps estimate %.4f; t0'=%.3f, t0=%.3f%n",
                crossing, knee, recordKnee, model.scanEnd(), model.snapTime());
        assertThat(Math.abs(knee - crossing) / crossing).isLessThanOrEqualTo(1e-3);
        assertThat(Double.isNaN(SnapTime.knee(new double[] {0, 1, 2, 3}, new double[] {0, 1, 2, 3}))).isTrue();
    }

    @Test
    void coarseFixedStepIntegrationIsDetectablyWrongAndConvergesAtFourthOrder() {
        AppendixF model = fig3(1);
        double coarse = maxDeviation(model, new ClassicalRungeKuttaIntegrator(20))[1];
        double half = maxDeviation(model, new ClassicalRungeKuttaIntegrator(10))[1];
        double quarter = maxDeviation(model, new ClassicalRungeKuttaIntegrator(5))[1];
        double order1 = Math.log(coarse / half) / Math.log(2);
        double order2 = Math.log(half / quarter) / Math.log(2);
        System.out.printf("RK4 on Eqn. 13, max |B err| at steps 20, 10, 5: %.3e, %.3e, %.3e; observed orders %.2f, %.2f%n",
                coarse, half, quarter, order1, order2);
        assertThat(coarse).isGreaterThan(NEGATIVE_CONTROL_FLOOR);
        assertThat(order2).isBetween(3.5, 4.5);
    }
}
