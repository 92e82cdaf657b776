package org.theorycheck.verify.scansnap;

import org.hipparchus.stat.correlation.SpearmansCorrelation;

/** Small statistics used by several quantities (Hipparchus underneath). */
final class Stats {

    private Stats() {}

    static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            m = Math.max(m, v);
        }
        return m;
    }

    static double min(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : a) {
            m = Math.min(m, v);
        }
        return m;
    }

    static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    /** Spearman's rank correlation (average ranks for ties). */
    static double spearman(double[] x, double[] y) {
        return new SpearmansCorrelation().correlation(x, y);
    }
}
