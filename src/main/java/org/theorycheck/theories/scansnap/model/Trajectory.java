package org.theorycheck.theories.scansnap.model;

import org.theorycheck.theories.scansnap.experiment.ModelSpec;
import org.theorycheck.theories.scansnap.data.SequenceClasses;

import org.theorycheck.core.ladder.TraceCsv;
import org.theorycheck.core.ladder.TraceTable;
import org.theorycheck.theories.scansnap.ScanSnapTrace;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one trajectory type of every rung of the ladder (SGD, expected-gradient map, gradient flow,
 * reduced dynamics, closed forms). Time is always measured in SGD steps: state "at step s" is the state
 * after s optimiser updates, and an ODE rung reports its state at time t = s.
 *
 * <p>Each snapshot stores, per class n, the attention logits z_{ψ(n),·} of its query token (the only
 * part of Z the theory speaks about); the observables of paper §5 (c_n, distinct-token entropy, growth
 * factors χ_l) are computed from them with the true P(l|n). Rungs may add named scalar series (γ, B_n,
 * …) as extras.
 *
 * <p>A value a rung's model does not determine is NaN (see {@link Undetermined}; an extra it does not
 * determine at some time is left out of that snapshot), and is written as an empty field. A NaN or an
 * infinity is never a divergence here: every rung stops with a {@code DivergenceException} before it
 * records a value it determines that is not finite.
 */
public final class Trajectory implements ScanSnapTrace, Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * What a rung's model leaves undetermined: NaN in every snapshot of its trajectories, an empty field in
     * trace.csv and attention.csv.
     */
    public enum Undetermined {
        /** The training loss: the reduced and closed-form rungs have no decoder weights. */
        LOSS,
        /** The decoder residual: the transformer's decoder is not the YZ model's Y. */
        DECODER_RESIDUAL,
        /**
         * The logits of distinct tokens, and so the distinct-token entropy and the attention c_{l|n}: the
         * closed forms of Appendix F determine only the common tokens' logits.
         */
        DISTINCT_LOGITS
    }

    /** A rung that determines every value it records. */
    public static final Set<Undetermined> DETERMINED = Collections.unmodifiableSet(EnumSet.noneOf(Undetermined.class));

    /**
     * The state at one time.
     *
     * @param step            time in SGD steps
     * @param loss            training loss at that time (nats; NaN where a rung has none)
     * @param zRows           per class n, a copy of z_{ψ(n),·} (length M)
     * @param decoderResidual per class n, ‖e_n − α_n‖₂ with α_n = softmax(Yᵀ f_n) (NaN where a rung has no Y)
     * @param extras          rung-specific named scalars at that time (one the rung does not determine at that
     *                        time is left out)
     * @param measuredAttention per class n, the attention a model actually paid to each token l (length M),
     *                          where a rung measures it on samples (the transformer); null elsewhere
     */
    public record Snapshot(double step, double loss, double[][] zRows, double[] decoderResidual,
                           Map<String, Double> extras, double[][] measuredAttention) implements Serializable {
        public Snapshot {
            extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
        }

        /** A snapshot of a rung that computes its attention from Z only. */
        public Snapshot(double step, double loss, double[][] zRows, double[] decoderResidual, Map<String, Double> extras) {
            this(step, loss, zRows, decoderResidual, extras, null);
        }
    }

    /** A time in steps as text: an integer when it is one, so SGD and ODE rungs print the same labels. */
    public static String stepLabel(double step) {
        return TraceCsv.step(step);
    }

    /**
     * Observes Y and Z (held as rows, {@code y[l]} is row l): the query rows of Z per class and the decoder
     * residuals, at time {@code step}.
     */
    public static Snapshot observe(double step, double loss, double[][] y, double[][] z, ModelSpec spec,
                                   SequenceClasses classes, Map<String, Double> extras) {
        int k = classes.classes();
        double[][] rows = new double[k][];
        double[] residual = new double[k];
        for (int n = 0; n < k; n++) {
            rows[n] = z[classes.queryToken(n)].clone();
            residual[n] = LongSequenceLimit.decoderResidual(classes, n, y, rows[n], spec);
        }
        return new Snapshot(step, loss, rows, residual, extras);
    }

    /** The names of the trace's fixed series and of its table. */
    public static final String LOSS = "loss";
    public static final String DISTINCT_ENTROPY = "distinct_entropy";
    public static final String DECODER_RESIDUAL = "decoder_residual";
    public static final String ATTENTION = "attention";

    private final String rung;
    private final SequenceClasses classes;
    private final List<Snapshot> snapshots;
    private final Set<Undetermined> undetermined;

    /** The trajectory of a rung that determines every value it records. */
    public Trajectory(String rung, SequenceClasses classes, List<Snapshot> snapshots) {
        this(rung, classes, snapshots, DETERMINED);
    }

    /** @param undetermined what the rung's model leaves undetermined (NaN in every snapshot) */
    public Trajectory(String rung, SequenceClasses classes, List<Snapshot> snapshots, Set<Undetermined> undetermined) {
        this.rung = rung;
        this.classes = classes;
        this.snapshots = List.copyOf(snapshots);
        EnumSet<Undetermined> set = EnumSet.noneOf(Undetermined.class);
        set.addAll(undetermined);
        this.undetermined = Collections.unmodifiableSet(set);
    }

    /** What the rung that made it leaves undetermined. */
    public Set<Undetermined> undetermined() {
        return undetermined;
    }

    /** Whether the snapshots carry measured attention (see {@link Snapshot#measuredAttention()}). */
    public boolean hasMeasuredAttention() {
        return !snapshots.isEmpty() && snapshots.get(0).measuredAttention() != null;
    }

    /** The ladder rung that produced it: transformer, sgd, map, flow, reduced or closed. */
    public String rung() {
        return rung;
    }

    public SequenceClasses classes() {
        return classes;
    }

    public List<Snapshot> snapshots() {
        return snapshots;
    }

    public int size() {
        return snapshots.size();
    }

    public Snapshot at(int index) {
        return snapshots.get(index);
    }

    public Snapshot last() {
        return snapshots.get(snapshots.size() - 1);
    }

    /** The recorded times (SGD steps). */
    @Override
    public double[] steps() {
        return snapshots.stream().mapToDouble(Snapshot::step).toArray();
    }

    /** z_{ψ(n),l} at snapshot {@code index}. */
    public double z(int index, int n, int l) {
        return snapshots.get(index).zRows()[n][l];
    }

    /** The series z_{ψ(n),l}(t) over all snapshots. */
    public double[] zSeries(int n, int l) {
        return snapshots.stream().mapToDouble(s -> s.zRows()[n][l]).toArray();
    }

    /** c_{·|n} at snapshot {@code index} (Eqn. 5). */
    public double[] attention(int index, int n) {
        return LongSequenceLimit.attention(classes, n, snapshots.get(index).zRows()[n]);
    }

    /** Mean over classes of the distinct-token entropy at snapshot {@code index} (nats). */
    public double distinctEntropy(int index) {
        double sum = 0;
        for (int n = 0; n < classes.classes(); n++) {
            sum += LongSequenceLimit.distinctEntropy(classes, n, snapshots.get(index).zRows()[n]);
        }
        return sum / classes.classes();
    }

    /** What a sweep reports of a run on the synthetic classes: the final distinct-token entropy, then the last loss. */
    public double[] observables() {
        return new double[] {distinctEntropy(size() - 1), last().loss()};
    }

    /** Growth factor χ_l(t) = exp(2(z_ml(t) − z_ml(0))) of Theorem 3, at snapshot {@code index}. */
    public double growthFactor(int index, int n, int l) {
        return Math.exp(2 * (z(index, n, l) - z(0, n, l)));
    }

    /** A named extra series, NaN where a snapshot lacks it. */
    public double[] extraSeries(String name) {
        return snapshots.stream().mapToDouble(s -> s.extras().getOrDefault(name, Double.NaN)).toArray();
    }

    /**
     * The names of the extra series, in the snapshots' order: a name that an earlier snapshot lacks comes
     * right after the name it follows in the first snapshot that has it, so a series left out at some
     * times keeps its place.
     */
    public List<String> extraNames() {
        List<String> names = new ArrayList<>();
        for (Snapshot s : snapshots) {
            int at = 0;
            for (String k : s.extras().keySet()) {
                int known = names.indexOf(k);
                if (known < 0) {
                    names.add(at, k);
                    at++;
                } else {
                    at = known + 1;
                }
            }
        }
        return names;
    }

    /** {@code loss}, {@code distinct_entropy}, {@code decoder_residual} (the mean over classes), then the rung's extras. */
    @Override
    public List<String> seriesNames() {
        List<String> names = new ArrayList<>(List.of(LOSS, DISTINCT_ENTROPY, DECODER_RESIDUAL));
        names.addAll(extraNames());
        return names;
    }

    @Override
    public double[] series(String name) {
        return switch (name) {
            case LOSS -> snapshots.stream().mapToDouble(Snapshot::loss).toArray();
            case DISTINCT_ENTROPY -> java.util.stream.IntStream.range(0, size()).mapToDouble(this::distinctEntropy).toArray();
            case DECODER_RESIDUAL -> snapshots.stream().mapToDouble(s -> {
                double residual = 0;
                for (double r : s.decoderResidual()) {
                    residual += r;
                }
                return residual / s.decoderResidual().length;
            }).toArray();
            default -> {
                if (!extraNames().contains(name)) {
                    throw new IllegalArgumentException("rung " + rung + " has no series " + name + "; it has " + seriesNames());
                }
                yield extraSeries(name);
            }
        };
    }

    /**
     * The table {@code attention}: {@code step,next_token,token,role,p,z,c}, one row per class n and token l
     * of its support, with p = P(l|n), z = z_{ψ(n),l}, c = c_{l|n}, and, where the rung measures it (the
     * transformer), a last column {@code a}: the attention the query actually paid to token l, averaged over
     * the rung's evaluation samples of class n.
     */
    @Override
    public List<TraceTable> tables() {
        return List.of(new TraceTable() {
            @Override
            public String name() {
                return ATTENTION;
            }

            @Override
            public List<String> columns() {
                List<String> columns = new ArrayList<>(List.of("step", "next_token", "token", "role", "p", "z", "c"));
                if (hasMeasuredAttention()) {
                    columns.add("a");
                }
                return columns;
            }

            @Override
            public void rows(Consumer<Object[]> row) {
                boolean measured = hasMeasuredAttention();
                for (int i = 0; i < size(); i++) {
                    Snapshot s = at(i);
                    for (int n = 0; n < classes.classes(); n++) {
                        double[] c = attention(i, n);
                        for (int l : classes.support(n)) {
                            Object[] fields = {s.step(), n, l, classes.role(l).label(), classes.probability(n, l),
                                s.zRows()[n][l], c[l], measured ? s.measuredAttention()[n][l] : null};
                            row.accept(measured ? fields : java.util.Arrays.copyOf(fields, 7));
                        }
                    }
                }
            }
        });
    }
}
