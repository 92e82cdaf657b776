package org.theorycheck.theories.deeplinear.measure;

import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;

/** Readings off a trace that several measurements share. */
public final class TraceReading {

    private TraceReading() {}

    /**
     * The time (in steps) at which mode α first reaches {@code level}, linearly interpolated between the
     * two records around the crossing; NaN if it never does.
     */
    public static double crossing(DeepLinearTrace trace, int alpha, double level) {
        double[] t = trace.steps();
        double[] u = trace.series(DeepLinearTrace.mode(alpha));
        if (u[0] >= level) {
            return t[0];
        }
        for (int i = 1; i < u.length; i++) {
            if (u[i] >= level) {
                return t[i - 1] + (t[i] - t[i - 1]) * (level - u[i - 1]) / (u[i] - u[i - 1]);
            }
        }
        return Double.NaN;
    }

    /** The first recorded step at which mode α is at least {@code level}; NaN if none. */
    public static double firstStepAtLeast(DeepLinearTrace trace, int alpha, double level) {
        double[] t = trace.steps();
        double[] u = trace.series(DeepLinearTrace.mode(alpha));
        for (int i = 0; i < u.length; i++) {
            if (u[i] >= level) {
                return t[i];
            }
        }
        return Double.NaN;
    }

    static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }
}
