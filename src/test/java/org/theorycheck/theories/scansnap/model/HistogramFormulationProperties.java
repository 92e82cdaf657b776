package org.theorycheck.theories.scansnap.model;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The histogram formulation of {@link YZGradient} equals the paper's per-position formulation
 * (Eqn. 1–3 over the T−1 positions, {@link PerPositionReference}) in every variant, and, for the
 * normalised model without residual, the closed form of Lemma 1 (Eqn. 3).
 */
class HistogramFormulationProperties {

    /**
     * The formulations add the same O(1) terms in a different order (per token vs per position, at most
     * a few tens of terms), so they differ by a few ulps: 1e-12 (relative to max(1, |value|)) is ~1e4 ulps.
     */
    static final double FORMULATION_TOLERANCE = 1e-12;

    private static final boolean[][] VARIANTS = {{true, false}, {true, true}, {false, false}, {false, true}};

    @Property(tries = 300)
    void histogramEqualsPerPositionFormula(@ForAll @IntRange(min = 3, max = 8) int size, @ForAll long seed) {
        GradientInstance s = GradientInstance.random(size, seed);
        int[] positions = s.positions(seed);
        for (boolean[] v : VARIANTS) {
            PerPositionReference.Result ref = PerPositionReference.evaluate(size, s.y(), s.z(), s.query(), s.next(),
                    positions, v[0], v[1]);
            YZGradientFiniteDifferenceProperties.Analytic h = YZGradientFiniteDifferenceProperties.analytic(s, v[0], v[1]);
            String what = "normalize=" + v[0] + " residual=" + v[1] + " " + s;
            assertClose(h.loss(), ref.loss(), what + " loss");
            for (int i = 0; i < size * size; i++) {
                assertClose(h.gradY()[i], ref.gradY()[i], what + " dY[" + i + "]");
            }
            for (int l = 0; l < size; l++) {
                assertClose(h.gradZ()[s.query() * size + l], ref.gradZRow()[l], what + " dz_m[" + l + "]");
            }
        }
    }

    /**
     * Lemma 1, Eqn. 3 (normalised, no residual, batch of one): the gradient-descent direction is
     * −∂loss/∂Y = f(e_n − α)ᵀ and −∂loss/∂z_m = diag(f)(I − ffᵀ)Y(e_n − α) exactly — the scaling constant
     * between the loss gradient and Eqn. 3's right-hand side (per unit η) is −1, because
     * ∂loss/∂z_m = diag(a)(g − (aᵀg)1) with g = (I − ffᵀ)Y(α − e_n)/‖a‖ and aᵀg = 0, and diag(a)/‖a‖ = diag(f).
     */
    @Property(tries = 300)
    void normalisedGradientIsMinusEqn3(@ForAll @IntRange(min = 3, max = 8) int size, @ForAll long seed) {
        GradientInstance s = GradientInstance.random(size, seed);
        YZGradientFiniteDifferenceProperties.Analytic h = YZGradientFiniteDifferenceProperties.analytic(s, true, false);
        Eqn3 rhs = eqn3(s, false);
        for (int i = 0; i < size * size; i++) {
            assertClose(-h.gradY()[i], rhs.dY[i], s + " dY[" + i + "]");
        }
        for (int l = 0; l < size; l++) {
            assertClose(-h.gradZ()[s.query() * size + l], rhs.dzm[l], s + " dz_m[" + l + "]");
        }
    }

    /**
     * Negative control, and the paper's own caveat (§1.2): with the residual, Eqn. 3 evaluated at
     * f = (a + e_m)/‖a + e_m‖ is not the gradient, because ∂a/∂z_m keeps its −aaᵀ term.
     */
    @Example
    void residualVariantIsNotEqn3() {
        GradientInstance s = GradientInstance.random(6, 7);
        YZGradientFiniteDifferenceProperties.Analytic h = YZGradientFiniteDifferenceProperties.analytic(s, true, true);
        Eqn3 rhs = eqn3(s, true);
        double worst = 0;
        for (int l = 0; l < 6; l++) {
            worst = Math.max(worst, Math.abs(-h.gradZ()[s.query() * 6 + l] - rhs.dzm[l]));
        }
        assertThat(worst).isGreaterThan(1e-3);
    }

    record Eqn3(double[] dY, double[] dzm) {}

    /** Eqn. 3's right-hand sides per unit rate, from an independent forward pass on the histogram. */
    static Eqn3 eqn3(GradientInstance s, boolean residual) {
        int m = s.size();
        double[] a = new double[m];
        double total = 0;
        for (int i = 0; i < s.count(); i++) {
            double w = s.weights()[i] * Math.exp(s.z()[s.query() * m + s.tokens()[i]]);
            a[s.tokens()[i]] += w;
            total += w;
        }
        for (int l = 0; l < m; l++) {
            a[l] /= total;
        }
        if (residual) {
            a[s.query()] += 1;
        }
        double norm = 0;
        for (double v : a) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        double[] f = new double[m];
        for (int l = 0; l < m; l++) {
            f[l] = a[l] / norm;
        }
        double[] o = new double[m];
        for (int j = 0; j < m; j++) {
            for (int l = 0; l < m; l++) {
                o[j] += s.y()[l * m + j] * f[l];
            }
        }
        double max = java.util.Arrays.stream(o).max().orElseThrow();
        double part = 0;
        for (double v : o) {
            part += Math.exp(v - max);
        }
        double[] r = new double[m];   // e_n − α
        for (int j = 0; j < m; j++) {
            r[j] = (j == s.next() ? 1 : 0) - Math.exp(o[j] - max) / part;
        }
        double[] dY = new double[m * m];
        for (int l = 0; l < m; l++) {
            for (int j = 0; j < m; j++) {
                dY[l * m + j] = f[l] * r[j];
            }
        }
        double[] yr = new double[m];  // Y(e_n − α)
        for (int l = 0; l < m; l++) {
            for (int j = 0; j < m; j++) {
                yr[l] += s.y()[l * m + j] * r[j];
            }
        }
        double fyr = 0;
        for (int l = 0; l < m; l++) {
            fyr += f[l] * yr[l];
        }
        double[] dz = new double[m];  // diag(f)(I − ffᵀ)Y(e_n − α)
        for (int l = 0; l < m; l++) {
            dz[l] = f[l] * (yr[l] - f[l] * fyr);
        }
        return new Eqn3(dY, dz);
    }

    private static void assertClose(double actual, double expected, String what) {
        assertThat(Math.abs(actual - expected)).as(what + ": " + actual + " vs " + expected)
                .isLessThanOrEqualTo(FORMULATION_TOLERANCE * Math.max(1, Math.abs(expected)));
    }
}
