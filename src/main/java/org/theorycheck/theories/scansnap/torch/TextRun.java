package org.theorycheck.theories.scansnap.torch;

import org.theorycheck.theories.scansnap.train.YZDivergence;
import org.theorycheck.torch.Libtorch;
import org.theorycheck.torch.TorchParameter;
import org.theorycheck.torch.DropoutMasks;
import org.theorycheck.torch.Sgd;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.theories.scansnap.experiment.CorpusSpec;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.experiment.TransformerSpec;
import org.theorycheck.theories.scansnap.text.TextBatches;
import org.theorycheck.theories.scansnap.text.TextCorpus;
import org.theorycheck.theories.scansnap.text.TextSplit;
import org.theorycheck.core.ladder.Divergence;
import org.theorycheck.core.ladder.DivergenceException;
import org.theorycheck.core.ladder.DivergenceException.At;
import org.theorycheck.theories.scansnap.train.RecordSteps;
import org.theorycheck.theories.scansnap.train.SgdRun;

import java.nio.file.Path;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * The transformer trained as a language model on real text (paper §5, Fig. 7 and Fig. 10), as PyTorch's
 * word-language-model example trains it: iteration s takes the next training window of
 * {@link TextBatches} (windows in order, starting again after the last), the loss is the mean next-token
 * cross-entropy over every position and column, the attention is causal, the update is {@link Sgd}
 * with the parameter groups of {@link SyntheticClassesRun#groups} (with equal η_Y and η_Z and
 * {@code ff_rate} 2 that is the authors' Fig. 7: the first layer's feed-forward weights at twice the base rate).
 *
 * <p>Observed at every record step, with dropout off, on the first {@code corpus.eval_windows} windows
 * of the valid split (all of full length):
 * <ul>
 *   <li>per layer, the attention entropy −Σ_j a_ij ln(a_ij + 10⁻⁸), averaged over query positions i,
 *       heads, columns and windows (the authors' measure);</li>
 *   <li>per layer, the change rate: Σ_j |a_ij(s) − a_ij(s′)| averaged as above, divided by s − s′, the
 *       iterations since the previous record (NaN at the first);</li>
 *   <li>the validation perplexity, exp of the mean cross-entropy over those windows;</li>
 * </ul>
 * and the layer-0 attention map (averaged over heads) of column 0 of training window
 * {@code corpus.map_window} (Fig. 7: the window at token 100·bptt). The loss recorded at step s is that of
 * the window trained at step s (at step 0, that of step 1 before its update).
 *
 * <p>A long run can keep a {@link TextCheckpoint} every {@code train.checkpoint_every} iterations and
 * resume from it with the same numbers, bit for bit, as a run that was never interrupted.
 */
public final class TextRun {

    /** Inside the logarithm of the authors' entropy. */
    static final double ENTROPY_FLOOR = 1e-8;

    private TextRun() {}

    /**
     * One observation.
     *
     * @param step          iterations done
     * @param loss          training cross-entropy (nats) of the window of this step
     * @param perplexity    validation perplexity on the observed windows
     * @param entropy       per layer, the mean attention entropy (nats)
     * @param change        per layer, the mean L1 change of an attention row per iteration since the last record
     * @param map           layer 0's attention on the mapped window, bptt × bptt row-major (row: query position)
     */
    public record Record(int step, double loss, double perplexity, double[] entropy, double[] change, double[] map)
            implements Serializable {

        /** What a sweep reports of a run at this record: each layer's entropy, the validation perplexity, the loss. */
        public double[] observables() {
            double[] out = Arrays.copyOf(entropy, entropy.length + 2);
            out[entropy.length] = perplexity;
            out[entropy.length + 1] = loss;
            return out;
        }
    }

    /**
     * Trains the experiment's transformer on the corpus with the given seed.
     *
     * @param corpus the experiment's corpus, already read and checked ({@link org.theorycheck.theories.scansnap.text.CorpusReader#load})
     * @param onStep told after each iteration
     * @throws ConfigException     if the sizes cannot fit in memory
     * @throws DivergenceException if the run diverges ({@link Divergence}): a loss, gradient, parameter or
     *                             recorded value that is not finite, or a loss or parameter that overflows the
     *                             model's precision
     */
    public static List<Record> run(ExperimentConfig config, TextCorpus corpus, long seed, IntConsumer onStep) {
        return run(config, corpus, seed, null, null, onStep);
    }

    /**
     * Trains as {@link #run(ExperimentConfig, TextCorpus, long, IntConsumer)} does, saving a checkpoint to
     * {@code checkpoint} after every {@code train.checkpoint_every}-th iteration before the last, and resuming
     * from {@code resume} if given: the records returned are then those of the whole run, equal bit for bit to
     * those of a run that was never interrupted.
     *
     * @param checkpoint where to keep the checkpoint, or null for none
     * @param resume     a checkpoint of this run ({@link TextCheckpoint#read}) to go on from, or null to start afresh
     * @param onStep     told after each iteration (from the one after the checkpoint's)
     */
    public static List<Record> run(ExperimentConfig config, TextCorpus corpus, long seed, Path checkpoint,
                                   TextCheckpoint resume, IntConsumer onStep) {
        TransformerSpec spec = config.transformer();
        CorpusSpec text = config.corpus();
        int bptt = text.bptt();
        TextBatches train = new TextBatches(corpus.split(TextSplit.TRAIN).ids(), text.batch(), bptt);
        TextBatches valid = new TextBatches(corpus.split(TextSplit.VALID).ids(), text.evalBatch(), bptt);
        Architecture architecture = SyntheticClassesRun.architecture(spec, corpus.vocabulary().size());
        SyntheticClassesRun.requireMemory(config, architecture, Math.max(text.batch(), text.evalBatch()), bptt);
        RestorableUniformRandomProvider rng = SgdRun.stream(seed);
        try (NDManager manager = Libtorch.newManager()) {
            Transformer model = new Transformer(architecture, manager, spec.float64(), rng);
            Sgd sgd = new Sgd(SyntheticClassesRun.groups(model, spec, config.train()), config.train().momentum(), spec.clip(),
                    manager);
            DropoutMasks dropout = spec.dropout() > 0 ? new DropoutMasks(spec.dropout(), rng) : null;
            Observer observer = new Observer(model, manager, valid, text.evalWindows(), train.window(text.mapWindow()), bptt);
            ReentrantLock lock = Libtorch.gradientLock();
            List<Record> records = new ArrayList<>();
            Divergence.Precision precision = Divergence.Precision.of(spec.float64());
            String lowerRates = YZDivergence.lowerRates(config.train());
            int steps = config.train().steps();
            int every = config.train().checkpointEvery();
            int first = 1;
            if (resume != null) {
                restore(resume.state(), model, sgd, rng, observer, records);
                first = resume.iteration() + 1;
            }
            for (int step = first; step <= steps; step++) {
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    TextBatches.Window window = train.window((step - 1) % train.windows());
                    double loss;
                    lock.lock();
                    try (GradientCollector collector = Libtorch.get().newGradientCollector()) {
                        NDArray l = observer.loss(window, dropout).loss();
                        collector.backward(l);
                        loss = l.toType(DataType.FLOAT64, false).getDouble();
                    } finally {
                        lock.unlock();
                    }
                    Divergence.requireInRange(loss, At.step(step), "loss", precision, lowerRates);
                    if (step == 1) {
                        records.add(checked(observer.observe(0, loss), precision, lowerRates));
                    }
                    sgd.step(step);
                    sgd.requireInRange(At.step(step), precision);
                    if (RecordSteps.isRecorded(config.train(), step)) {
                        records.add(checked(observer.observe(step, loss), precision, lowerRates));
                    }
                }
                if (checkpoint != null && every > 0 && step % every == 0 && step < steps) {
                    TextCheckpoint.write(checkpoint, config, corpus, seed, capture(step, spec.float64(), model, sgd, rng,
                            observer, records));
                }
                onStep.accept(step);
            }
            return records;
        }
    }

    /**
     * A record after checking every value it holds ({@link Divergence}), by the names of trace.csv: the loss
     * in range, the rest finite, but for the change rates of the first record, which have nothing to compare
     * with (NaN, an empty field).
     */
    private static Record checked(Record r, Divergence.Precision precision, String advice) {
        At at = At.step(r.step());
        Divergence.requireInRange(r.loss(), at, "loss", precision, advice);
        Divergence.requireFinite(r.perplexity(), at, "val_perplexity", advice);
        for (int l = 0; l < r.entropy().length; l++) {
            Divergence.requireFinite(r.entropy()[l], at, "entropy_" + l, advice);
            if (!(r.step() == 0 && Double.isNaN(r.change()[l]))) {
                Divergence.requireFinite(r.change()[l], at, "change_" + l, advice);
            }
        }
        int length = (int) Math.round(Math.sqrt(r.map().length));
        Divergence.requireFinite(r.map(), at, "p of attention_maps.csv", i -> "(query " + i / length + ", key " + i % length + ")",
                advice);
        return r;
    }

    /** The run's state after {@code step}, copied out of the engine. */
    private static TextCheckpoint.State capture(int step, boolean float64, Transformer model, Sgd sgd,
                                                RestorableUniformRandomProvider rng, Observer observer, List<Record> records) {
        List<double[]> parameters = new ArrayList<>();
        for (TorchParameter p : model.parameters()) {
            parameters.add(p.value().toType(DataType.FLOAT64, false).toDoubleArray());
        }
        List<double[]> velocities = new ArrayList<>();
        for (NDArray v : sgd.velocities()) {
            velocities.add(v.toType(DataType.FLOAT64, false).toDoubleArray());
        }
        byte[] random = ((RandomProviderDefaultState) rng.saveState()).getState();
        return new TextCheckpoint.State(step, float64, random, parameters, velocities, observer.previousStep,
                observer.previous, List.copyOf(records));
    }

    /** Puts a checkpoint's state into a freshly built run (its parameters and buffers overwritten in place). */
    private static void restore(TextCheckpoint.State state, Transformer model, Sgd sgd, RestorableUniformRandomProvider rng,
                                Observer observer, List<Record> records) {
        copyInto(state.parameters(), model.parameters().stream().map(TorchParameter::value).toList(), model);
        copyInto(state.velocities(), sgd.velocities(), model);
        rng.restoreState(new RandomProviderDefaultState(state.random()));
        observer.previous = state.previous();
        observer.previousStep = state.previousStep();
        records.addAll(state.records());
    }

    private static void copyInto(List<double[]> values, List<NDArray> targets, Transformer model) {
        if (values.size() != targets.size()) {
            throw new IllegalArgumentException("the checkpoint holds " + values.size() + " arrays, the run " + targets.size());
        }
        for (int i = 0; i < values.size(); i++) {
            NDArray target = targets.get(i);
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray source = model.array(target.getManager(), values.get(i), target.getShape().getShape());
                // a detached view of the same storage, as in Sgd#step: autograd refuses in-place changes of its leaves
                target.stopGradient().set(new NDIndex(":"), source);
            }
        }
    }

    /** What one forward pass gives: the mean cross-entropy and every layer's attention. */
    private record Pass(NDArray loss, List<NDArray> attention) {}

    /** The fixed windows a run is observed on, and the attention seen at the previous record. */
    private static final class Observer {
        private final Transformer model;
        private final NDManager manager;
        private final List<TextBatches.Window> windows = new ArrayList<>();
        private final TextBatches.Window mapped;
        private final int bptt;
        /** Per observed window and layer, the attention at the previous record. */
        private double[][][] previous;
        private int previousStep;

        Observer(Transformer model, NDManager manager, TextBatches valid, int count, TextBatches.Window mapped, int bptt) {
            this.model = model;
            this.manager = manager;
            for (int w = 0; w < count; w++) {
                windows.add(valid.window(w));
            }
            this.mapped = mapped;
            this.bptt = bptt;
        }

        /** Forward pass of one window, batch-first ([columns, length]), with its mean next-token cross-entropy. */
        Pass loss(TextBatches.Window window, DropoutMasks dropout) {
            int length = window.length();
            int columns = window.columns();
            NDArray tokens = manager.create(batchFirst(window.input(), length, columns), new Shape(columns, length));
            NDArray targets = manager.create(batchFirst(window.target(), length, columns), new Shape(columns, length, 1));
            NDArray mask = model.array(manager, Transformer.causalMask(length), length, length);
            Transformer.Output out = model.forward(tokens, mask, dropout);
            NDArray picked = out.logits().logSoftmax(-1).gather(targets, 2);
            return new Pass(picked.mean().neg(), out.attention());
        }

        Record observe(int step, double loss) {
            int layers = model.architecture().layers();
            double[] entropy = new double[layers];
            double[] change = new double[layers];
            double[][][] now = new double[windows.size()][layers][];
            double crossEntropy = 0;
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                for (int w = 0; w < windows.size(); w++) {
                    Pass pass = loss(windows.get(w), null);
                    crossEntropy += pass.loss().toType(DataType.FLOAT64, false).getDouble() / windows.size();
                    for (int l = 0; l < layers; l++) {
                        NDArray a = pass.attention().get(l);
                        NDArray h = a.mul(a.add(ENTROPY_FLOOR).log()).sum(new int[] {-1}).neg();
                        entropy[l] += h.mean().toType(DataType.FLOAT64, false).getDouble() / windows.size();
                        now[w][l] = a.toType(DataType.FLOAT64, false).toDoubleArray();
                        change[l] += previous == null ? Double.NaN
                                : rowChange(previous[w][l], now[w][l], bptt) / (step - previousStep) / windows.size();
                    }
                }
                previous = now;
                previousStep = step;
                return new Record(step, loss, Math.exp(crossEntropy), entropy, change, layerZeroMap());
            }
        }

        /** Layer 0's attention of column 0 of the mapped window, averaged over heads, [length × length]. */
        private double[] layerZeroMap() {
            Pass pass = loss(mapped, null);
            NDArray first = pass.attention().get(0).get(new NDIndex("0, :, :, :")).mean(new int[] {0});
            return first.toType(DataType.FLOAT64, false).toDoubleArray();
        }
    }

    /** Σ_j |a_ij − b_ij| averaged over the rows (of {@code rowLength} entries) of two attention arrays. */
    public static double rowChange(double[] before, double[] after, int rowLength) {
        double total = 0;
        for (int i = 0; i < before.length; i++) {
            total += Math.abs(after[i] - before[i]);
        }
        return total / (before.length / (double) rowLength);
    }

    /** A window's [length × columns] ids as [columns × length] int64 (the model is batch-first). */
    static long[] batchFirst(int[] ids, int length, int columns) {
        long[] out = new long[ids.length];
        for (int t = 0; t < length; t++) {
            for (int c = 0; c < columns; c++) {
                out[c * length + t] = ids[t * columns + c];
            }
        }
        return out;
    }
}
