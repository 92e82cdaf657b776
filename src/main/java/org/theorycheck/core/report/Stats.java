package org.theorycheck.core.report;

import org.hipparchus.stat.descriptive.StreamingStatistics;

import java.util.List;

/** Pointwise statistics over runs sampled at the same points. */
final class Stats {

    private Stats() {}

    /**
     * Pointwise mean and sample standard deviation (NaN for one run), skipping NaN values.
     *
     * @return {@code {mean, std}}
     */
    static double[][] meanStd(List<double[]> runs) {
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
