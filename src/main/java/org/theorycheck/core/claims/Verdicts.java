package org.theorycheck.core.claims;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.descriptive.StreamingStatistics;

/**
 * Turns a measurement into a verdict, the one place where this happens. A measurement whose runs did not
 * move far enough ({@link Movement#enough()}) is INCONCLUSIVE, whatever its deviation. Otherwise, with one
 * replicate, or with deterministic cases (the worst case decides), the deviation is compared with the exact
 * bound and the tolerance. With several seeds, the mean
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

    /** {lower, upper} of what is compared with the tolerance: the worst case, or the seed interval. */
    private static double[] compared(Measurement m, Tolerance t) {
        double[] ci = m.replicates() == Measurement.Replicates.CASES
                ? worstCase(m.deviations()) : interval(m.deviations(), t.confidence());
        return new double[] {ci[1], ci[2]};
    }

    /**
     * The deviation the verdict compared with the tolerance: the worst case, or the upper end of the
     * seeds' interval; NaN if nothing was compared (undecided, or a deviation could not be computed).
     */
    public static double deviation(Measurement m, Tolerance t) {
        if (m.replicates() == Measurement.Replicates.UNDECIDED) {
            return Double.NaN;
        }
        return compared(m, t)[1];
    }

    /**
     * What kind of evidence decided: the measurement's own (symbolic methods), or how deviations were combined;
     * then how far the quantity moved, where the quantity says, and whether that was too little.
     */
    public static String evidence(Measurement m, Tolerance t) {
        String how;
        if (!m.evidence().isEmpty()) {
            how = m.evidence();
        } else {
            int n = m.deviations().length;
            how = switch (m.replicates()) {
                case CASES -> n == 1 ? "one case" : "worst of " + n + " cases";
                case SEEDS -> n == 1 ? "one seed" : "upper end of the " + Format.number(100 * t.confidence()) + "% interval, " + n + " seeds";
                case UNDECIDED -> "undecided";
            };
        }
        if (m.movement() == null) {
            return how;
        }
        return how + "; " + m.movement().text() + (m.movement().enough() ? "" : ": too little to be evidence");
    }

    public static Verdict decide(Measurement m, Tolerance t) {
        if (m.replicates() == Measurement.Replicates.UNDECIDED) {
            return Verdict.INCONCLUSIVE;
        }
        for (double d : m.deviations()) {
            if (Double.isNaN(d)) {
                return Verdict.ERROR;
            }
        }
        if (m.movement() != null && !m.movement().enough()) {
            return Verdict.INCONCLUSIVE;
        }
        double[] ci = compared(m, t);
        if (ci[1] <= t.exact()) {
            return Verdict.HOLDS;
        }
        if (ci[1] <= t.approx()) {
            return Verdict.HOLDS_APPROX;
        }
        if (ci[0] > t.approx()) {
            return Verdict.FAILS;
        }
        return Verdict.INCONCLUSIVE;
    }
}
