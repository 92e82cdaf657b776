package org.theorycheck.theories.scansnap.rungs;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reference problem: Lemma 6's h(s), with its exact implicit solution, against Lemma 5 and an ODE solver. */
class DecoderClosedFormTest {

    /** The implicit equation is solved to rounding; 1e-12 leaves room for the e^{Mh} evaluation. */
    private static final double IMPLICIT_TOLERANCE = 1e-12;
    /** DormandPrince853 at 1e-13 local tolerance: the global error over s ≤ 500 must stay below this. */
    private static final double INTEGRATION_TOLERANCE = 1e-8;
    private static final double TIGHT = 1e-13;
    /** The detector's bracketing solver stops at 1e-12 absolute in t; relative agreement allowed. */
    private static final double PEAK_TOLERANCE = 1e-10;

    private static final int[] VOCABULARIES = {2, 50, 1000, 100_000};
    private static final double[] RATES = {0.01, 0.5, 2, 40};

    @Test
    void implicitSolutionSatisfiesLemma6EquationOverTwentyDecades() {
        double worst = 0;
        for (int m : VOCABULARIES) {
            for (double eta : RATES) {
                DecoderClosedForm decoder = new DecoderClosedForm(m, 1, eta);
                for (double logS = -8; logS <= 12; logS += 0.05) {
                    double s = Math.pow(10, logS);
                    double h = decoder.h(s);
                    assertThat(h).isFinite().isPositive();
                    worst = Math.max(worst, Math.abs(decoder.implicitResidual(s, h)));
                }
            }
        }
        System.out.printf("Lemma 6 implicit equation: worst relative residual %.3e%n", worst);
        assertThat(worst).isLessThanOrEqualTo(IMPLICIT_TOLERANCE);
    }

    @Test
    void implicitSolutionStaysFiniteWhereExpOfTheLambertArgumentOverflows() {
        DecoderClosedForm decoder = new DecoderClosedForm(1000, 10, 5);
        double s = 1e300;
        double h = decoder.h(s);
        assertThat(h).isFinite();
        assertThat(Math.abs(decoder.implicitResidual(s, h))).isLessThanOrEqualTo(IMPLICIT_TOLERANCE);
        assertThat(decoder.h(0)).isZero();
    }

    @Test
    void integratingLemma6OdeReproducesTheImplicitSolutionAlongTheWholeTrajectory() {
        for (int m : new int[] {50, 1000}) {
            for (double eta : new double[] {0.1, 2, 4}) {
                DecoderClosedForm decoder = new DecoderClosedForm(m, 1, eta);
                double[] worst = {0};
                int[] checks = {0};
                DormandPrince853Integrator integrator = new DormandPrince853Integrator(0, 500, TIGHT, TIGHT);
                integrator.addStepHandler(new ODEStepHandler() {
                    @Override
                    public void handleStep(ODEStateInterpolator interpolator) {
                        double from = interpolator.getPreviousState().getTime();
                        double to = interpolator.getCurrentState().getTime();
                        for (int i = 0; i <= 4; i++) {
                            ODEStateAndDerivative s = interpolator.getInterpolatedState(from + i * (to - from) / 4);
                            worst[0] = Math.max(worst[0],
                                    Math.abs(s.getPrimaryState()[0] - decoder.h(s.getTime())));
                            checks[0]++;
                        }
                    }
                });
                integrator.integrate(decoder.lemma6Equation(), new ODEState(0, new double[1]), 500);
                System.out.printf("Lemma 6 ODE vs implicit solution, M=%d eta_Y=%.1f: max |error| %.3e over %d points%n",
                        m, eta, worst[0], checks[0]);
                assertThat(worst[0]).isLessThanOrEqualTo(INTEGRATION_TOLERANCE);
            }
        }
    }

    @Test
    void lemma7DiscreteRecursionStaysAboveAndWithinTwoEtaOverMOfTheContinuousSolution() {
        checkLemma7(50, new double[] {0.1, 0.2, 0.5, 1, 2});
        checkLemma7(1000, new double[] {0.2, 0.5, 1, 2, 4});
    }

    private static void checkLemma7(int m, double[] rates) {
        for (double eta : rates) {
            DecoderClosedForm decoder = new DecoderClosedForm(m, 1, eta);
            double[] discrete = decoder.discreteH(500);
            double smallest = Double.POSITIVE_INFINITY;
            double largest = 0;
            for (int s = 0; s <= 500; s++) {
                double gap = discrete[s] - decoder.h(s);
                smallest = Math.min(smallest, gap);
                largest = Math.max(largest, gap);
            }
            double bound = 2 * eta / m;
            double last = discrete[500] - decoder.h(500);
            System.out.printf("Lemma 7, M=%d eta_Y=%.1f: gap in [%.3e, %.3e], bound 2eta/M=%.3e (max/bound=%.3f), gap(500)=%.3e%n",
                    m, eta, smallest, largest, bound, largest / bound, last);
            assertThat(smallest).as("h* - h at M=%d, eta=%s", m, eta).isGreaterThanOrEqualTo(0);
            assertThat(largest).as("h* - h at M=%d, eta=%s", m, eta).isLessThanOrEqualTo(bound);
            assertThat(last).as("the gap shrinks (Lemma 7)").isLessThan(largest);
        }
    }

    @Test
    void gammaPeaksBeforeTheScanBoundaryAtATimeInverselyProportionalToEtaY() {
        int k = 10;
        int m = 1000;
        double[] rates = {0.5, 1, 2, 5};
        double[] scaled = new double[rates.length];
        for (int i = 0; i < rates.length; i++) {
            DecoderClosedForm decoder = new DecoderClosedForm(m, k, rates[i]);
            double detected = SnapTime.gammaPeakTime(decoder, 700).orElseThrow();
            double analytic = decoder.gammaPeakTime();
            scaled[i] = detected * rates[i];
            System.out.printf("Fig. 3, eta_Y=%.1f: gamma peak detected t=%.6f, analytic t=%.6f; "
                            + "K lnM/eta_Y=%.3f (ratio %.4f), 2K lnM/eta_Y=%.3f (ratio %.4f); M h at peak %.4f vs ln M %.4f%n",
                    rates[i], detected, analytic, decoder.scanBoundary(), detected / decoder.scanBoundary(),
                    decoder.snapTime(), detected / decoder.snapTime(), decoder.gammaPeakScaledH(), Math.log(m));
            assertThat(Math.abs(detected - analytic) / analytic).isLessThanOrEqualTo(PEAK_TOLERANCE);
            assertThat(decoder.gammaRate(detected - 1e-3)).isPositive();
            assertThat(decoder.gammaRate(detected + 1e-3)).isNegative();
            assertThat(detected).isLessThan(decoder.scanBoundary());
        }
        for (double v : scaled) {
            assertThat(Math.abs(v - scaled[0]) / scaled[0]).isLessThanOrEqualTo(PEAK_TOLERANCE);
        }
    }
}
