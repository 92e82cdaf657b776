package org.theorycheck.theories.scansnap.quantities;

import org.hipparchus.stat.correlation.SpearmansCorrelation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

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

    /**
     * Per group of points (x, y), Spearman's ρ between x and y and the deviation from a monotone trend:
     * (1 + ρ)/2 for a predicted decrease, (1 − ρ)/2 for an increase — 0 for a perfect trend, ½ for none,
     * 1 for the opposite one — with the worst group described.
     *
     * @param along the name of x, for the description
     */
    static Trend trends(Map<String, List<double[]>> groups, boolean decrease, String along) {
        double[] rho = new double[groups.size()];
        double[] deviation = new double[groups.size()];
        String worst = "";
        int g = 0;
        for (Map.Entry<String, List<double[]>> e : groups.entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(p -> p[0]).toArray();
            double[] y = e.getValue().stream().mapToDouble(p -> p[1]).toArray();
            rho[g] = spearman(x, y);
            deviation[g] = decrease ? (1 + rho[g]) / 2 : (1 - rho[g]) / 2;
            if (deviation[g] >= max(Arrays.copyOf(deviation, g + 1))) {
                worst = e.getKey() + ": Spearman(" + along + ", entropy) = " + Fmt.n(rho[g]);
            }
            g++;
        }
        return new Trend(rho, deviation, worst);
    }

    /** What {@link #trends} found: per group ρ and the deviation, and the worst group in words. */
    record Trend(double[] rho, double[] deviation, String worst) {}
}
