package org.theorycheck.verify;

/**
 * What a check measured.
 *
 * @param value          the headline number (e.g. the smallest Spearman correlation), for tables and JSON
 * @param text           the headline in words with units, e.g. "min Spearman 0.94 (3 seeds)"
 * @param deviations     the non-negative deviations from the prediction, one per replicate (seed, setting,
 *                       …); with several, the verdict uses their mean and its confidence interval
 * @param counterexample where the prediction is worst (token, step, seed, value), or "" if none
 */
public record Measurement(double value, String text, double[] deviations, String counterexample) {

    public Measurement {
        if (deviations.length == 0) {
            throw new IllegalArgumentException("a measurement needs at least one deviation");
        }
        deviations = deviations.clone();
    }

    /** A single-replicate measurement. */
    public static Measurement of(double value, String text, double deviation, String counterexample) {
        return new Measurement(value, text, new double[] {deviation}, counterexample);
    }
}
