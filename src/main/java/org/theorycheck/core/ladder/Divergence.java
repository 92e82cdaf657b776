package org.theorycheck.core.ladder;

import org.theorycheck.core.ladder.DivergenceException.At;

import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * What "diverged" means, decided here once for every rung of every theory.
 *
 * <p>A run has diverged when
 * <ol>
 *   <li>a value of its state (parameters and their gradients, the state vector of an ODE rung and its rate
 *       of change) or a value recorded from it (a series or a table entry of its trace) is NaN or infinite;
 *       or</li>
 *   <li>a value of its state, a logit or a loss <em>overflows</em>: its magnitude reaches 2^p, with p the
 *       fraction bits of the precision that holds it ({@link Precision#bound()}: 2^52 ≈ 4.5e15 in double
 *       precision, 2^23 ≈ 8.4e6 in single precision). From there on adjacent representable numbers are at
 *       least 1 apart: a logit, or a loss in nats, no longer resolves a factor e^{1/2} in the probability it
 *       stands for, an update below 1/2 leaves it where it is, and a sum of such entries keeps no correct
 *       digit (parameters can stay finite at an absurd rate while such sums come out at 1e285).</li>
 * </ol>
 * The bound is not where e^z overflows (|z| ≈ 709): a softmax of max-shifted logits sees no logit's size,
 * and a logit past 709 is as exact as one below it; an optimiser like Adam that moves every parameter by
 * about η a step can drive logits into the thousands with every number exact, a result and not a
 * divergence. The bound is far below the largest double (about 1.8e308), so every sum and difference of
 * values in range is finite.
 *
 * <p>Values a rung does not determine are NaN by design and exempt: the theory says which. Every check
 * throws a {@link DivergenceException} that names when (the step, or the time of an ODE rung), what (the
 * tensor or observable and its entry) and which rate to lower.
 */
public final class Divergence {

    private Divergence() {}

    /** The arithmetic that holds a value, and the magnitude at which it overflows (see the class comment). */
    public enum Precision {
        DOUBLE(52), SINGLE(23);

        private final int fractionBits;

        Precision(int fractionBits) {
            this.fractionBits = fractionBits;
        }

        public static Precision of(boolean float64) {
            return float64 ? DOUBLE : SINGLE;
        }

        /** 2^p, p the fraction bits: the least magnitude that overflows. */
        public double bound() {
            return Math.scalb(1.0, fractionBits);
        }

        String describe() {
            return String.format(java.util.Locale.ROOT, "2^%d ≈ %.2g, where %s precision keeps no digit below 1",
                    fractionBits, bound(), this == DOUBLE ? "double" : "single");
        }
    }

    /** Whether {@code x} is finite and below the bound of {@code precision} in magnitude. */
    public static boolean inRange(double x, Precision precision) {
        return Math.abs(x) < precision.bound();
    }

    /** Throws unless {@code x} (a state entry, a logit, a loss) is {@link #inRange in range}. */
    public static void requireInRange(double x, At at, String quantity, Precision precision, String advice) {
        requireInRange(x, at, quantity, "", precision, advice);
    }

    /** Throws unless {@code x} (any other recorded value) is finite. */
    public static void requireFinite(double x, At at, String quantity, String advice) {
        requireFinite(x, at, quantity, "", advice);
    }

    /**
     * Throws for the first entry of {@code values} out of range, its index named by {@code entry}. One pass
     * of additions when every entry is in range.
     */
    public static void requireInRange(double[] values, At at, String quantity, IntFunction<String> entry,
                                      Precision precision, String advice) {
        if (absoluteSum(values) < precision.bound()) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            requireInRange(values[i], at, quantity, entry.apply(i), precision, advice);
        }
    }

    /** Throws for the first entry of {@code values} that is not finite, its index named by {@code entry}. */
    public static void requireFinite(double[] values, At at, String quantity, IntFunction<String> entry, String advice) {
        if (Double.isFinite(absoluteSum(values))) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            requireFinite(values[i], at, quantity, entry.apply(i), advice);
        }
    }

    /**
     * Whether every entry of the given rows of a matrix held as rows is in range: one pass of additions when
     * they are (every step of {@link Trainer} runs it), an entry-by-entry look only when their absolute sum
     * reaches the bound.
     */
    public static boolean allInRange(double[][] matrix, int[] rows, Precision precision) {
        double sum = 0;
        for (int r : rows) {
            sum += absoluteSum(matrix[r]);
        }
        if (sum < precision.bound()) {
            return true;
        }
        for (int r : rows) {
            for (double x : matrix[r]) {
                if (!inRange(x, precision)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Throws for the first entry out of range of the given rows, its entry named "(row, column)". */
    public static void requireInRange(double[][] matrix, int[] rows, At at, String tensor, Precision precision,
                                      String advice) {
        for (int r : rows) {
            requireInRange(matrix[r], at, tensor, c -> "(" + r + ", " + c + ")", precision, advice);
        }
    }

    /** Throws for the first entry that is not finite of the given rows, its entry named "(row, column)". */
    public static void requireFinite(double[][] matrix, int[] rows, At at, String tensor, String advice) {
        for (int r : rows) {
            requireFinite(matrix[r], at, tensor, c -> "(" + r + ", " + c + ")", advice);
        }
    }

    /** A value that is NaN or infinite. */
    public static DivergenceException notFinite(double x, At at, String quantity, String entry, String advice) {
        return new DivergenceException(at, quantity, entry, "is not finite (" + x + ")", advice);
    }

    /** Throws unless {@code x} is in range; {@code entry} names which of its quantity's entries it is. */
    public static void requireInRange(double x, At at, String quantity, String entry, Precision precision,
                                      String advice) {
        if (!inRange(x, precision)) {
            throw Double.isFinite(x)
                    ? new DivergenceException(at, quantity, entry, "overflows (" + x + ", past "
                            + precision.describe() + ")", advice)
                    : notFinite(x, at, quantity, entry, advice);
        }
    }

    /** Throws unless {@code x} is finite; {@code entry} names which of its quantity's entries it is. */
    public static void requireFinite(double x, At at, String quantity, String entry, String advice) {
        if (!Double.isFinite(x)) {
            throw notFinite(x, at, quantity, entry, advice);
        }
    }

    /**
     * Σ|x| in four independent sums (so the JIT keeps four additions in flight): NaN or infinite as soon as
     * one entry is, and at least the largest |x|.
     */
    private static double absoluteSum(double[] a) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += Math.abs(a[i]);
            s1 += Math.abs(a[i + 1]);
            s2 += Math.abs(a[i + 2]);
            s3 += Math.abs(a[i + 3]);
        }
        for (; i < a.length; i++) {
            s0 += Math.abs(a[i]);
        }
        return s0 + s1 + s2 + s3;
    }
}
