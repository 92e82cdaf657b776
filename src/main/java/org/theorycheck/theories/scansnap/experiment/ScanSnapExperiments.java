package org.theorycheck.theories.scansnap.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.OperatingSystemMXBean;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.experiment.ExperimentFile;
import org.theorycheck.core.experiment.ExperimentKeys;
import org.theorycheck.core.experiment.ExperimentSchema;
import org.theorycheck.core.experiment.ExperimentValues;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The keys a Scan and Snap experiment file may hold, their defaults and their allowed values, and the
 * binding to an {@link ExperimentConfig}. Binding is written out key by key (rather than delegated to
 * data binding) so that every message names the file, the line and the key.
 */
public final class ScanSnapExperiments implements ExperimentSchema<ExperimentConfig> {

    /** The theory's id, also the name of its folders under {@code experiments/} and {@code theorems/}. */
    public static final String THEORY = "scan-and-snap";

    /** The schema (it holds nothing, so one serves everyone). */
    public static final ScanSnapExperiments SCHEMA = new ScanSnapExperiments();

    private static final ExperimentKeys KEYS = ExperimentKeys.builder()
            .integer("data.queries", "1")
            .integer("data.next_per_query", "2")
            .integer("data.common", "10")
            .integer("data.common_per_query", "0")
            .integer("data.distinct_per_next", "10")
            .number("data.common_weight", "1.0")
            .list("data.distinct_weights", "[0.1, 1.0]")
            .integer("data.context", "127")
            .bool("model.normalize", "true")
            .bool("model.residual", "false")
            .text("model.init", "zero")
            .text("train.optimizer", "sgd")
            .number("train.momentum", "0.9")
            .number("train.eta_z", "1.0")
            .number("train.eta_ratio", "1.0")
            .number("train.eta_y", "")
            .integer("train.batch", "128")
            .integer("train.steps", "100")
            .integer("train.record_every", "2")
            .integer("train.checkpoint_every", "")
            .text("rung", "sgd")
            .integer("transformer.emsize", "16")
            .integer("transformer.heads", "1")
            .integer("transformer.hidden", "16")
            .integer("transformer.layers", "1")
            .number("transformer.dropout", "0.0")
            .bool("transformer.positional", "false")
            .bool("transformer.scale_embedding", "true")
            .number("transformer.init_range", "0.1")
            .number("transformer.ff_rate", "1.0")
            .number("transformer.clip", "0.0")
            .text("transformer.dtype", "float32")
            .bool("transformer.feed_forward", "true")
            .bool("transformer.layer_norm", "true")
            .bool("transformer.residual", "true")
            .bool("transformer.decoder_bias", "true")
            .text("transformer.value_output", "learned")
            .text("transformer.embedding", "learned")
            .text("transformer.attention", "factored")
            .text("transformer.init", "pytorch")
            .text("corpus.name", "")
            .text("corpus.dir", "")
            .integer("corpus.min_count", "1")
            .integer("corpus.batch", "20")
            .integer("corpus.eval_batch", "10")
            .integer("corpus.bptt", "35")
            .integer("corpus.eval_windows", "10")
            .integer("corpus.map_window", "100")
            .fixed("rung", "corpus.name", "corpus.dir", "train.checkpoint_every")
            .outsideRuns("train.checkpoint_every")
            .rivals("train.eta_y", "train.eta_ratio")
            .build();

    /**
     * The checkpoint interval of a corpus run that does not give one: at the authors' Fig. 7 size an
     * iteration takes about a third of a second and a checkpoint a small fraction of one, so a kill loses at
     * most about half a minute of work for well under 1% of extra time.
     */
    static final int CORPUS_CHECKPOINT_EVERY = 100;

    /** The rungs an experiment file may ask {@code train} and {@code sweep} for. */
    static final String SGD = "sgd";
    static final String TRANSFORMER = "transformer";
    private static final String TRANSFORMER_PREFIX = "transformer.";
    private static final String CORPUS_PREFIX = "corpus.";

    /** Reads a Scan and Snap experiment file (not yet validated). */
    public static ExperimentFile<ExperimentConfig> read(Path path) {
        return ExperimentFile.read(path, SCHEMA);
    }

    @Override
    public String theory() {
        return THEORY;
    }

    @Override
    public ExperimentKeys keys() {
        return KEYS;
    }

    @Override
    public ExperimentConfig bind(ExperimentValues values) {
        Binder b = new Binder(values);
        String name = values.name();
        CorpusSpec corpus = b.corpus();
        int queries = b.integer("data.queries", 1);
        int nextPerQuery = b.integer("data.next_per_query", 1);
        int common = b.integer("data.common", 0);
        int commonPerQuery = b.integer("data.common_per_query", 0);
        int distinct = b.integer("data.distinct_per_next", 1);
        double commonWeight = b.positive("data.common_weight");
        double[] weights = b.distinctWeights();
        int context = b.integer("data.context", 1);
        DataSpec data = new DataSpec(queries, nextPerQuery, common, commonPerQuery, distinct, commonWeight,
                weights[0], weights[1], context);

        ModelSpec model = new ModelSpec(b.bool("model.normalize"), b.bool("model.residual"),
                ModelSpec.Init.valueOf(b.choice("model.init", "zero", "uniform").toUpperCase()));

        TrainSpec.Optimizer optimizer =
                TrainSpec.Optimizer.valueOf(b.choice("train.optimizer", "sgd", "adam").toUpperCase());
        double momentum = b.number("train.momentum");
        if (momentum < 0 || momentum >= 1) {
            throw b.error("train.momentum", "must be in [0, 1), got " + momentum);
        }
        double etaZ = b.positive("train.eta_z");
        double etaY = b.etaY(etaZ);
        TrainSpec train = new TrainSpec(optimizer, momentum, etaZ, etaY, b.integer("train.batch", 1),
                b.integer("train.steps", 1), b.integer("train.record_every", 1), b.checkpointEvery(corpus != null));
        String rung = b.choice("rung", SGD, TRANSFORMER);
        TransformerSpec transformer = null;
        if (rung.equals(TRANSFORMER)) {
            transformer = b.transformer(corpus != null);
            if (optimizer != TrainSpec.Optimizer.SGD) {
                throw b.error("train.optimizer", "rung transformer trains with SGD (train.momentum sets its momentum), got "
                        + optimizer.name().toLowerCase());
            }
        } else {
            b.requireNoTransformerKeys(rung);
            if (corpus != null) {
                throw b.error("corpus.name", "a corpus is read by rung transformer only, but rung is " + rung
                        + "; set rung: transformer");
            }
        }
        ModelSize.Refusal tooLarge = ModelSize.problem(data, model, train, transformer, corpus, Runtime.getRuntime().maxMemory(),
                machineMemory());
        if (tooLarge != null) {
            throw b.error(tooLarge.key(), tooLarge.problem());
        }
        return new ExperimentConfig(name, values.source(), data, model, train, values.seeds(), values.sweepAxes(), rung,
                transformer, corpus, values.fingerprint());
    }

    /** The machine's physical memory in bytes, or 0 where the JVM does not say. */
    private static long machineMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }

    /** Reads the typed values of one file or cell, naming the line on error; the checks of this theory's sections. */
    private static final class Binder {
        private final ExperimentValues values;

        Binder(ExperimentValues values) {
            this.values = values;
        }

        private boolean present(String key) {
            return values.present(key);
        }

        private String where(String key) {
            return values.where(key);
        }

        ConfigException error(String key, String problem) {
            return values.error(key, problem);
        }

        private JsonNode node(String key) {
            return values.node(key);
        }

        String text(String key) {
            return values.text(key);
        }

        int integer(String key, int min) {
            return values.integer(key, min);
        }

        double number(String key) {
            return values.number(key);
        }

        double positive(String key) {
            return values.positive(key);
        }

        boolean bool(String key) {
            return values.bool(key);
        }

        String choice(String key, String... allowed) {
            return values.choice(key, allowed);
        }

        private static String show(JsonNode n) {
            return ExperimentValues.show(n);
        }

        private static List<String> keys() {
            return KEYS.names();
        }

        double[] distinctWeights() {
            String key = "data.distinct_weights";
            JsonNode n = node(key);
            if (n == null || !n.isArray() || n.size() != 2 || !n.get(0).isNumber() || !n.get(1).isNumber()) {
                throw error(key, "must be a list of two numbers [w_lo, w_hi], got " + show(n));
            }
            double lo = n.get(0).doubleValue();
            double hi = n.get(1).doubleValue();
            if (!(lo > 0) || !(hi > 0) || !Double.isFinite(hi)) {
                throw error(key, "both weights must be finite and > 0, got [" + lo + ", " + hi + "]");
            }
            if (lo > hi) {
                throw error(key, "must be ascending (w_lo <= w_hi), got [" + lo + ", " + hi + "]");
            }
            return new double[] {lo, hi};
        }

        double etaY(double etaZ) {
            if (present("train.eta_y")) {
                return positive("train.eta_y");
            }
            double etaY = positive("train.eta_ratio") * etaZ;
            if (!Double.isFinite(etaY)) {
                throw error("train.eta_ratio", "eta_y = eta_ratio * eta_z = " + etaY + " is not a finite rate");
            }
            return etaY;
        }

        TransformerSpec transformer(boolean corpusRun) {
            int emsize = integer("transformer.emsize", 1);
            int heads = integer("transformer.heads", 1);
            if (emsize % heads != 0) {
                throw error("transformer.heads", "transformer.emsize = " + emsize + " must be divisible by the number of heads, got "
                        + heads);
            }
            double dropout = number("transformer.dropout");
            if (dropout < 0 || dropout >= 1) {
                throw error("transformer.dropout", "must be in [0, 1), got " + dropout);
            }
            double clip = number("transformer.clip");
            if (clip < 0) {
                throw error("transformer.clip", "must be >= 0 (0: no clipping), got " + clip);
            }
            int layers = integer("transformer.layers", 1);
            return new TransformerSpec(emsize, heads, integer("transformer.hidden", 1), layers,
                    dropout, bool("transformer.positional"), bool("transformer.scale_embedding"),
                    positive("transformer.init_range"), positive("transformer.ff_rate"), clip,
                    choice("transformer.dtype", "float32", "float64").equals("float64"), features(heads, layers, corpusRun));
        }

        /**
         * The switches of {@link TransformerFeatures}. A free Z is one matrix between tokens, so it has one head and
         * one layer; the YZ initialisation draws Y and Z as M×M matrices, so it needs one-hot embeddings and a free Z;
         * on a corpus every feature stays on (the switches compare the transformer with the YZ model on the
         * sequence classes).
         */
        TransformerFeatures features(int heads, int layers, boolean corpusRun) {
            boolean learnedEmbedding = choice("transformer.embedding", "learned", "one_hot").equals("learned");
            boolean factored = choice("transformer.attention", "factored", "free").equals("factored");
            boolean pytorchInit = choice("transformer.init", "pytorch", "yz").equals("pytorch");
            TransformerFeatures f = new TransformerFeatures(bool("transformer.feed_forward"), bool("transformer.layer_norm"),
                    bool("transformer.residual"), bool("transformer.decoder_bias"),
                    choice("transformer.value_output", "learned", "identity").equals("learned"), learnedEmbedding, factored,
                    pytorchInit);
            if (!factored && (heads != 1 || layers != 1)) {
                throw error("transformer.attention", "a free matrix of logits between tokens is one head of one layer, but "
                        + "transformer.heads = " + heads + " and transformer.layers = " + layers + "; set both to 1");
            }
            if (!pytorchInit && (learnedEmbedding || factored)) {
                throw error("transformer.init", "yz draws Y and Z as the YZ model's M x M matrices, which needs "
                        + "transformer.embedding: one_hot and transformer.attention: free");
            }
            if (corpusRun && !f.equals(TransformerFeatures.ALL)) {
                TransformerFeatures.Feature off = java.util.Arrays.stream(TransformerFeatures.Feature.values())
                        .filter(x -> !f.has(x)).findFirst().orElseThrow();
                throw error(off.key(), "a run on a corpus trains the whole transformer; the switches that drop a feature "
                        + "apply on the synthetic classes (data:) only");
            }
            return f;
        }

        /**
         * {@code train.checkpoint_every}: 0 turns checkpoints off; absent means {@link #CORPUS_CHECKPOINT_EVERY} for
         * a corpus run and 0 otherwise. Only a corpus run keeps checkpoints, so a positive value elsewhere is an
         * error rather than a promise silently not kept.
         */
        int checkpointEvery(boolean corpusRun) {
            String key = "train.checkpoint_every";
            if (!present(key)) {
                return corpusRun ? CORPUS_CHECKPOINT_EVERY : 0;
            }
            int every = integer(key, 0);
            if (every > 0 && !corpusRun) {
                throw error(key, "only a run on a corpus (corpus: section) keeps checkpoints; the other runs take "
                        + "seconds, so remove the key or set it to 0");
            }
            return every;
        }

        /** A transformer key given to a rung that has no transformer is a mistake, not something to ignore. */
        void requireNoTransformerKeys(String rung) {
            for (String key : keys()) {
                if (key.startsWith(TRANSFORMER_PREFIX) && present(key)) {
                    throw error(key, "only rung transformer reads the transformer section, but rung is " + rung
                            + "; set rung: transformer or remove the section");
                }
            }
        }

        /**
         * The {@code corpus:} section, or null if the file has none. A corpus replaces the synthetic family, so
         * {@code data.*} beside it is an error, and so is {@code train.batch} (its batch is corpus.batch).
         */
        CorpusSpec corpus() {
            Optional<String> first = keys().stream().filter(k -> k.startsWith(CORPUS_PREFIX) && present(k)).findFirst();
            if (first.isEmpty()) {
                return null;
            }
            String at = where(first.get());
            for (String key : keys()) {
                if (key.startsWith("data.") && present(key)) {
                    throw error(key, "an experiment reads either the synthetic family (data:) or a corpus (corpus:, "
                            + at + "), not both");
                }
            }
            if (present("train.batch")) {
                throw error("train.batch", "the batch of a corpus experiment is corpus.batch (corpus: at " + at + ")");
            }
            if (!present("corpus.name")) {
                throw error(first.get(), "a corpus: section needs corpus.name: brown | wikitext2 | wikitext103");
            }
            CorpusSpec.Name corpus = CorpusSpec.Name.valueOf(
                    choice("corpus.name", "brown", "wikitext2", "wikitext103").toUpperCase());
            String dir = text("corpus.dir");
            if (dir.isEmpty() && corpus != CorpusSpec.Name.BROWN) {
                throw error("corpus.name", corpus.key() + " is read from a directory of yours: give corpus.dir, the "
                        + "directory holding wiki.train.tokens, wiki.valid.tokens and wiki.test.tokens");
            }
            return new CorpusSpec(corpus, dir, integer("corpus.min_count", 1), integer("corpus.batch", 1),
                    integer("corpus.eval_batch", 1), integer("corpus.bptt", 1), integer("corpus.eval_windows", 1),
                    integer("corpus.map_window", 0));
        }
    }
}
