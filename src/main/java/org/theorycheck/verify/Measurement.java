package org.theorycheck.verify;

/**
 * What a check measured.
 *
 * @param value          the headline number (e.g. the smallest Spearman correlation), for tables and JSON
 * @param text           the headline in words with units, e.g. "min Spearman 0.94 (3 seeds)"
 * @param deviations     the non-negative deviations from the prediction, one per replicate
 * @param counterexample where the prediction is worst (token, step, seed, value), or "" if none
 * @param replicates     what the replicates are, which decides how they become one verdict
 */
public record Measurement(double value, String text, double[] deviations, String counterexample,
                          Replicates replicates) {

    /** How replicates combine. */
    public enum Replicates {
        /** Random repetitions (seeds): the verdict uses the mean and its confidence interval. */
        SEEDS,
        /** Deterministic cases (settings, regimes): the verdict uses the worst one. */
        CASES
    }

    public Measurement {
        if (deviations.length == 0) {
            throw new IllegalArgumentException("a measurement needs at least one deviation");
        }
        deviations = deviations.clone();
    }

    /** Replicates over seeds. */
    public Measurement(double value, String text, double[] deviations, String counterexample) {
        this(value, text, deviations, counterexample, Replicates.SEEDS);
    }

    /** Deterministic cases: the worst one decides. */
    public static Measurement overCases(double value, String text, double[] deviations, String counterexample) {
        return new Measurement(value, text, deviations, counterexample, Replicates.CASES);
    }

    /** A single-replicate measurement. */
    public static Measurement of(double value, String text, double deviation, String counterexample) {
        return new Measurement(value, text, new double[] {deviation}, counterexample, Replicates.CASES);
    }
}
