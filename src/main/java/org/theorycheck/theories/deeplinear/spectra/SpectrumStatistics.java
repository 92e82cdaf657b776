package org.theorycheck.theories.deeplinear.spectra;

import org.hipparchus.stat.descriptive.moment.Variance;
import org.hipparchus.stat.descriptive.rank.Percentile;

/** Summaries of a pooled spectrum (singular values, or eigenvalues as real and imaginary parts). */
public final class SpectrumStatistics {

    private SpectrumStatistics() {}

    /** The p-th percentile (0 < p ≤ 100) of some values. */
    public static double percentile(double[] values, double p) {
        return new Percentile(p).evaluate(values);
    }

    /** The 90th percentile over the 10th: how many times larger a large singular value is than a small one. */
    public static double spread(double[] singularValues) {
        return percentile(singularValues, 90) / percentile(singularValues, 10);
    }

    /** The variance of ln σ over the singular values (natural log; 0 for an isometry up to scale). */
    public static double logVariance(double[] singularValues) {
        double[] logs = new double[singularValues.length];
        for (int i = 0; i < logs.length; i++) {
            logs[i] = Math.log(singularValues[i]);
        }
        return new Variance(false).evaluate(logs);
    }

    /** The fraction of eigenvalues with |λ| < radius. */
    public static double discFraction(double[] re, double[] im, double radius) {
        int in = 0;
        for (int i = 0; i < re.length; i++) {
            if (Math.hypot(re[i], im[i]) < radius) {
                in++;
            }
        }
        return (double) in / re.length;
    }

    /**
     * The fraction of eigenvalues in the histogram bin of the complex plane centred on the origin:
     * |Re λ| < width/2 and |Im λ| < width/2.
     */
    public static double originBinFraction(double[] re, double[] im, double width) {
        int in = 0;
        for (int i = 0; i < re.length; i++) {
            if (Math.abs(re[i]) < width / 2 && Math.abs(im[i]) < width / 2) {
                in++;
            }
        }
        return (double) in / re.length;
    }
}
