package org.theorycheck.core.ladder;

import org.theorycheck.theories.scansnap.experiment.TrainSpec;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.data.TokenRole;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.core.ladder.DivergenceException.At;

import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * What "diverged" means, decided here once for every rung: SGD and the expected-gradient map (through
 * {@link Trainer}), the gradient flow, the reduced and closed-form rungs, the transformer on the synthetic
 * classes and on text, and so every run of a sweep.
 *
 * <p>A run has diverged when
 * <ol>
 *   <li>a value of its state (the YZ model's Y and Z and their gradients, the transformer's weights and
 *       gradients, the state vector of an ODE rung and its rate of change) or a value recorded from it (the
 *       loss, the entropies, the decoder residuals, the row-sum drifts and the other extras of trace.csv,
 *       the logits and measured attention of attention.csv, a text run's perplexity, entropies and
 *       changes) is NaN or infinite; or</li>
 *   <li>a value of its state, a logit or a loss <em>overflows</em>: its magnitude reaches 2^p, with p the
 *       fraction bits of the precision that holds it ({@link Precision#bound()}: 2^52 ≈ 4.5e15 in double
 *       precision, 2^23 ≈ 8.4e6 in the single precision of a float32 transformer). From there on adjacent
 *       representable numbers are at least 1 apart: a logit, or a loss in nats, no longer resolves a factor
 *       e^{1/2} in the probability it stands for, an update below 1/2 leaves it where it is, and a sum of
 *       such entries (Lemma 1's row sums) keeps no correct digit. At η = 1e300 the YZ model's parameters
 *       stayed finite while its row-sum drift came out at 1e285 (at 1e308, infinite).</li>
 * </ol>
 * The bound is not where e^z overflows (|z| ≈ 709): every softmax here is taken of max-shifted logits, so
 * no exponential sees a logit's size, and a logit past 709 is as exact as one below it. Adam moves every
 * parameter by about η a step whatever the gradient's size: at η = 300 on Syn-Small, Y reaches 1,800 within
 * 100 steps, the loss is exactly 0, and every number is exact to its precision, a result and not a
 * divergence. Under SGD the logits grow like ln t (Theorem 4), far below 2^52; and the bound is far below
 * the largest double (about 1.8e308), so every sum and difference of values in range is finite.
 *
 * <p>Values a rung does not determine ({@link Trajectory.Undetermined}, an extra a snapshot lacks) are NaN
 * by design and exempt. Every check throws a {@link DivergenceException} that names when (the step, or the
 * time of an ODE rung), what (the tensor or observable and its entry) and which rate to lower.
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

    /**
     * Checks one snapshot of a rung, by the names of trace.csv and attention.csv: its loss and logits z in
     * range; its decoder residuals, extras and measured attention finite; except what the rung leaves
     * undetermined. The distinct-token entropy and the attention c need no check of their own: computed from
     * max-shifted logits in range, every weight is in [0, 1] and the largest is 1, so they are finite.
     *
     * @param precision the precision the rung computes its logits in
     */
    public static void requireRecorded(Trajectory.Snapshot s, SequenceClasses classes,
                                       Set<Trajectory.Undetermined> undetermined, At at, Precision precision,
                                       String advice) {
        if (!undetermined.contains(Trajectory.Undetermined.LOSS)) {
            requireInRange(s.loss(), at, "loss", precision, advice);
        }
        int k = classes.classes();
        if (!undetermined.contains(Trajectory.Undetermined.DECODER_RESIDUAL)) {
            requireFinite(s.decoderResidual(), at, "decoder_residual", n -> "(class " + n + ")", advice);
        }
        for (Map.Entry<String, Double> e : s.extras().entrySet()) {
            requireFinite(e.getValue(), at, e.getKey(), advice);
        }
        boolean distinctUndetermined = undetermined.contains(Trajectory.Undetermined.DISTINCT_LOGITS);
        for (int n = 0; n < k; n++) {
            int cls = n;
            double[] row = s.zRows()[n];
            IntFunction<String> token = l -> "(class " + cls + ", token " + l + ")";
            if (!distinctUndetermined) {
                requireInRange(row, at, "z", token, precision, advice);
            } else {
                for (int l = 0; l < row.length; l++) {
                    if (classes.role(l) != TokenRole.DISTINCT && !inRange(row[l], precision)) {
                        requireInRange(row[l], at, "z", token.apply(l), precision, advice);
                    }
                }
            }
            if (s.measuredAttention() != null) {
                requireFinite(s.measuredAttention()[n], at, "a", l -> "(class " + cls + ", token " + l + ")", advice);
            }
        }
    }

    /** What to lower when Y (the decoder) diverges. */
    public static String lowerEtaY(TrainSpec train) {
        return "lower η_Y = " + train.etaY() + " (train.eta_y, or train.eta_ratio × train.eta_z)";
    }

    /** What to lower when Z (the attention) diverges. */
    public static String lowerEtaZ(TrainSpec train) {
        return "lower η_Z = " + train.etaZ() + " (train.eta_z)";
    }

    /** What to lower when a quantity of both tensors diverges. */
    public static String lowerRates(TrainSpec train) {
        String momentum = train.optimizer() == TrainSpec.Optimizer.SGD && train.momentum() > 0
                ? ", or the momentum μ = " + train.momentum() + " (train.momentum)" : "";
        return "lower the rates η_Z = " + train.etaZ() + " (train.eta_z) and η_Y = " + train.etaY()
                + " (train.eta_y, or train.eta_ratio × train.eta_z)" + momentum;
    }

    /** A value that is NaN or infinite. */
    public static DivergenceException notFinite(double x, At at, String quantity, String entry, String advice) {
        return new DivergenceException(at, quantity, entry, "is not finite (" + x + ")", advice);
    }

    private static void requireInRange(double x, At at, String quantity, String entry, Precision precision,
                                       String advice) {
        if (!inRange(x, precision)) {
            throw Double.isFinite(x)
                    ? new DivergenceException(at, quantity, entry, "overflows (" + x + ", past "
                            + precision.describe() + ")", advice)
                    : notFinite(x, at, quantity, entry, advice);
        }
    }

    private static void requireFinite(double x, At at, String quantity, String entry, String advice) {
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
