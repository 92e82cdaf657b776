package org.theorycheck.verify;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.descriptive.StreamingStatistics;

/**
 * Turns a measurement into a verdict, the one place where this happens. With one replicate, or with
 * deterministic cases (the worst case decides), the deviation is compared with the exact bound and the
 * tolerance. With several seeds, the mean
 * deviation's two-sided Student-t confidence interval is: entirely within the exact bound ⇒ HOLDS;
 * entirely within the tolerance ⇒ HOLDS_APPROX; entirely above the tolerance ⇒ FAILS; straddling the
 * tolerance ⇒ INCONCLUSIVE.
 */
public final class Verdicts {

    private Verdicts() {}

    /** The interval of the mean deviation: {mean, lower, upper}. */
    public static double[] interval(double[] deviations, double confidence) {
        StreamingStatistics s = new StreamingStatistics();
        for (double d : deviations) {
            s.addValue(d);
        }
        double mean = s.getMean();
        if (deviations.length < 2) {
            return new double[] {mean, mean, mean};
        }
        double half = new TDistribution(deviations.length - 1).inverseCumulativeProbability(0.5 + confidence / 2)
                * s.getStandardDeviation() / Math.sqrt(deviations.length);
        return new double[] {mean, Math.max(0, mean - half), mean + half};
    }

    private static double[] worstCase(double[] deviations) {
        double worst = 0;
        for (double d : deviations) {
            worst = Math.max(worst, d);
        }
        return new double[] {worst, worst, worst};
    }

    public static Verdict decide(Measurement m, Tolerance t) {
        for (double d : m.deviations()) {
            if (Double.isNaN(d)) {
                return Verdict.ERROR;
            }
        }
        double[] ci = m.replicates() == Measurement.Replicates.CASES
                ? worstCase(m.deviations()) : interval(m.deviations(), t.confidence());
        if (ci[2] <= t.exact()) {
            return Verdict.HOLDS;
        }
        if (ci[2] <= t.approx()) {
            return Verdict.HOLDS_APPROX;
        }
        if (ci[1] > t.approx()) {
            return Verdict.FAILS;
        }
        return Verdict.INCONCLUSIVE;
    }
}
