package org.theorycheck.core.stats;

import org.hipparchus.stat.correlation.SpearmansCorrelation;
import org.hipparchus.stat.descriptive.StreamingStatistics;
import org.hipparchus.stat.descriptive.rank.Median;

import java.util.List;

/**
 * The small statistics that quantities and figures share (Hipparchus underneath where it has them). The
 * extremes and the mean propagate NaN: a quantity that met an undefined value must not report a number
 * as if it had not.
 */
public final class Stats {

    private Stats() {}

    /** The largest value; NaN if any is NaN, −∞ for no values. */
    public static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** The smallest value; NaN if any is NaN, +∞ for no values. */
    public static double min(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : a) {
            m = Math.min(m, v);
        }
        return m;
    }

    /** The arithmetic mean, summed in order; NaN if any value is NaN or there are none. */
    public static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    /** The median (the mean of the middle two for an even count); NaN if any value is NaN or there are none. */
    public static double median(double[] a) {
        for (double v : a) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
        }
        return a.length == 0 ? Double.NaN : new Median().evaluate(a);
    }

    /** The population standard deviation, √(Σ(x − mean)²/n): the spread of the values themselves, not an estimate. */
    public static double spread(double[] a) {
        double mean = mean(a);
        double sq = 0;
        for (double v : a) {
            sq += (v - mean) * (v - mean);
        }
        return Math.sqrt(sq / a.length);
    }

    /** Spearman's rank correlation (average ranks for ties); NaN if either side is constant. */
    public static double spearman(double[] x, double[] y) {
        return new SpearmansCorrelation().correlation(x, y);
    }

    /**
     * Pointwise over runs sampled at the same points, the mean and sample standard deviation (NaN for one
     * run), skipping NaN values.
     *
     * @return {@code {mean, std}}
     * @throws IllegalArgumentException if the runs have different lengths
     */
    public static double[][] pointwiseMeanStd(List<double[]> runs) {
        int n = runs.get(0).length;
        double[] mean = new double[n];
        double[] std = new double[n];
        for (int i = 0; i < n; i++) {
            StreamingStatistics st = new StreamingStatistics();
            for (double[] run : runs) {
                if (run.length != n) {
                    throw new IllegalArgumentException("runs of different lengths: " + n + " and " + run.length);
                }
                if (!Double.isNaN(run[i])) {
                    st.addValue(run[i]);
                }
            }
            mean[i] = st.getN() == 0 ? Double.NaN : st.getMean();
            std[i] = st.getN() < 2 ? Double.NaN : st.getStandardDeviation();
        }
        return new double[][]{mean, std};
    }
}
