package org.theorycheck.core.claims;

import java.util.function.Supplier;

/**
 * The worst of the cases a quantity examines (seeds, classes, steps, settings) and what it was, for a
 * {@link Measurement}'s counter-example. Each case is offered with a score, larger being worse, and a
 * description that is built only when the case becomes the worst so far, so offering the many cases
 * that are not costs no text.
 *
 * <p>A NaN score is never the worst: a quantity that wants an undefined case reported maps it to +∞
 * first. Which of equally bad cases is described is a choice each quantity keeps: the first (the
 * default) or the last ({@link #lastOfTies()}).
 */
public final class WorstCase {

    private final boolean lastOfTies;
    private double score;
    private String description = "";

    private WorstCase(double start, boolean lastOfTies) {
        this.score = start;
        this.lastOfTies = lastOfTies;
    }

    /** Every case counts; of equally bad ones the first is described. */
    public WorstCase() {
        this(Double.NEGATIVE_INFINITY, false);
    }

    /**
     * Only cases that score above {@code floor} count (e.g. 0 for a gap, so that rungs that agree
     * everywhere give no counter-example); of equally bad ones the first is described.
     */
    public static WorstCase above(double floor) {
        return new WorstCase(floor, false);
    }

    /** Every case counts; of equally bad ones the last is described. */
    public static WorstCase lastOfTies() {
        return new WorstCase(Double.NEGATIVE_INFINITY, true);
    }

    /**
     * Offers a case: if it is worse than every case before it (or as bad, keeping the last of ties), it
     * becomes the worst and {@code description} is called.
     *
     * @return whether it became the worst
     */
    public boolean offer(double score, Supplier<String> description) {
        if (lastOfTies ? score >= this.score : score > this.score) {
            this.score = score;
            this.description = description.get();
            return true;
        }
        return false;
    }

    /** The worst score offered; the floor (or −∞) if no case counted. */
    public double score() {
        return score;
    }

    /** What the worst case was, or "" if no case counted. */
    public String description() {
        return description;
    }
}
