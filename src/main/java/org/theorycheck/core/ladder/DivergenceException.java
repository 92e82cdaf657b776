package org.theorycheck.core.ladder;

import java.io.Serializable;
import java.util.Locale;

/**
 * A run diverged in the sense of {@link Divergence}: names when (the step, or the continuous time of an ODE
 * rung), the quantity and its entry, what was wrong with it, what to lower, and, in a sweep, the run.
 * Serializable with all its parts, so that a task on another machine hands it back whole.
 */
public final class DivergenceException extends RuntimeException {
    private static final long serialVersionUID = 2L;

    /**
     * When a rung diverged, in SGD steps (the one time axis of every rung).
     *
     * @param time       the step, or the continuous time
     * @param continuous whether it is the continuous time of an ODE rung rather than a discrete step
     */
    public record At(double time, boolean continuous) implements Serializable {

        /** After {@code step} updates of a discrete rung (SGD, a full-batch or expected-gradient map). */
        public static At step(int step) {
            return new At(step, false);
        }

        /** At continuous time {@code t} (SGD steps) of an ODE or closed-form rung. */
        public static At time(double t) {
            return new At(t, true);
        }

        @Override
        public String toString() {
            if (!continuous) {
                return "step " + (long) time;
            }
            return "t = " + (time == Math.rint(time) && Math.abs(time) < 1e15 ? Long.toString((long) time)
                    : String.format(Locale.ROOT, "%.6g", time)) + " steps";
        }
    }

    private final At at;
    private final String quantity;
    private final String entry;
    private final String finding;
    private final String advice;
    private final String run;

    /**
     * @param quantity what diverged: a tensor (a weight matrix, its gradient, a parameter of a network) or an
     *                 observable (a column of trace.csv such as "loss", or a column of one of the trace's tables)
     * @param entry    which of its entries, e.g. "(30, 7)"; empty for a scalar
     * @param finding  what is wrong with it, e.g. "is not finite (-Infinity)"
     * @param advice   what to do, e.g. "lower the rate η = 1.0E300 (train.rate)"
     */
    public DivergenceException(At at, String quantity, String entry, String finding, String advice) {
        this(at, quantity, entry, finding, advice, null);
    }

    private DivergenceException(At at, String quantity, String entry, String finding, String advice, String run) {
        super((run == null ? "" : "the run " + run + " ") + "diverged at " + at + ": " + quantity
                + (entry.isEmpty() ? "" : " entry " + entry) + " " + finding + "; " + advice);
        this.at = at;
        this.quantity = quantity;
        this.entry = entry;
        this.finding = finding;
        this.advice = advice;
        this.run = run;
    }

    /** The same divergence, said of one run of a sweep (e.g. "train.rate=1e300, seed 2"). */
    public DivergenceException inRun(String run) {
        DivergenceException named = new DivergenceException(at, quantity, entry, finding, advice, run);
        named.setStackTrace(getStackTrace());
        return named;
    }

    public At at() {
        return at;
    }

    /** The step of a discrete rung (the continuous time rounded down on an ODE rung). */
    public int step() {
        return (int) Math.floor(at.time());
    }

    /** The tensor or observable that diverged. */
    public String quantity() {
        return quantity;
    }

    /** Which of its entries, e.g. "(30, 7)"; empty for a scalar. */
    public String entry() {
        return entry;
    }

    /** The sweep run it happened in, or null outside a sweep. */
    public String run() {
        return run;
    }
}
