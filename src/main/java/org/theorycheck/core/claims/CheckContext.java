package org.theorycheck.core.claims;

import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.experiment.ExperimentFile;
import org.theorycheck.core.experiment.ExperimentSchema;
import org.theorycheck.core.experiment.ExperimentSource;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.core.ladder.Trace;
import org.theorycheck.core.sweep.SweepPlan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything a {@link Quantity} may use to measure one check: its declaration, its experiment (with
 * the check's overrides and budget applied), its rung, its seeds and their traces, and typed access to
 * its parameters.
 *
 * @param <E> the theory's experiment type
 * @param <T> the theory's trace type
 */
public final class CheckContext<E extends Experiment, T extends Trace> {

    private final CheckSpec spec;
    private final ExperimentFile<E> experiment;
    private final E config;
    private final RunCache<E, T> cache;
    private Rung<E, T> external;

    /**
     * @param source the check's experiment with its overrides, as text (null if it has none); it may run where the file is not
     * @param schema the theory's experiment schema
     * @param full   whether to ignore the check's quick overrides
     */
    CheckContext(CheckSpec spec, ExperimentSource source, ExperimentSchema<E> schema, boolean full, RunCache<E, T> cache) {
        this.spec = spec;
        this.cache = cache;
        if (source != null) {
            ExperimentFile<E> file = source.file(schema);
            this.experiment = full ? file : file.withOverrides(spec.quick());
            this.config = experiment.resolve();
        } else {
            this.experiment = null;
            this.config = null;
        }
    }

    public CheckSpec spec() {
        return spec;
    }

    /** The check's experiment, resolved (sweep axes, if any, are still axes). */
    public E config() {
        if (config == null) {
            throw new IllegalStateException("check " + spec.name() + " has no experiment");
        }
        return config;
    }

    /** The experiment with more overrides, e.g. one cell of a scan the quantity performs itself. */
    public E configWith(String... overrides) {
        return experiment.withOverrides(Arrays.asList(overrides)).resolve();
    }

    /** The experiment's sweep grid (cells × seeds), validated. */
    public SweepPlan<E> sweepPlan() {
        if (experiment == null) {
            throw new IllegalStateException("check " + spec.name() + " has no experiment");
        }
        return SweepPlan.of(experiment);
    }

    /**
     * The seeds that matter: all of the experiment's on a random rung; on a deterministic one only the
     * first (every seed would give the same trace).
     */
    public List<Long> seeds() {
        return rung().isRandom(config()) ? config().seeds() : config().seeds().subList(0, 1);
    }

    /** The check's rung. */
    public Rung<E, T> rung() {
        return rung(spec.rung());
    }

    /**
     * Another rung of the ladder by name (for quantities that compare rungs); {@code external}, the check's runs read from
     * files, on a check that has them.
     */
    public Rung<E, T> rung(String name) {
        if (name.equals(ClaimFiles.EXTERNAL) && spec.runs() != null) {
            synchronized (this) {
                if (external == null) {
                    external = cache.external(spec.runs(), config().rung());
                }
                return external;
            }
        }
        Rung<E, T> r = cache.rung(name);
        if (r == null) {
            throw new IllegalStateException("no rung " + name);
        }
        return r;
    }

    /** The check rung's trace of the check's experiment with this seed. */
    public T trace(long seed) {
        return cache.get(rung(), config(), seed);
    }

    /** The trace of any rung and experiment (cached across checks). */
    public T trace(Rung<E, T> rung, E config, long seed) {
        return cache.get(rung, config, seed);
    }

    /** As {@link #trace(Rung, Experiment, long)}, as a theory's trace class it knows the rung to give. */
    public <R extends T> R trace(Rung<E, T> rung, E config, long seed, Class<R> type) {
        return as(type, trace(rung, config, seed), rung.name());
    }

    /** One trace per seed of {@link #seeds()}, in seed order, each of the given class. */
    public <R extends T> List<R> traces(Class<R> type) {
        List<R> out = new ArrayList<>();
        for (long s : seeds()) {
            out.add(as(type, trace(s), spec.rung()));
        }
        return out;
    }

    private <R extends T> R as(Class<R> type, T trace, String rung) {
        if (!type.isInstance(trace)) {
            throw new IllegalStateException("check " + spec.name() + ": rung " + rung + " gave a "
                    + trace.getClass().getSimpleName() + " where the quantity reads a " + type.getSimpleName());
        }
        return type.cast(trace);
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
