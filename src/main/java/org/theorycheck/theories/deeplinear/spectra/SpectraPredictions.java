package org.theorycheck.theories.deeplinear.spectra;

import java.util.Arrays;

/** Predictions 20 and 21 of the reference's §6, and the unit circle of Fig 6A right, as measurements. */
public final class SpectraPredictions {

    /** The radius within which prediction 21 counts an eigenvalue as collapsed onto the origin. */
    public static final double COLLAPSED = 0.05;
    /**
     * A step in depth counts as growth only if the statistic rises by more than this relative amount:
     * far above the roundoff of the spectra (about 1e-14 relative for products of orthogonal matrices,
     * whose spread is 1 but for that roundoff) and far below what depth does to Gaussian products.
     */
    public static final double MIN_GROWTH = 1e-6;

    private SpectraPredictions() {}

    /**
     * Prediction 20: a product of orthogonal matrices is orthogonal, all its singular values 1. The
     * deviation is max |σ − 1| over every singular value of every product sampled.
     */
    public static Measurement orthogonalIsometry(ProductSpectra spectra) {
        double worst = 0;
        for (double[] depth : spectra.singularValues()) {
            for (double s : depth) {
                worst = Math.max(worst, Math.abs(s - 1));
            }
        }
        SpectraSettings s = spectra.settings();
        return new Measurement(worst, String.format("max |σ − 1| = %.3g over the %s products of %s matrices (N = %d, %d"
                        + " realisations; singular values are dimensionless)", worst, s.ensemble().key(),
                Arrays.toString(s.factors()), s.width(), s.realisations()));
    }

    /**
     * Prediction 21, singular values: the products become more anisotropic with depth, the spread
     * (90th over 10th percentile of σ) growing at every step. The deviation is the fraction of steps
     * between consecutive depths at which it does not grow by more than {@value #MIN_GROWTH} relative
     * (0 = grows at every step). Depths whose σ10 is below what double precision resolves (N ε σ_max:
     * past some 30 Gaussian factors at N = 1000) are left out and named, for there the spread measures
     * roundoff.
     *
     * @throws IllegalArgumentException naming {@code spectra.factors} if fewer than two depths are resolved
     */
    public static Measurement anisotropyGrowth(ProductSpectra spectra) {
        int[] factors = spectra.settings().factors();
        int[] resolved = new int[factors.length];
        double[] spreads = new double[factors.length];
        StringBuilder unresolved = new StringBuilder();
        int kept = 0;
        for (int k = 0; k < factors.length; k++) {
            double[] s = spectra.singularValues()[k];
            double floor = spectra.settings().width() * Math.ulp(1.0) * SpectrumStatistics.percentile(s, 100);
            if (SpectrumStatistics.percentile(s, 10) > floor) {
                resolved[kept] = factors[k];
                spreads[kept++] = SpectrumStatistics.spread(s);
            } else {
                unresolved.append(unresolved.length() == 0 ? "" : ", ").append(factors[k]);
            }
        }
        if (kept < 2) {
            throw new IllegalArgumentException("spectra.factors: the spread is resolved at fewer than two of the depths "
                    + Arrays.toString(factors) + " (σ10 below N·ε·σmax); choose smaller depths");
        }
        Measurement m = growth(spectra, "spread σ90/σ10", Arrays.copyOf(resolved, kept), Arrays.copyOf(spreads, kept));
        return unresolved.length() == 0 ? m : new Measurement(m.deviation(), m.text() + "; depths " + unresolved
                + " left out: σ10 below N·ε·σmax, not resolved in double precision");
    }

    /**
     * Prediction 21, eigenvalues: they concentrate at the origin with depth, the fraction with
     * |λ| < {@value #COLLAPSED} growing at every step. Deviation as in {@link #anisotropyGrowth}.
     */
    public static Measurement eigenvalueConcentration(ProductSpectra spectra) {
        double[] fractions = new double[spectra.eigenRe().length];
        for (int k = 0; k < fractions.length; k++) {
            fractions[k] = SpectrumStatistics.discFraction(spectra.eigenRe()[k], spectra.eigenIm()[k], COLLAPSED);
        }
        return growth(spectra, "fraction of |λ| < " + COLLAPSED, spectra.settings().factors(), fractions);
    }

    /** The share of consecutive depths at which a statistic v (one value per depth) does not grow. */
    private static Measurement growth(ProductSpectra spectra, String what, int[] factors, double[] v) {
        if (factors.length < 2) {
            throw new IllegalArgumentException("spectra.factors: growth with depth needs at least two depths, not "
                    + Arrays.toString(factors));
        }
        int flat = 0;
        StringBuilder series = new StringBuilder();
        for (int k = 0; k < factors.length; k++) {
            if (k > 0 && !(v[k] > v[k - 1] * (1 + MIN_GROWTH))) {
                flat++;
            }
            series.append(k == 0 ? "" : ", ").append(factors[k]).append(": ").append(String.format("%.4g", v[k]));
        }
        double deviation = (double) flat / (factors.length - 1);
        return new Measurement(deviation, String.format("%s by number of %s factors {%s} (N = %d, %d realisations);"
                        + " %d of %d steps do not grow (dimensionless)", what, spectra.settings().ensemble().key(), series,
                spectra.settings().width(), spectra.settings().realisations(), flat, factors.length - 1));
    }

    /**
     * Fig 6A right: the eigenvalues of an orthogonal matrix lie on the unit circle. The deviation is
     * max ||λ| − 1|.
     */
    public static Measurement unitCircle(double[] re, double[] im) {
        double worst = 0;
        for (int i = 0; i < re.length; i++) {
            worst = Math.max(worst, Math.abs(Math.hypot(re[i], im[i]) - 1));
        }
        return new Measurement(worst, String.format("max ||λ| − 1| = %.3g over %d eigenvalues (dimensionless)", worst, re.length));
    }
}
