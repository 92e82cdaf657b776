package org.theorycheck.theories.deeplinear;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.theorycheck.core.experiment.ExperimentKeys;
import org.theorycheck.core.experiment.ExperimentSchema;
import org.theorycheck.core.experiment.ExperimentValues;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearRun;
import org.theorycheck.theories.deeplinear.ladder.Ladder;
import org.theorycheck.theories.deeplinear.mnist.Preprocessing;
import org.theorycheck.theories.deeplinear.network.Initialisation;
import org.theorycheck.theories.deeplinear.network.Network;
import org.theorycheck.theories.deeplinear.nonlinear.JacobianSettings;
import org.theorycheck.theories.deeplinear.nonlinear.VarianceSettings;
import org.theorycheck.theories.deeplinear.spectra.Ensemble;
import org.theorycheck.theories.deeplinear.spectra.SpectraSettings;
import org.theorycheck.theories.deeplinear.task.TaskSpec;

/**
 * The keys of a deep-linear experiment file and their binding to {@link DeepLinearExperiment}. Every key
 * and its meaning:
 * <ul>
 *   <li>{@code rung}: the rung {@code train} runs, top ({@code sgd}) by default;</li>
 *   <li>{@code data.kind}: {@code synthetic} (Σ11 = I, prescribed singular values {@code data.singular_values}
 *       of Σ31, {@code data.inputs} × {@code data.outputs}, inputs {@code one_hot} or {@code rotated} by
 *       {@code data.input_basis}, drawn from {@code data.seed}), {@code hierarchical} (Fig 3's tree:
 *       {@code data.levels}, {@code data.features}, {@code data.flip}, {@code data.seed}) or {@code mnist}
 *       ({@code data.digits}, {@code data.preprocessing}, {@code data.whitening_components}); a key of
 *       another kind is refused;</li>
 *   <li>{@code model.widths} (N_l widths, N1 first and N3 last), or {@code model.depth} with
 *       {@code model.hidden} (the sweepable form); {@code model.init}: {@code decoupled} ({@code model.u0},
 *       {@code model.imbalance}), {@code small_gaussian} ({@code model.init_std}), {@code scaled_gaussian},
 *       {@code orthogonal} ({@code model.gain}) or {@code pretrained} ({@code model.init_std},
 *       {@code model.pretrain_rate}, {@code model.pretrain_steps});</li>
 *   <li>{@code train.rate} (λ of eq 1, see {@code LearningRate}), {@code train.steps},
 *       {@code train.record_every}, {@code train.batch} (sgd), {@code train.rates} (a search over rates);</li>
 *   <li>{@code trace.modes} (the modes α whose u_α are recorded; all by default);</li>
 *   <li>{@code model.theory_u0}: the u0 the decoupled and closed rungs assume from a start that is not decoupled
 *       (Fig 3); not {@code theory.u0}, which would clash with the core's {@code theory} key;</li>
 *   <li>{@code spectra.*}: products of random matrices (Fig 6B, 6C); {@code network.*}: the random orthogonal
 *       tanh network (Figs 7, 8).</li>
 * </ul>
 * Sweepable: every number, integer and word but {@code rung} and {@code data.kind}.
 */
public final class DeepLinearExperiments implements ExperimentSchema<DeepLinearExperiment> {

    /** The theory's id, also its folders' name. */
    public static final String THEORY = "deep-linear";

    private static final Map<String, List<String>> DATA_KEYS = Map.of(
            "synthetic", List.of("data.inputs", "data.outputs", "data.singular_values", "data.input_basis", "data.seed"),
            "hierarchical", List.of("data.levels", "data.features", "data.flip", "data.seed"),
            "mnist", List.of("data.digits", "data.preprocessing", "data.whitening_components"));

    private static final ExperimentKeys KEYS = ExperimentKeys.builder()
            .text("rung", "sgd")
            .text("data.kind", "synthetic")
            .integer("data.inputs", "4")
            .integer("data.outputs", "4")
            .list("data.singular_values", "[3, 2, 1, 0.5]")
            .text("data.input_basis", "one_hot")
            .integer("data.seed", "1")
            .integer("data.levels", "5")
            .integer("data.features", "1000")
            .number("data.flip", "0.1")
            .integer("data.digits", "10000")
            .text("data.preprocessing", "scaled")
            .integer("data.whitening_components", "784")
            .list("model.widths", "")
            .integer("model.depth", "3")
            .integer("model.hidden", "4")
            .text("model.init", "decoupled")
            .number("model.u0", "1e-3")
            .number("model.imbalance", "0")
            .number("model.init_std", "0.01")
            .number("model.gain", "1")
            .number("model.pretrain_rate", "0.05")
            .integer("model.pretrain_steps", "100")
            .number("model.theory_u0", "")
            .number("train.rate", "0.01")
            .integer("train.steps", "1000")
            .integer("train.record_every", "10")
            .integer("train.batch", "1")
            .list("train.rates", "")
            .list("trace.modes", "")
            .text("spectra.ensemble", "gaussian")
            .integer("spectra.width", "200")
            .list("spectra.factors", "[1, 2, 4, 8, 16]")
            .integer("spectra.realisations", "5")
            .integer("network.width", "200")
            .integer("network.layers", "30")
            .list("network.gains", "[0.9, 1.0, 1.1]")
            .number("network.input_variance", "1")
            .integer("network.averaged_layers", "5")
            .list("network.input_variances", "[1]")
            .fixed("rung", "data.kind")
            .rivals("model.widths", "model.depth")
            .build();

    @Override
    public String theory() {
        return THEORY;
    }

    @Override
    public ExperimentKeys keys() {
        return KEYS;
    }

    @Override
    public DeepLinearExperiment bind(ExperimentValues v) {
        String kind = v.choice("data.kind", "synthetic", "hierarchical", "mnist");
        DATA_KEYS.forEach((other, keys) -> {
            for (String key : keys) {
                if (!DATA_KEYS.get(kind).contains(key) && v.present(key)) {
                    throw v.error(key, "is a key of data.kind: " + other + ", not of " + kind);
                }
            }
        });
        if (v.present("model.widths") && v.present("model.hidden")) {
            throw v.error("model.hidden", "goes with model.depth; with model.widths every width is given");
        }
        try {
            TaskSpec task = task(v, kind);
            Network network = network(v, task);
            DeepLinearRun run = new DeepLinearRun(task, network, init(v), v.positive("train.rate"), v.integer("train.steps", 1),
                    v.integer("train.record_every", 1), modes(v, task), v.integer("train.batch", 1),
                    v.present("model.theory_u0") ? v.positive("model.theory_u0") : Double.NaN);
            double[] rates = v.present("train.rates") ? numbers(v, "train.rates") : new double[] {run.rate()};
            for (double r : rates) {
                if (!(r > 0)) {
                    throw v.error("train.rates", "every rate must be > 0 (λ of eq 1), got " + r);
                }
            }
            return new DeepLinearExperiment(v.name(), v.source(), v.seeds(), v.sweepAxes(),
                    v.choice("rung", Ladder.NAMES.toArray(String[]::new)), v.fingerprint(), run, rates, spectra(v),
                    variance(v), jacobian(v), lines(v));
        } catch (IllegalArgumentException e) {
            SettingException keyed = SettingException.of(e);
            if (keyed == null) {
                throw e;
            }
            throw v.error(keyed.key(), keyed.problem());
        }
    }

    private static TaskSpec task(ExperimentValues v, String kind) {
        return switch (kind) {
            case "synthetic" -> new TaskSpec.Synthetic(v.integer("data.inputs", 1), v.integer("data.outputs", 1),
                    numbers(v, "data.singular_values"), TaskSpec.InputBasis.valueOf(
                            v.choice("data.input_basis", "one_hot", "rotated").toUpperCase(java.util.Locale.ROOT)),
                    v.integer("data.seed", 0));
            case "hierarchical" -> new TaskSpec.Hierarchical(v.integer("data.levels", 1), v.integer("data.features", 1),
                    v.number("data.flip"), v.integer("data.seed", 0));
            default -> new TaskSpec.Mnist(v.integer("data.digits", 1), Preprocessing.of(v.choice("data.preprocessing",
                    "none", "scaled", "centred", "whitened")), v.integer("data.whitening_components", 1));
        };
    }

    private static Network network(ExperimentValues v, TaskSpec task) {
        if (!v.present("model.widths")) {
            return Network.of(task.inputDimension(), task.outputDimension(), v.integer("model.depth", 2),
                    v.integer("model.hidden", 1));
        }
        double[] given = numbers(v, "model.widths");
        int[] widths = new int[given.length];
        for (int i = 0; i < given.length; i++) {
            if (given[i] != Math.rint(given[i]) || given[i] < 1 || given[i] > Integer.MAX_VALUE) {
                throw v.error("model.widths", "every width must be a positive integer; layer " + (i + 1) + " has " + given[i]);
            }
            widths[i] = (int) given[i];
        }
        Network network = new Network(widths);
        network.requireChains(task.inputDimension(), task.outputDimension());
        return network;
    }

    private static Initialisation init(ExperimentValues v) {
        return switch (v.choice("model.init", "decoupled", "small_gaussian", "scaled_gaussian", "orthogonal", "pretrained")) {
            case "decoupled" -> new Initialisation.Decoupled(v.number("model.u0"), v.number("model.imbalance"));
            case "small_gaussian" -> new Initialisation.SmallGaussian(v.number("model.init_std"));
            case "scaled_gaussian" -> new Initialisation.ScaledGaussian();
            case "orthogonal" -> new Initialisation.RandomOrthogonal(v.number("model.gain"));
            default -> new Initialisation.GreedyPretraining(v.number("model.init_std"), v.number("model.pretrain_rate"),
                    v.integer("model.pretrain_steps", 0));
        };
    }

    /** The modes α recorded: {@code trace.modes}, else every mode 1 … min(N1, N3). */
    private static int[] modes(ExperimentValues v, TaskSpec task) {
        int available = Math.min(task.inputDimension(), task.outputDimension());
        if (!v.present("trace.modes")) {
            int[] all = new int[available];
            for (int a = 0; a < available; a++) {
                all[a] = a + 1;
            }
            return all;
        }
        double[] given = numbers(v, "trace.modes");
        int[] modes = new int[given.length];
        for (int i = 0; i < given.length; i++) {
            if (given[i] != Math.rint(given[i]) || given[i] < 1 || given[i] > available) {
                throw v.error("trace.modes", "modes are integers from 1 to min(N1, N3) = " + available + "; got " + given[i]);
            }
            modes[i] = (int) given[i];
        }
        return modes;
    }

    private static SpectraSettings spectra(ExperimentValues v) {
        return new SpectraSettings(Ensemble.of(v.choice("spectra.ensemble", "gaussian", "orthogonal")), v.integer("spectra.width", 2),
                integers(v, "spectra.factors"), v.integer("spectra.realisations", 1));
    }

    private static VarianceSettings variance(ExperimentValues v) {
        return new VarianceSettings(v.integer("network.width", 2), v.integer("network.layers", 2), numbers(v, "network.gains"),
                v.number("network.input_variance"), v.integer("network.averaged_layers", 1));
    }

    private static JacobianSettings jacobian(ExperimentValues v) {
        return new JacobianSettings(v.integer("network.width", 2), v.integer("network.layers", 2), numbers(v, "network.gains"),
                numbers(v, "network.input_variances"));
    }

    /** A list of finite numbers. */
    private static double[] numbers(ExperimentValues v, String key) {
        JsonNode n = v.node(key);
        if (n == null || !n.isArray() || n.isEmpty()) {
            throw v.error(key, "must be a non-empty list of numbers, e.g. [1, 2], got " + ExperimentValues.show(n));
        }
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode x = n.get(i);
            if (!x.isNumber() || !Double.isFinite(x.doubleValue())) {
                throw v.error(key, "entry " + (i + 1) + " must be a finite number, got " + ExperimentValues.show(x));
            }
            out[i] = x.doubleValue();
        }
        return out;
    }

    /** A list of integers. */
    private static int[] integers(ExperimentValues v, String key) {
        double[] given = numbers(v, key);
        int[] out = new int[given.length];
        for (int i = 0; i < given.length; i++) {
            if (given[i] != Math.rint(given[i]) || Math.abs(given[i]) > Integer.MAX_VALUE) {
                throw v.error(key, "entry " + (i + 1) + " must be an integer, got " + given[i]);
            }
            out[i] = (int) given[i];
        }
        return out;
    }

    /** The line of every key the experiment gives, for errors that only a rung can find. */
    private static Map<String, Integer> lines(ExperimentValues v) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (String key : KEYS.names()) {
            if (v.present(key)) {
                lines.put(key, v.error(key, "").line());
            }
        }
        return lines;
    }
}
