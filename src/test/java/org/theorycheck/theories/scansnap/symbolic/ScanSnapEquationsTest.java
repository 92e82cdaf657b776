package org.theorycheck.theories.scansnap.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.theorycheck.core.symbolic.SymbolicEngine;

class ScanSnapEquationsTest {

    /** Same formula, two evaluation orders in double precision. */
    private static final double RELATIVE = 1e-12;

    /** The closed form must solve Lemma 6's implicit equation to this relative residual. */
    private static final double IMPLICIT_RELATIVE = 1e-10;

    private static ScanSnapEquations eq;

    @BeforeAll
    static void start() {
        eq = new ScanSnapEquations(SymbolicEngine.shared());
    }

    private static void assertRelative(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(RELATIVE * Math.max(1, Math.abs(expected))));
    }

    @Test
    void scalarEvaluatorsAgreeWithPlainJava() {
        Random random = new Random(7);
        for (int i = 0; i < 8; i++) {
            double m = 2 + random.nextInt(200);
            double etaY = 0.05 + 5 * random.nextDouble();
            double etaZ = 0.05 + 5 * random.nextDouble();
            double h = 3 * random.nextDouble() / m;
            double z = -random.nextDouble();
            double gamma = 10 * random.nextDouble();
            double capGamma = 10 * random.nextDouble();
            double c0 = 0.01 + random.nextDouble();
            double k = 1 + random.nextInt(20);
            assertRelative(eq.lemma6Rhs(h, m, etaY), PlainJava.lemma6Rhs(h, m, etaY));
            assertRelative(eq.lemma5Step(h, m, etaY), h + PlainJava.lemma6Rhs(h, m, etaY));
            assertRelative(eq.gammaOfH(h, m), PlainJava.gammaOfH(h, m));
            assertRelative(eq.eqn13Rhs(z, gamma, c0, etaZ), PlainJava.eqn13Rhs(z, gamma, c0, etaZ));
            assertRelative(eq.appFZ(capGamma, c0), PlainJava.appFZ(capGamma, c0));
            assertRelative(eq.appFXi(gamma, capGamma, c0), PlainJava.appFXi(gamma, capGamma, c0));
            assertRelative(eq.appFB(capGamma, c0), PlainJava.appFB(capGamma, c0));

            double t = 10 * random.nextDouble();
            double hOfT = PlainJava.lemma6H(t / k, m, etaY);
            assertRelative(eq.lemma6H(t / k, m, etaY), hOfT);
            assertRelative(eq.gamma(t, m, k, etaY), PlainJava.gammaOfH(hOfT, m));
            double capGamma128 = PlainJava.eqn128(hOfT, m, k, etaY, etaZ);
            assertRelative(eq.appFCapGamma(t, m, k, etaY, etaZ), capGamma128);
            assertRelative(eq.appFBOfTime(t, m, k, etaY, etaZ, c0), PlainJava.appFB(capGamma128, c0));
        }
    }

    @Test
    void lambertClosedFormSolvesTheImplicitEquation() {
        for (double m : new double[] {2, 3, 10, 100, 1000}) {
            for (double etaY : new double[] {0.1, 1, 10}) {
                for (double t : new double[] {0, 0.5, 10, 1000}) {
                    double h = eq.lemma6H(t, m, etaY);
                    double r = m * etaY * t + 1;
                    double residual = Math.exp(m * h) + (m - 1) * m * h - r;
                    assertThat(Math.abs(residual) / r).as("M=%s eta=%s t=%s", m, etaY, t).isLessThan(IMPLICIT_RELATIVE);
                    assertThat(h).isGreaterThanOrEqualTo(0);
                }
            }
        }
    }

    @Test
    void eqn3EvaluatorAgreesWithPlainJava() {
        Random random = new Random(11);
        int[][] contexts = {{0, 1, 1}, {2, 2, 0}, {1}, {0, 1, 2}};
        for (int c = 0; c < contexts.length; c++) {
            int[] tokens = contexts[c];
            int next = c % 3;
            {
                double[][] y = new double[3][3];
                double[] z = new double[3];
                for (int l = 0; l < 3; l++) {
                    z[l] = 4 * random.nextDouble() - 2;
                    for (int k = 0; k < 3; k++) {
                        y[l][k] = 6 * random.nextDouble() - 3;
                    }
                }
                SymbolicGradient symbolic = eq.eqn3Gradient(y, z, tokens, next);
                double[][] plain = PlainJava.eqn3(y, z, tokens, next);
                for (int l = 0; l < 3; l++) {
                    for (int k = 0; k < 3; k++) {
                        assertThat(symbolic.dY()[l][k]).isCloseTo(plain[l][k], within(RELATIVE));
                    }
                    assertThat(symbolic.dz()[l]).isCloseTo(plain[3][l], within(RELATIVE));
                }
            }
        }
    }

    @Test
    void isConfinedToItsThread() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            assertThatThrownBy(() -> other.submit(() -> eq.lemma6Rhs(0.1, 3, 1)).get())
                    .hasCauseInstanceOf(IllegalStateException.class);
        } finally {
            other.shutdownNow();
        }
    }
}
