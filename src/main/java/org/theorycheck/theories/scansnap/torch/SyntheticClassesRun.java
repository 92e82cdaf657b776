package org.theorycheck.theories.scansnap.torch;

import org.theorycheck.theories.scansnap.train.YZDivergence;
import org.theorycheck.torch.Libtorch;
import org.theorycheck.torch.TorchParameter;
import org.theorycheck.torch.DropoutMasks;
import org.theorycheck.torch.ParameterGroup;
import org.theorycheck.torch.Sgd;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.experiment.TrainSpec;
import org.theorycheck.theories.scansnap.experiment.TransformerSpec;
import org.theorycheck.theories.scansnap.data.ContextSampler;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.data.SyntheticFamily;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.model.YZModel;
import org.theorycheck.core.ladder.Divergence;
import org.theorycheck.core.ladder.DivergenceException;
import org.theorycheck.core.ladder.DivergenceException.At;
import org.theorycheck.theories.scansnap.train.RecordSteps;
import org.theorycheck.theories.scansnap.train.SgdRun;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * The transformer rung: a real {@link Transformer} trained with SGD on the paper's sequence classes,
 * observed in the ladder's terms. A sample is the T−1 contextual tokens, then the query token; the loss
 * is next-token cross-entropy at the query position only (the YZ model's task), and the query attends to
 * the contextual tokens only (never to itself, paper §1), the contextual positions causally. There is no
 * positional encoding (Assumption 1a), so the first layer's logit from query m to token l depends on the
 * tokens only: the trajectory's Z row of class n is the effective z_{ψ(n),·} of
 * {@link Transformer#effectiveLogits()}, averaged over heads (exact for one head; with several, each head
 * has its own softmax and the mean is a summary). Its measured attention is the first layer's attention of
 * the query over the context on a fixed evaluation set (16 samples per class), averaged over heads and
 * samples and summed per token.
 *
 * <p>Rates (parameter groups): every layer's query and key projections (or its free Z) at η_Z, the first
 * layer's feed-forward weights and biases at {@code ff_rate}·η_Y, every other parameter (embedding, value
 * and output projections, layer norms, decoder) at η_Y; momentum {@code train.momentum}. Everything random
 * (initialisation, then every minibatch and dropout mask) comes from the run's stream ({@link SgdRun#stream})
 * in the order rung sgd draws from it, and the evaluation set from the same stream jumped far ahead, so a
 * run depends on its seed and on libtorch's arithmetic only; with every feature switched off
 * ({@link org.theorycheck.theories.scansnap.experiment.TransformerFeatures#NONE}) it trains the YZ model on
 * the very minibatches of rung sgd.
 */
public final class SyntheticClassesRun {

    /** Evaluation samples per class for the measured attention. */
    static final int EVALUATION_PER_CLASS = 16;
    /** What the rung does not determine: the decoder residual (its decoder is not the YZ model's Y). */
    static final java.util.Set<Trajectory.Undetermined> UNDETERMINED =
            java.util.EnumSet.of(Trajectory.Undetermined.DECODER_RESIDUAL);
    /** Share of the physical memory a run may plan to use. */
    private static final double MEMORY_SHARE = 0.5;

    private SyntheticClassesRun() {}

    /** The architecture of the experiment's transformer on its vocabulary (every feature on: a run on text). */
    public static Architecture architecture(TransformerSpec t, int vocabulary) {
        return architecture(t, vocabulary, true);
    }

    /**
     * The architecture of the experiment's transformer on its vocabulary, its switched-off features included.
     *
     * @param normalize with layer norm off, the YZ model's l2 normalisation ({@code model.normalize})
     */
    static Architecture architecture(TransformerSpec t, int vocabulary, boolean normalize) {
        return new Architecture(vocabulary, t.width(vocabulary), t.heads(), t.hidden(), t.layers(), t.dropout(), t.positional(),
                t.scaleEmbedding(), t.initRange(), t.features(), normalize);
    }

    /**
     * Trains the configured transformer with the given seed and returns its trajectory (rung
     * "transformer").
     *
     * @throws ConfigException     if the experiment has no transformer section or its sizes cannot fit in memory
     * @throws DivergenceException if the run diverges ({@link Divergence}): a loss, gradient, parameter or
     *                             recorded value that is not finite, or a loss, parameter or logit that
     *                             overflows the model's precision
     */
    public static Trajectory run(ExperimentConfig config, long seed, IntConsumer onStep) {
        return run("transformer", config, seed, onStep);
    }

    /** As {@link #run(ExperimentConfig, long, IntConsumer)}, its trajectory named after the given rung. */
    public static Trajectory run(String rung, ExperimentConfig config, long seed, IntConsumer onStep) {
        try (Training training = new Training(config, seed)) {
            List<Trajectory.Snapshot> snapshots = new ArrayList<>();
            for (int step = 1; step <= config.train().steps(); step++) {
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    double loss = training.gradient(step);
                    if (step == 1) {
                        snapshots.add(training.observe(0, loss));
                    }
                    training.update(step);
                    if (RecordSteps.isRecorded(config.train(), step)) {
                        snapshots.add(training.observe(step, loss));
                    }
                }
                onStep.accept(step);
            }
            return new Trajectory(rung, training.classes, snapshots, UNDETERMINED);
        }
    }

    /**
     * Wall time (ms) of each of {@code timed} training steps (sampling, forward, backward, update; no
     * observation) after {@code warmup} untimed ones, for benchmarks.
     */
    public static double[] stepMillis(ExperimentConfig config, long seed, int warmup, int timed) {
        try (Training training = new Training(config, seed)) {
            double[] ms = new double[timed];
            for (int step = 1; step <= warmup + timed; step++) {
                long start = System.nanoTime();
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    training.gradient(step);
                    training.update(step);
                }
                if (step > warmup) {
                    ms[step - warmup - 1] = (System.nanoTime() - start) / 1e6;
                }
            }
            return ms;
        }
    }

    /** One run's model, data and optimiser; arrays of a step belong to the caller's {@link NDScope}. */
    private static final class Training implements AutoCloseable {
        final SequenceClasses classes;
        private final TrainSpec train;
        private final int length;
        private final NDManager manager;
        private final Transformer model;
        private final ContextSampler sampler;
        private final Batch evaluation;
        private final NDArray mask;
        private final Sgd sgd;
        private final DropoutMasks dropout;
        private final Divergence.Precision precision;
        private final String lowerRates;

        Training(ExperimentConfig config, long seed) {
            TransformerSpec spec = config.transformer();
            if (spec == null) {
                throw new ConfigException(config.source(), 0, "rung", "rung transformer needs rung: transformer and a transformer: section");
            }
            classes = SyntheticFamily.build(config.data());
            train = config.train();
            length = config.data().context() + 1;
            Architecture architecture = architecture(spec, classes.vocabulary(), config.model().normalize());
            requireMemory(config, architecture, Math.max(train.batch(), EVALUATION_PER_CLASS * classes.classes()), length);
            UniformRandomProvider rng = SgdRun.stream(seed);
            manager = Libtorch.newManager();
            // Without PyTorch's initialisation, Y and Z are the YZ model's first draws, as on rung sgd.
            YZModel yz = spec.features().pytorchInit() ? null : YZModel.initial(classes.vocabulary(), config.model(), rng);
            model = new Transformer(architecture, manager, spec.float64(), rng, yz == null ? null : yz.y(), yz == null ? null : yz.z());
            sampler = new ContextSampler(classes, config.data().context(), rng);
            evaluation = Batch.evaluation(classes, new ContextSampler(classes, config.data().context(), evaluationStream(seed)),
                    EVALUATION_PER_CLASS, length);
            mask = model.array(manager, queryMask(length), length, length);
            sgd = new Sgd(groups(model, spec, train), train.momentum(), spec.clip(), manager);
            dropout = spec.dropout() > 0 ? new DropoutMasks(spec.dropout(), rng) : null;
            precision = Divergence.Precision.of(spec.float64());
            lowerRates = YZDivergence.lowerRates(train);
        }

        /** Samples a minibatch and leaves the gradient of its loss in the parameters; returns the loss. */
        double gradient(int step) {
            Batch batch = Batch.sample(classes, sampler, train.batch(), length);
            NDArray tokens = Transformer.tokens(manager, batch.tokens, batch.size, length);
            NDArray targets = model.array(manager, batch.oneHotTargets(classes.vocabulary()), batch.size, classes.vocabulary());
            double loss;
            ReentrantLock lock = Libtorch.gradientLock();
            lock.lock();
            try (GradientCollector collector = Libtorch.get().newGradientCollector()) {
                NDArray l = queryLoss(model.forwardAt(tokens, mask, dropout, length - 1).logits(), targets);
                collector.backward(l);
                loss = l.toType(DataType.FLOAT64, false).getDouble() + 0.0;   // + 0.0: a zero loss is 0, not −0
            } finally {
                lock.unlock();
            }
            Divergence.requireInRange(loss, At.step(step), "loss", precision, lowerRates);
            return loss;
        }

        /** The SGD update from the gradient, then the range check of every parameter. */
        void update(int step) {
            sgd.step(step);
            sgd.requireInRange(At.step(step), precision);
        }

        /** The snapshot at {@code step}, after checking every value it records. */
        Trajectory.Snapshot observe(int step, double loss) {
            Trajectory.Snapshot s = SyntheticClassesRun.observe(step, loss, model, classes, evaluation, mask, length);
            YZDivergence.requireRecorded(s, classes, UNDETERMINED, At.step(step), precision, lowerRates);
            return s;
        }

        @Override
        public void close() {
            manager.close();
        }
    }

    /**
     * The stream of the evaluation samples: the run's stream jumped ahead by 2^64 draws, so it never meets the
     * draws of training, which therefore follow the same sequence as the YZ model's on rung sgd.
     */
    static UniformRandomProvider evaluationStream(long seed) {
        JumpableUniformRandomProvider stream = (JumpableUniformRandomProvider) SgdRun.stream(seed);
        stream.jump();
        return stream;
    }

    /** The parameter groups and their rates (see the class comment). */
    static List<ParameterGroup> groups(Transformer model, TransformerSpec spec, TrainSpec train) {
        List<TorchParameter> attention = new ArrayList<>();
        List<TorchParameter> feedForward = new ArrayList<>();
        List<TorchParameter> rest = new ArrayList<>();
        for (TorchParameter p : model.parameters()) {
            if (p.name().contains(".self_attn.q_proj.") || p.name().contains(".self_attn.k_proj.")
                    || p.name().endsWith(".self_attn.z")) {
                attention.add(p);
            } else if (p.name().startsWith("layers.0.linear")) {
                feedForward.add(p);
            } else {
                rest.add(p);
            }
        }
        String etaY = "train.eta_y, or train.eta_ratio × train.eta_z";
        return List.of(new ParameterGroup("query-key", train.etaZ(), "train.eta_z", attention),
                new ParameterGroup("first feed-forward", spec.ffRate() * train.etaY(), "transformer.ff_rate × (" + etaY + ")",
                        feedForward),
                new ParameterGroup("other", train.etaY(), etaY, rest));
    }

    /** Mean cross-entropy of the next token at the query position, from the logits read out there ([B, 1, V]). */
    static NDArray queryLoss(NDArray logits, NDArray oneHotTargets) {
        // the mean over the batch, not a division by a Java number (see Transformer#constant)
        return logits.get(new NDIndex(":, 0, :")).logSoftmax(-1).mul(oneHotTargets).sum(new int[] {1}).mean().neg();
    }

    /** Causal among the contextual positions; the query (last) position sees every contextual one and not itself. */
    static double[] queryMask(int length) {
        double[] mask = Transformer.causalMask(length);
        mask[(length - 1) * length + length - 1] = Transformer.MASKED;
        return mask;
    }

    private static Trajectory.Snapshot observe(int step, double loss, Transformer model, SequenceClasses classes,
                                               Batch evaluation, NDArray mask, int length) {
        double[][][] logits = model.effectiveLogits();
        int k = classes.classes();
        int m = classes.vocabulary();
        double[][] rows = new double[k][m];
        for (int n = 0; n < k; n++) {
            for (double[][] head : logits) {
                double[] row = head[classes.queryToken(n)];
                for (int l = 0; l < m; l++) {
                    rows[n][l] += row[l] / logits.length;
                }
            }
        }
        double[][] measured = new double[k][m];
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDManager manager = mask.getManager();
            NDArray tokens = Transformer.tokens(manager, evaluation.tokens, evaluation.size, length);
            List<NDArray> layers = model.forwardAt(tokens, mask, null, length - 1).attention();
            NDArray first = layers.get(0);
            NDArray queryRow = layers.size() == 1 ? first : first.get(new NDIndex(":, :, {}:{}, :", length - 1, length));
            double[] query = queryRow.get(new NDIndex(":, :, 0, :{}", length - 1)).mean(new int[] {1})
                    .toType(DataType.FLOAT64, false).toDoubleArray();
            int[] perClass = new int[k];
            for (int b = 0; b < evaluation.size; b++) {
                int n = evaluation.classes[b];
                perClass[n]++;
                for (int t = 0; t < length - 1; t++) {
                    measured[n][(int) evaluation.tokens[b * length + t]] += query[b * (length - 1) + t];
                }
            }
            for (int n = 0; n < k; n++) {
                for (int l = 0; l < m; l++) {
                    measured[n][l] /= perClass[n];
                }
            }
        }
        double[] residual = new double[k];
        java.util.Arrays.fill(residual, Double.NaN);
        return new Trajectory.Snapshot(step, loss, rows, residual, Map.of(), measured);
    }

    /** Refuses sizes whose training step cannot fit in half of the physical memory (exit 2 before anything is allocated). */
    static void requireMemory(ExperimentConfig config, Architecture architecture, int batch, int length) {
        int bytes = config.transformer().float64() ? 8 : 4;
        long needed = architecture.trainingBytes(batch, length, bytes);
        long available = (long) (MEMORY_SHARE * physicalMemory());
        if (needed > available) {
            throw new ConfigException(config.source(), 0, "transformer.emsize", String.format(java.util.Locale.ROOT,
                    "a training step of this transformer (vocabulary %d, emsize %d, hidden %d, %d layers, batch %d, length %d) "
                            + "needs about %.1f GB, more than half of this machine's %.1f GB; lower the sizes or the batch",
                    architecture.vocabulary(), architecture.emsize(), architecture.hidden(), architecture.layers(), batch, length,
                    needed / 1e9, physicalMemory() / 1e9));
        }
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }

    /** Token sequences (context then query) with their classes. */
    static final class Batch {
        final int size;
        final long[] tokens;
        final int[] classes;
        final int[] targets;

        private Batch(int size, int length) {
            this.size = size;
            tokens = new long[size * length];
            classes = new int[size];
            targets = new int[size];
        }

        static Batch sample(SequenceClasses family, ContextSampler sampler, int size, int length) {
            Batch b = new Batch(size, length);
            for (int i = 0; i < size; i++) {
                b.fill(i, sampler.nextClass(), family, sampler, length);
            }
            return b;
        }

        static Batch evaluation(SequenceClasses family, ContextSampler sampler, int perClass, int length) {
            Batch b = new Batch(perClass * family.classes(), length);
            for (int n = 0; n < family.classes(); n++) {
                for (int i = 0; i < perClass; i++) {
                    b.fill(n * perClass + i, n, family, sampler, length);
                }
            }
            return b;
        }

        private void fill(int i, int n, SequenceClasses family, ContextSampler sampler, int length) {
            int[] context = new int[length - 1];
            sampler.nextSequence(n, context);
            for (int t = 0; t < length - 1; t++) {
                tokens[i * length + t] = context[t];
            }
            tokens[i * length + length - 1] = family.queryToken(n);
            classes[i] = n;
            targets[i] = family.nextToken(n);
        }

        double[] oneHotTargets(int vocabulary) {
            double[] y = new double[size * vocabulary];
            for (int i = 0; i < size; i++) {
                y[i * vocabulary + targets[i]] = 1;
            }
            return y;
        }
    }
}
