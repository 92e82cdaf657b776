package org.theorycheck.theories.scansnap.model;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link YZGradient#accumulate} against central finite differences of its own loss, for every model
 * variant (normalise on/off × residual on/off), on random small instances: every entry of ∂loss/∂Y,
 * every entry of the query row of ∂loss/∂Z, and no other row of ∂loss/∂Z touched.
 */
class YZGradientFiniteDifferenceProperties {

    /**
     * Step of the five-point central stencil. Its truncation error is O(h⁴·∂⁵loss) ≈ 1e-16 here, its
     * round-off ≈ ε·|loss|/h ≈ 1e-12·|loss|, both far below the tolerance.
     */
    static final double STEP = 1e-4;
    /** An exact gradient agrees with the stencil to this relative error. */
    static final double RELATIVE_TOLERANCE = 1e-6;
    /**
     * Entries smaller than this are compared in absolute terms (1e-6 × 1e-4 = 1e-10): an entry that
     * should be zero differs from the stencil by round-off only (≈ 1e-12·|loss|, |loss| < 10 here).
     */
    static final double ABSOLUTE_FLOOR = 1e-4;

    private static final boolean[][] VARIANTS = {{true, false}, {true, true}, {false, false}, {false, true}};

    @Property(tries = 200)
    void gradientMatchesFiniteDifferencesInEveryVariant(@ForAll @IntRange(min = 3, max = 8) int size,
                                                        @ForAll long seed) {
        GradientInstance s = GradientInstance.random(size, seed);
        for (boolean[] v : VARIANTS) {
            Analytic g = analytic(s, v[0], v[1]);
            String variant = "normalize=" + v[0] + " residual=" + v[1] + " " + s;
            assertThat(worstViolation(s, g, v[0], v[1])).as(variant).isLessThanOrEqualTo(1.0);
        }
    }

    @Property(tries = 200)
    void accumulateAddsScaledGradientOnlyToTheQueryRowAndReturnsTheLoss(@ForAll @IntRange(min = 3, max = 8) int size,
                                                                      @ForAll long seed) {
        GradientInstance s = GradientInstance.random(size, seed);
        int m = s.size();
        for (boolean[] v : VARIANTS) {
            double[] y = s.y().clone();
            double[] z = s.z().clone();
            double[] gradY = s.prefilled(1);
            double[] gradZ = s.prefilled(2);
            double[] gradYBefore = gradY.clone();
            double[] gradZBefore = gradZ.clone();
            YZGradient gradient = new YZGradient(m, v[0], v[1]);
            double loss = gradient.accumulate(y, z, s.query(), s.next(), s.tokens(), s.weights(), s.count(), s.scale(),
                    gradY, gradZ);
            Analytic unit = analytic(s, v[0], v[1]);
            assertThat(loss).isEqualTo(unit.loss);
            assertThat(y).as("Y is read only").isEqualTo(s.y());
            assertThat(z).as("Z is read only").isEqualTo(s.z());
            for (int i = 0; i < m * m; i++) {
                assertThat(gradY[i] - gradYBefore[i]).isCloseTo(s.scale() * unit.gradY[i],
                        org.assertj.core.api.Assertions.within(1e-14));
                if (i / m == s.query()) {
                    assertThat(gradZ[i] - gradZBefore[i]).isCloseTo(s.scale() * unit.gradZ[i],
                            org.assertj.core.api.Assertions.within(1e-14));
                } else {
                    assertThat(gradZ[i]).as("row %d of Z is not the query row", i / m).isEqualTo(gradZBefore[i]);
                }
            }
        }
    }

    /** Negative control: a gradient perturbed by 1e-4 relative in one entry must fail the check. */
    @Property(tries = 50)
    void perturbedGradientFailsTheCheck(@ForAll @IntRange(min = 3, max = 8) int size, @ForAll long seed,
                                        @ForAll @IntRange(min = 0, max = 63) int which) {
        GradientInstance s = GradientInstance.random(size, seed);
        Analytic g = analytic(s, true, false);
        int i = which % (size * size);
        g.gradY[i] += 1e-4 * Math.max(Math.abs(g.gradY[i]), ABSOLUTE_FLOOR);
        assertThat(worstViolation(s, g, true, false)).isGreaterThan(1.0);
    }

    /** Negative control: the gradient of one variant does not pass as the gradient of another. */
    @Example
    void gradientOfAnotherVariantFailsTheCheck() {
        GradientInstance s = GradientInstance.random(6, 42);
        assertThat(worstViolation(s, analytic(s, true, true), true, false)).isGreaterThan(1.0);
        assertThat(worstViolation(s, analytic(s, false, false), true, false)).isGreaterThan(1.0);
        assertThat(worstViolation(s, analytic(s, true, false), false, false)).isGreaterThan(1.0);
    }

    /** The unit-scale analytic gradient into zeroed buffers. */
    record Analytic(double loss, double[] gradY, double[] gradZ) {}

    static Analytic analytic(GradientInstance s, boolean normalize, boolean residual) {
        int m = s.size();
        double[] gy = new double[m * m];
        double[] gz = new double[m * m];
        double loss = new YZGradient(m, normalize, residual).accumulate(s.y(), s.z(), s.query(), s.next(),
                s.tokens(), s.weights(), s.count(), 1.0, gy, gz);
        return new Analytic(loss, gy, gz);
    }

    /**
     * The largest |analytic − stencil| / (RELATIVE_TOLERANCE · max(|analytic|, |stencil|, ABSOLUTE_FLOOR)) over
     * all of Y and the query row of Z: ≤ 1 means the gradient passes.
     */
    static double worstViolation(GradientInstance s, Analytic g, boolean normalize, boolean residual) {
        int m = s.size();
        double worst = 0;
        for (int i = 0; i < m * m; i++) {
            double fd = stencil(s, s.y().clone(), i, true, normalize, residual);
            worst = Math.max(worst, violation(g.gradY[i], fd));
        }
        for (int l = 0; l < m; l++) {
            int i = s.query() * m + l;
            double fd = stencil(s, s.z().clone(), i, false, normalize, residual);
            worst = Math.max(worst, violation(g.gradZ[i], fd));
        }
        return worst;
    }

    private static double violation(double analytic, double fd) {
        double scale = Math.max(Math.max(Math.abs(analytic), Math.abs(fd)), ABSOLUTE_FLOOR);
        return Math.abs(analytic - fd) / (RELATIVE_TOLERANCE * scale);
    }

    /** Five-point central difference of the loss in entry {@code i} of Y ({@code ofY}) or Z. */
    private static double stencil(GradientInstance s, double[] theta, int i, boolean ofY, boolean normalize,
                                  boolean residual) {
        double x = theta[i];
        double[] at = new double[4];
        double[] offsets = {2 * STEP, STEP, -STEP, -2 * STEP};
        for (int k = 0; k < 4; k++) {
            theta[i] = x + offsets[k];
            at[k] = ofY ? s.loss(theta, s.z(), normalize, residual) : s.loss(s.y(), theta, normalize, residual);
        }
        theta[i] = x;
        return (-at[0] + 8 * at[1] - 8 * at[2] + at[3]) / (12 * STEP);
    }
}
