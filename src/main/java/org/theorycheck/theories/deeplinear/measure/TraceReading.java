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

    /**
     * The time from which mode α stays within {@code [level, 2s − level]} (within s − level of s) to the end
     * of the run: the crossing into the band after its last record outside it, interpolated like
     * {@link #crossing} when it comes from below. For a mode that rises monotonically to s it is the first
     * crossing of {@code level}; for one that overshoots and oscillates (a discrete rung at a rate past its
     * stability limit) it is when the oscillation has died down. NaN if the mode never reaches the band,
     * +∞ if it reaches it but is outside it at the end of the run.
     */
    public static double settling(DeepLinearTrace trace, int alpha, double s, double level) {
        double[] t = trace.steps();
        double[] u = trace.series(DeepLinearTrace.mode(alpha));
        double high = 2 * s - level;
        int last = -1;
        boolean reached = false;
        for (int i = 0; i < u.length; i++) {
            boolean inside = u[i] >= level && u[i] <= high;
            reached |= inside;
            if (!inside) {
                last = i;
            }
        }
        if (!reached) {
            return Double.NaN;
        }
        if (last == u.length - 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (last < 0) {
            return t[0];
        }
        if (u[last] < level) {
            return t[last] + (t[last + 1] - t[last]) * (level - u[last]) / (u[last + 1] - u[last]);
        }
        return t[last + 1];
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
