package org.theorycheck.core.claims;

import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.core.experiment.ExperimentFile;
import org.theorycheck.core.experiment.ExperimentSource;
import org.theorycheck.theories.scansnap.experiment.ModelSpec;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.theories.scansnap.rungs.Rungs;
import org.theorycheck.core.sweep.SweepPlan;
import org.theorycheck.theories.scansnap.torch.TextRun;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything a {@link Quantity} may use to measure one check: its declaration, its experiment (with
 * the check's overrides and budget applied), its rung, its seeds and their trajectories, and typed
 * access to its parameters.
 */
public final class CheckContext {

    private final CheckSpec spec;
    private final ExperimentFile experiment;
    private final ExperimentConfig config;
    private final RunCache cache;

    /**
     * @param source the check's experiment with its overrides, as text (null if it has none); it may run where the file is not
     * @param text   whether the quantity measures training on real text (then the experiment reads a corpus)
     */
    CheckContext(CheckSpec spec, ExperimentSource source, boolean full, RunCache cache, boolean text) {
        this.spec = spec;
        this.cache = cache;
        if (source != null) {
            ExperimentFile file = source.file();
            this.experiment = full ? file : file.withOverrides(spec.quick());
            this.config = experiment.resolve();
            if (!text) {
                config.requireSynthetic("check " + spec.name());
            }
        } else {
            this.experiment = null;
            this.config = null;
        }
    }

    public CheckSpec spec() {
        return spec;
    }

    /** The check's experiment, resolved (sweep axes, if any, are still axes). */
    public ExperimentConfig config() {
        if (config == null) {
            throw new IllegalStateException("check " + spec.name() + " has no experiment");
        }
        return config;
    }

    /** The experiment with more overrides, e.g. one cell of a scan the quantity performs itself. */
    public ExperimentConfig configWith(String... overrides) {
        return experiment.withOverrides(Arrays.asList(overrides)).resolve();
    }

    /** The experiment's sweep grid (cells × seeds), validated. */
    public SweepPlan sweepPlan() {
        if (experiment == null) {
            throw new IllegalStateException("check " + spec.name() + " has no experiment");
        }
        return SweepPlan.of(experiment);
    }

    /**
     * The seeds that matter: all of the experiment's on SGD or with a random initialisation; on a
     * deterministic rung from Z = Y = 0 only the first (every seed would give the same trajectory).
     */
    public List<Long> seeds() {
        boolean random = spec.rung().equals("sgd") || spec.rung().equals("transformer") || config().model().init() != ModelSpec.Init.ZERO;
        return random ? config().seeds() : config().seeds().subList(0, 1);
    }

    /** The check's rung. */
    public Rung rung() {
        return rung(spec.rung());
    }

    /** Another rung by name (for quantities that compare rungs). */
    public Rung rung(String name) {
        return Rungs.byName(name).orElseThrow(() -> new IllegalStateException("no rung " + name));
    }

    /** The check rung's trajectory of the check's experiment with this seed. */
    public Trajectory trajectory(long seed) {
        return cache.get(rung(), config(), seed);
    }

    /** The trajectory of any rung and configuration (cached across checks). */
    public Trajectory trajectory(Rung rung, ExperimentConfig config, long seed) {
        return cache.get(rung, config, seed);
    }

    /** The records of the transformer trained on a corpus experiment (this check's, or a cell of its grid) with this seed. */
    public List<TextRun.Record> textRun(ExperimentConfig config, long seed) {
        return cache.textRun(config, seed);
    }

    /** One trajectory per seed, in seed order. */
    public List<Trajectory> trajectories() {
        List<Trajectory> out = new ArrayList<>();
        for (long s : seeds()) {
            out.add(trajectory(s));
        }
        return out;
    }

    /** Whether the check sets the parameter or it has a default (parameters were validated at load). */
    public boolean has(String param) {
        return spec.params().containsKey(param);
    }

    /** A {@link Parameter.Type#NUMBER} parameter. */
    public double number(String param) {
        return (Double) value(param);
    }

    /** An {@link Parameter.Type#INTEGER} parameter. */
    public int integer(String param) {
        return Math.toIntExact((Long) value(param));
    }

    /** A choice, swept key or text parameter. */
    public String text(String param) {
        return (String) value(param);
    }

    /** A list parameter of numbers or integers. */
    public double[] numbers(String param) {
        List<?> list = (List<?>) value(param);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) list.get(i)).doubleValue();
        }
        return out;
    }

    private Object value(String param) {
        Object v = spec.params().get(param);
        if (v == null) {
            throw new IllegalStateException("check " + spec.name() + " has no value for parameter " + param
                    + " and the quantity declares no default");
        }
        return v;
    }
}
