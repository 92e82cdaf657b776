package org.theorycheck.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The keys an experiment file may hold, their defaults and their allowed values; binds an
 * {@link ExperimentFile} to an {@link ExperimentConfig}. Binding is written out key by key (rather than
 * delegated to data binding) so that every message names the file, the line and the key.
 */
final class ExperimentSchema {

    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("name", "");
        DEFAULTS.put("data.queries", "1");
        DEFAULTS.put("data.next_per_query", "2");
        DEFAULTS.put("data.common", "10");
        DEFAULTS.put("data.common_per_query", "0");
        DEFAULTS.put("data.distinct_per_next", "10");
        DEFAULTS.put("data.common_weight", "1.0");
        DEFAULTS.put("data.distinct_weights", "[0.1, 1.0]");
        DEFAULTS.put("data.context", "127");
        DEFAULTS.put("model.normalize", "true");
        DEFAULTS.put("model.residual", "false");
        DEFAULTS.put("model.init", "zero");
        DEFAULTS.put("train.optimizer", "sgd");
        DEFAULTS.put("train.momentum", "0.9");
        DEFAULTS.put("train.eta_z", "1.0");
        DEFAULTS.put("train.eta_ratio", "1.0");
        DEFAULTS.put("train.eta_y", "");
        DEFAULTS.put("train.batch", "128");
        DEFAULTS.put("train.steps", "100");
        DEFAULTS.put("train.record_every", "2");
        DEFAULTS.put("train.checkpoint_every", "");
        DEFAULTS.put("rung", "sgd");
        DEFAULTS.put("transformer.emsize", "16");
        DEFAULTS.put("transformer.heads", "1");
        DEFAULTS.put("transformer.hidden", "16");
        DEFAULTS.put("transformer.layers", "1");
        DEFAULTS.put("transformer.dropout", "0.0");
        DEFAULTS.put("transformer.positional", "false");
        DEFAULTS.put("transformer.scale_embedding", "true");
        DEFAULTS.put("transformer.init_range", "0.1");
        DEFAULTS.put("transformer.ff_rate", "1.0");
        DEFAULTS.put("transformer.clip", "0.0");
        DEFAULTS.put("transformer.dtype", "float32");
        DEFAULTS.put("corpus.name", "");
        DEFAULTS.put("corpus.dir", "");
        DEFAULTS.put("corpus.min_count", "1");
        DEFAULTS.put("corpus.batch", "20");
        DEFAULTS.put("corpus.eval_batch", "10");
        DEFAULTS.put("corpus.bptt", "35");
        DEFAULTS.put("corpus.eval_windows", "10");
        DEFAULTS.put("corpus.map_window", "100");
        DEFAULTS.put("seeds", "1");
    }

    private static final Set<String> NOT_SWEEPABLE = Set.of("name", "seeds", "rung", "corpus.name", "corpus.dir",
            "train.checkpoint_every");

    /**
     * The checkpoint interval of a corpus run that does not give one: at the authors' Fig. 7 size an
     * iteration takes about a third of a second and a checkpoint a small fraction of one, so a kill loses at
     * most about half a minute of work for well under 1% of extra time.
     */
    static final int CORPUS_CHECKPOINT_EVERY = 100;

    /**
     * The most runs (grid cells × seeds) one sweep may have. The paper's largest sweep (Fig. 6) has 640; at the cheapest
     * run, tens of milliseconds, 100,000 are about an hour of CPU, at Syn-Medium's about two, and a sweep keeps a plan, a
     * journal row and a table row per run. A range like seeds=1..50000000 used to build its list until the heap ran out.
     */
    static final int MAX_RUNS = 100_000;
    private static final String MAX_RUNS_REASON = "the runs of one sweep, grid x seeds, 640 in the paper's largest";

    /** The rungs an experiment file may ask {@code train} and {@code sweep} for. */
    static final String SGD = "sgd";
    static final String TRANSFORMER = "transformer";
    private static final String TRANSFORMER_PREFIX = "transformer.";
    private static final String CORPUS_PREFIX = "corpus.";

    private ExperimentSchema() {}

    static boolean isKey(String key) {
        return DEFAULTS.containsKey(key);
    }

    static boolean isSweepable(String key) {
        return isKey(key) && !NOT_SWEEPABLE.contains(key) && !key.equals("data.distinct_weights");
    }

    static List<String> keys() {
        return new ArrayList<>(DEFAULTS.keySet());
    }

    static ExperimentConfig bind(ExperimentFile file, Map<String, String> cell) {
        Binder b = new Binder(file, cell);
        b.checkKeys();
        String name = b.text("name");
        if (name.isEmpty()) {
            String fileName = java.nio.file.Path.of(file.source()).getFileName().toString();
            name = fileName.replaceFirst("\\.ya?ml$", "");
        }
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
            transformer = b.transformer();
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
        List<Long> seeds = b.seeds();
        List<ExperimentConfig.SweepAxis> axes = b.sweepAxes();
        b.requireBoundedRuns(seeds.size(), axes);
        return new ExperimentConfig(name, file.source(), data, model, train, seeds, axes, rung, transformer, corpus);
    }

    /** The machine's physical memory in bytes, or 0 where the JVM does not say. */
    private static long machineMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }

    /** Reads typed values from the entries of one file (plus cell values), naming the line on error. */
    private static final class Binder {
        private final ExperimentFile file;
        private final Map<String, String> cell;

        Binder(ExperimentFile file, Map<String, String> cell) {
            this.file = file;
            this.cell = cell;
        }

        void checkKeys() {
            for (Map.Entry<String, ExperimentFile.Entry> e : file.entries().entrySet()) {
                String key = e.getKey();
                int line = e.getValue().line();
                if (key.startsWith(ExperimentFile.SWEEP_PREFIX)) {
                    String swept = key.substring(ExperimentFile.SWEEP_PREFIX.length());
                    if (!isSweepable(swept)) {
                        throw new ConfigException(file.source(), line, key, "cannot be swept; sweepable keys: "
                                + String.join(", ", keys().stream().filter(ExperimentSchema::isSweepable).toList()));
                    }
                    JsonNode v = e.getValue().value();
                    if (!v.isArray() || v.isEmpty() || !allScalars(v)) {
                        throw new ConfigException(file.source(), line, key, "a sweep axis is a non-empty list of values");
                    }
                } else if (!isKey(key)) {
                    throw new ConfigException(file.source(), line, key, "unknown key; allowed keys: "
                            + String.join(", ", keys()) + ", and sweep.<key>");
                }
            }
            boolean hasEtaY = present("train.eta_y");
            boolean hasRatio = present("train.eta_ratio");
            if (hasEtaY && hasRatio) {
                throw error("train.eta_y", "give train.eta_y or train.eta_ratio, not both (eta_ratio is at "
                        + where("train.eta_ratio") + ")");
            }
        }

        private static boolean allScalars(JsonNode list) {
            for (JsonNode v : list) {
                if (!v.isValueNode()) {
                    return false;
                }
            }
            return true;
        }

        private boolean present(String key) {
            return cell.containsKey(key) || file.entries().containsKey(key)
                    || file.entries().containsKey(ExperimentFile.SWEEP_PREFIX + key);
        }

        private String where(String key) {
            ExperimentFile.Entry e = file.entries().get(key);
            if (e == null) {
                e = file.entries().get(ExperimentFile.SWEEP_PREFIX + key);
            }
            return e == null ? "the sweep cell" : e.origin();
        }

        ConfigException error(String key, String problem) {
            ExperimentFile.Entry e = file.entries().get(key);
            if (cell.containsKey(key) || e == null) {
                ExperimentFile.Entry axis = file.entries().get(ExperimentFile.SWEEP_PREFIX + key);
                int line = axis == null ? 0 : axis.line();
                String suffix = cell.containsKey(key) ? " (sweep value " + cell.get(key) + ")" : "";
                return new ConfigException(file.source(), line, key, problem + suffix);
            }
            String suffix = e.line() == 0 ? " (from " + e.origin() + ")" : "";
            return new ConfigException(file.source(), e.line(), key, problem + suffix);
        }

        private JsonNode node(String key) {
            if (cell.containsKey(key)) {
                try {
                    return ExperimentFile.YAML.readTree(cell.get(key));
                } catch (JsonProcessingException ex) {
                    throw error(key, "cannot read value " + cell.get(key));
                }
            }
            ExperimentFile.Entry e = file.entries().get(key);
            if (e != null) {
                return e.value();
            }
            ExperimentFile.Entry axis = file.entries().get(ExperimentFile.SWEEP_PREFIX + key);
            if (axis != null) {
                return axis.value().get(0);
            }
            try {
                return ExperimentFile.YAML.readTree(DEFAULTS.get(key));
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("bad default for " + key, ex);
            }
        }

        String text(String key) {
            JsonNode n = node(key);
            if (n == null || n.isNull() || n.isMissingNode()) {
                return "";
            }
            if (!n.isValueNode()) {
                throw error(key, "must be a single value");
            }
            return n.asText();
        }

        /**
         * An integer in [min, 2³¹ − 1]; a number written as a float ({@code 1e6}) is one if it is a whole number in
         * that range. The message states the range, and why a value is not in it.
         */
        int integer(String key, int min) {
            JsonNode n = node(key);
            String range = String.format(Locale.ROOT, "must be an integer from %,d to %,d", min, Integer.MAX_VALUE);
            BigDecimal value = finite(n);
            if (value == null) {
                throw error(key, range + ", got " + show(n));
            }
            if (!isWhole(value)) {
                throw error(key, range + ", got " + show(n) + ", which is not a whole number");
            }
            if (value.compareTo(BigDecimal.valueOf(min)) < 0
                    || value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                throw error(key, range + ", got " + plain(value));
            }
            return value.intValueExact();
        }

        /** The exact value of a finite number, null for anything else. */
        private static BigDecimal finite(JsonNode n) {
            if (n == null || !n.isNumber() || n.isFloatingPointNumber() && !Double.isFinite(n.doubleValue())) {
                return null;
            }
            return n.decimalValue();
        }

        private static boolean isWhole(BigDecimal value) {
            return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
        }

        private static String plain(BigDecimal value) {
            return value.abs().compareTo(BigDecimal.valueOf(1e15)) < 0 ? value.toBigInteger().toString()
                    : value.toString();
        }

        double number(String key) {
            JsonNode n = node(key);
            if (n == null || !n.isNumber() || !Double.isFinite(n.doubleValue())) {
                throw error(key, "must be a finite number, got " + show(n));
            }
            return n.doubleValue();
        }

        double positive(String key) {
            double v = number(key);
            if (v <= 0) {
                throw error(key, "must be > 0, got " + v);
            }
            return v;
        }

        boolean bool(String key) {
            JsonNode n = node(key);
            if (n == null || !n.isBoolean()) {
                throw error(key, "must be true or false, got " + show(n));
            }
            return n.booleanValue();
        }

        String choice(String key, String... allowed) {
            String v = text(key);
            for (String a : allowed) {
                if (a.equals(v)) {
                    return v;
                }
            }
            throw error(key, "must be one of " + String.join(" | ", allowed) + ", got " + show(node(key)));
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

        TransformerSpec transformer() {
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
            return new TransformerSpec(emsize, heads, integer("transformer.hidden", 1), integer("transformer.layers", 1),
                    dropout, bool("transformer.positional"), bool("transformer.scale_embedding"),
                    positive("transformer.init_range"), positive("transformer.ff_rate"), clip,
                    choice("transformer.dtype", "float32", "float64").equals("float64"));
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

        List<Long> seeds() {
            String key = "seeds";
            JsonNode n = node(key);
            List<Long> seeds = new ArrayList<>();
            if (n.isNumber()) {
                seeds.add(seed(n));
            } else if (n.isArray() && !n.isEmpty()) {
                requireAtMostMaxRuns(n.size());
                for (JsonNode v : n) {
                    seeds.add(seed(v));
                }
            } else if (n.isTextual() && n.asText().matches("\\s*-?\\d{1,18}\\s*\\.\\.\\s*-?\\d{1,18}\\s*")) {
                String[] parts = n.asText().split("\\.\\.");
                long from = Long.parseLong(parts[0].trim());
                long to = Long.parseLong(parts[1].trim());
                if (to < from) {
                    throw error(key, "range " + n.asText() + " is empty");
                }
                requireAtMostMaxRuns(to - from + 1);
                for (long s = from; s <= to; s++) {
                    seeds.add(s);
                }
            } else {
                throw error(key, "must be an integer, a range like 1..10, or a list like [1, 5]; got " + show(n));
            }
            if (seeds.stream().distinct().count() != seeds.size()) {
                throw error(key, "seeds must be distinct, got " + seeds);
            }
            return seeds;
        }

        /** A seed: any long, also written as a float that is a whole number ({@code 1e3}). */
        private long seed(JsonNode v) {
            BigDecimal value = finite(v);
            if (value == null || !isWhole(value) || value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0
                    || value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                throw error("seeds", String.format(Locale.ROOT, "seeds must be integers from %,d to %,d, got %s", Long.MIN_VALUE,
                        Long.MAX_VALUE, show(v)));
            }
            return value.longValueExact();
        }

        private void requireAtMostMaxRuns(long seeds) {
            if (seeds > MAX_RUNS) {
                throw error("seeds", String.format(Locale.ROOT, "%,d seeds; an experiment may have at most %,d (%s)", seeds,
                        MAX_RUNS, MAX_RUNS_REASON));
            }
        }

        /** A sweep's runs, cells × seeds, counted before any cell is expanded. */
        void requireBoundedRuns(long seeds, List<ExperimentConfig.SweepAxis> axes) {
            long runs = seeds;
            ExperimentConfig.SweepAxis longest = null;
            StringBuilder product = new StringBuilder();
            for (ExperimentConfig.SweepAxis axis : axes) {
                runs = Math.multiplyHigh(runs, axis.values().size()) != 0 ? Long.MAX_VALUE : runs * axis.values().size();
                product.append(axis.values().size()).append(" values of ").append(axis.key()).append(" x ");
                if (longest == null || axis.values().size() > longest.values().size()) {
                    longest = axis;
                }
            }
            if (runs > MAX_RUNS && longest != null) {
                throw error(longest.key(), String.format(Locale.ROOT, "the sweep has %s%,d seeds = %s runs; a sweep may have at "
                        + "most %,d (%s): sweep fewer values, or split the grid into several sweeps, each with its own --out",
                        product, seeds, runs == Long.MAX_VALUE ? "more than 9e18" : String.format(Locale.ROOT, "%,d", runs),
                        MAX_RUNS, MAX_RUNS_REASON));
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

        List<ExperimentConfig.SweepAxis> sweepAxes() {
            List<ExperimentConfig.SweepAxis> axes = new ArrayList<>();
            for (Map.Entry<String, ExperimentFile.Entry> e : file.entries().entrySet()) {
                if (!e.getKey().startsWith(ExperimentFile.SWEEP_PREFIX)) {
                    continue;
                }
                String key = e.getKey().substring(ExperimentFile.SWEEP_PREFIX.length());
                if (cell.containsKey(key)) {
                    continue;
                }
                List<String> values = new ArrayList<>();
                for (JsonNode v : e.getValue().value()) {
                    values.add(v.asText());
                }
                axes.add(new ExperimentConfig.SweepAxis(key, values));
            }
            return axes;
        }

        private static String show(JsonNode n) {
            if (n == null || n.isMissingNode()) {
                return "nothing";
            }
            return n.isTextual() ? "'" + n.asText() + "'" : n.toString();
        }
    }
}
