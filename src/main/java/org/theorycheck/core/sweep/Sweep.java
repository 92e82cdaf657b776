package org.theorycheck.core.sweep;

import org.theorycheck.core.engine.Engine;
import org.theorycheck.core.ladder.DivergenceException;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.Theories;
import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.experiment.ExperimentSchema;
import org.theorycheck.core.experiment.ExperimentSource;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Runs the runs of a {@link SweepPlan} on an {@link Engine}, one run per task (each run single-threaded
 * with its own random stream, so results do not depend on the engine or its parallelism), skipping the
 * runs its {@link SweepJournal} already holds and journaling each run as it comes back, so a killed
 * sweep resumes where it stopped. A task carries its experiment's text, so it runs where the file is not.
 */
public final class Sweep {

    private Sweep() {}

    /**
     * How one run of a cell is computed, reduced to its {@link SweepPlan#observables()}: the experiment's
     * own rung ({@link RungRunner}) or what a figure needs. Serializable, because a task that carries it may
     * run on another machine.
     */
    @FunctionalInterface
    public interface Runner<E extends Experiment> extends Serializable {
        double[] run(E config, long seed);
    }

    /** What one task needs besides the experiment: the run's cell (index and swept values) and seed. */
    record RunInput(int cell, Map<String, String> values, long seed) implements Serializable {}

    /**
     * One run, set up from the experiment's text on whichever machine runs it; a run that diverges says
     * which it is (its cell's swept values and its seed), the same on every engine.
     */
    record RunTask<E extends Experiment>(String theory, ExperimentSource source, Runner<E> runner)
            implements Engine.Task<RunInput, RunResult> {
        @Override
        public RunResult apply(RunInput in) {
            ExperimentSchema<E> schema = Theories.discovered().schema(theory);
            try {
                return new RunResult(in.cell(), in.seed(), runner.run(source.file(schema).resolveCell(in.values()), in.seed()));
            } catch (DivergenceException e) {
                throw e.inRun(describe(in.values(), in.seed()));
            }
        }
    }

    /**
     * Runs what the journal lacks of {@code runs} and returns their results in plan order.
     *
     * @param theory   the id of the experiment's theory
     * @param source   the experiment the plan was made from ({@code SweepPlan.of(source.file(schema))})
     * @param runs     the runs to do: all of the plan's, or one shard's
     * @param runner   computes one run
     * @param onFinish called with the number of {@code runs} finished so far (including resumed ones)
     */
    public static <E extends Experiment> List<RunResult> run(String theory, ExperimentSource source, SweepPlan<E> plan,
                                      List<SweepPlan.Run> runs, SweepJournal journal, Engine engine, Runner<E> runner,
                                      IntConsumer onFinish) throws InterruptedException {
        Map<SweepPlan.Run, RunResult> done = journal.completed();
        List<RunResult> results = new ArrayList<>();
        List<RunInput> todo = new ArrayList<>();
        for (SweepPlan.Run r : runs) {
            RunResult d = done.get(r);
            if (d != null) {
                results.add(d);
            } else {
                todo.add(new RunInput(r.cell(), plan.cells().get(r.cell()).values(), r.seed()));
            }
        }
        int[] finished = {results.size()};
        onFinish.accept(finished[0]);
        engine.run(todo, new RunTask<>(theory, source, runner), (index, result) -> {
            journal.record(result);
            results.add(result);
            onFinish.accept(++finished[0]);
        });
        return inPlanOrder(plan, results);
    }

    /**
     * Combines the journals of a sweep's shards into the results of the whole plan, in plan order.
     *
     * @throws ConfigException if the shards were run with different experiments, or with another than the
     *                         plan's (naming the shards and the keys that differ), if a run is in none of them
     *                         (a shard has not finished), or if two journals disagree about a run
     */
    public static List<RunResult> merge(SweepPlan<?> plan, List<SweepJournal> shards, List<String> names) {
        requireOneExperiment(plan, shards, names);
        Map<SweepPlan.Run, RunResult> all = new HashMap<>();
        for (int s = 0; s < shards.size(); s++) {
            for (Map.Entry<SweepPlan.Run, RunResult> e : shards.get(s).completed().entrySet()) {
                RunResult before = all.putIfAbsent(e.getKey(), e.getValue());
                if (before != null && !before.equals(e.getValue())) {
                    throw new ConfigException(names.get(s), 0, "--merge", "run " + describe(plan, e.getKey())
                            + " differs from the same run in another journal; the shards are not of the same experiment");
                }
            }
        }
        List<SweepPlan.Run> missing = plan.runs().stream().filter(r -> !all.containsKey(r)).toList();
        if (!missing.isEmpty()) {
            String dropped = shards.stream().flatMap(j -> j.warnings().stream()).findFirst()
                    .map(w -> "; a damaged row was dropped (" + w + ")").orElse("");
            throw new ConfigException(String.join(" ", names), 0, "--merge", missing.size() + " of " + plan.runs().size()
                    + " runs are in no journal (the first: " + describe(plan, missing.get(0))
                    + "); finish or resume the shard that holds them first" + dropped);
        }
        return inPlanOrder(plan, new ArrayList<>(all.values()));
    }

    /** Refuses shards whose runs were computed with different experiments, or with another than the plan's. */
    private static void requireOneExperiment(SweepPlan<?> plan, List<SweepJournal> shards, List<String> names) {
        RunFingerprint current = RunFingerprint.of(plan);
        Map<String, List<String>> shardsOf = new LinkedHashMap<>();
        Map<String, RunFingerprint> spelledOut = new HashMap<>();
        spelledOut.put(current.hash(), current);
        for (int s = 0; s < shards.size(); s++) {
            SweepJournal shard = shards.get(s);
            List<String> hashes = shard.rowFingerprints();
            if (shard.recorded() != null) {
                spelledOut.putIfAbsent(shard.recorded().hash(), shard.recorded());
                if (hashes.isEmpty()) {
                    hashes = List.of(shard.recorded().hash());
                }
            }
            if (hashes.size() > 1) {
                throw new ConfigException(names.get(s), 0, "--merge", "this shard's journal holds runs of "
                        + hashes.size() + " experiments; rerun the shard with --restart");
            }
            for (String hash : hashes) {
                shardsOf.computeIfAbsent(hash, h -> new ArrayList<>()).add(names.get(s));
            }
        }
        List<String> hashes = new ArrayList<>(shardsOf.keySet());
        if (hashes.size() > 1) {
            throw new ConfigException(String.join(" ", names), 0, "--merge", "the shards were run with different experiments: "
                    + differences(hashes.get(0), hashes.get(1), spelledOut) + " (" + String.join(" ", shardsOf.get(hashes.get(0)))
                    + " -> " + String.join(" ", shardsOf.get(hashes.get(1))) + "); merge the shards of one sweep, "
                    + "or rerun the others with --restart");
        }
        if (hashes.size() == 1 && !hashes.get(0).equals(current.hash())) {
            throw new ConfigException(String.join(" ", shardsOf.get(hashes.get(0))), 0, "--merge", "the shards were run "
                    + "with another experiment than this command's: " + differences(hashes.get(0), current.hash(), spelledOut)
                    + " (shards -> this command); give --merge the experiment file and overrides the shards were run with");
        }
    }

    /** The keys in which two fingerprints differ, if both are spelled out; else their hashes. */
    private static String differences(String from, String to, Map<String, RunFingerprint> spelledOut) {
        RunFingerprint a = spelledOut.get(from);
        RunFingerprint b = spelledOut.get(to);
        if (a != null && b != null) {
            return a.differences(b);
        }
        return "fingerprint " + from + " -> " + to + " (a journal's " + SweepJournal.FINGERPRINT_FILE_NAME
                + ", which would name the keys, is missing)";
    }

    /** A run as "key=value … seed N", for messages. */
    static String describe(SweepPlan<?> plan, SweepPlan.Run run) {
        return describe(plan.cells().get(run.cell()).values(), run.seed());
    }

    /** A run by its cell's swept values and its seed, e.g. "train.rate=1e300 seed 2". */
    private static String describe(Map<String, String> values, long seed) {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(k).append('=').append(v).append(' '));
        return sb.append("seed ").append(seed).toString();
    }

    private static List<RunResult> inPlanOrder(SweepPlan<?> plan, List<RunResult> results) {
        List<Long> seeds = plan.base().seeds();
        results.sort(Comparator.comparingInt(RunResult::cell).thenComparingInt(r -> seeds.indexOf(r.seed())));
        return results;
    }
}
