package org.theorycheck.core.claims;

/**
 * What a check measured.
 *
 * @param value          the headline number (e.g. the smallest Spearman correlation), for tables and JSON
 * @param text           the headline in words with units, e.g. "min Spearman 0.94 (3 seeds)"
 * @param deviations     the non-negative deviations from the prediction, one per replicate
 * @param counterexample where the prediction is worst (token, step, seed, value), or "" if none
 * @param replicates     what the replicates are, which decides how they become one verdict
 * @param evidence       for decisions that are not statistics of deviations (symbolic checks), the kind
 *                       of evidence, e.g. "exact simplification"; "" otherwise
 * @param movement       how far the measured quantity moved over the runs, where a quantity says (a run that did
 *                       not move is no evidence, {@link Movement}); null where it does not apply
 */
public record Measurement(double value, String text, double[] deviations, String counterexample,
                          Replicates replicates, String evidence, Movement movement) {

    /** How replicates combine. */
    public enum Replicates {
        /** Random repetitions (seeds): the verdict uses the mean and its confidence interval. */
        SEEDS,
        /** Deterministic cases (settings, regimes): the verdict uses the worst one. */
        CASES,
        /**
         * Nothing was decided (a symbolic method that neither established nor refuted the claim, e.g.
         * it ran out of time): the verdict is INCONCLUSIVE, whatever the deviation.
         */
        UNDECIDED
    }

    public Measurement {
        if (deviations.length == 0) {
            throw new IllegalArgumentException("a measurement needs at least one deviation");
        }
        deviations = deviations.clone();
    }

    public Measurement(double value, String text, double[] deviations, String counterexample, Replicates replicates,
                       String evidence) {
        this(value, text, deviations, counterexample, replicates, evidence, null);
    }

    public Measurement(double value, String text, double[] deviations, String counterexample, Replicates replicates) {
        this(value, text, deviations, counterexample, replicates, "");
    }

    /** This measurement with the movement of its quantity over the runs it measured. */
    public Measurement withMovement(Movement m) {
        return new Measurement(value, text, deviations, counterexample, replicates, evidence, m);
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

    /**
     * A yes/no decision, e.g. of a symbolic check: deviation 0 if the claim was established, 1 with
     * the counter-example if it was refuted; undecided gives INCONCLUSIVE.
     *
     * @param established true, false, or null for undecided
     */
    public static Measurement decision(Boolean established, String text, String counterexample, String evidence) {
        if (established == null) {
            return new Measurement(Double.NaN, text, new double[] {Double.NaN}, "", Replicates.UNDECIDED, evidence);
        }
        double deviation = established ? 0 : 1;
        return new Measurement(1 - deviation, text, new double[] {deviation}, counterexample, Replicates.CASES, evidence);
    }
}
