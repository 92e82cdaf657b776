package org.theorycheck.cli;

import org.theorycheck.core.Theory;
import org.theorycheck.core.command.ExperimentArguments;
import org.theorycheck.core.command.OutputDirectories;
import org.theorycheck.core.command.TerminalProgress;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.io.OutputLock;
import org.theorycheck.core.experiment.ExperimentFile;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.core.ladder.Trace;
import org.theorycheck.core.sweep.RungRunner;
import org.theorycheck.core.experiment.ExperimentSource;
import org.theorycheck.core.sweep.SweepCsv;
import org.theorycheck.core.engine.Engine;
import org.theorycheck.core.sweep.RunResult;
import org.theorycheck.core.sweep.Sweep;
import org.theorycheck.core.sweep.SweepJournal;
import org.theorycheck.core.sweep.SweepPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Runs the experiment's grid x seeds in parallel, with a progress bar on a terminal.",
                "Writes DIR/runs.csv (one row per run) and DIR/summary.csv (one row per grid cell).",
                "Killed and restarted with the same --out, it redoes only the runs that had not finished",
                "(they are journaled in DIR/runs.journal.csv, each row with the fingerprint of the experiment and a",
                "checksum; a damaged row is dropped with a warning and its run done again). A journal of another",
                "experiment (any key changed, in the file or by an override) is refused: --restart discards it.",
                "Another command writing into DIR at the same time is refused (exit 2).",
                "For batch schedulers: --shard I/N runs every N-th run from the I-th and writes only its journal",
                "(default DIR out/<name>/shard-I-of-N); --merge DIR... then writes the files of the whole grid."})
final class SweepCommand implements Callable<Integer> {

    private static final Pattern SHARD = Pattern.compile("(\\d+)/(\\d+)");

    @Mixin
    ExperimentArguments experiment;

    @Mixin
    EngineOptions engineOptions;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/<name>).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I of N (0 <= I < N), e.g. a job-array index.")
    String shard;

    @Option(names = "--restart", description = "Discard the journal in DIR (runs of another experiment, or of this one) "
            + "and start the sweep over.")
    boolean restart;

    @Option(names = "--merge", paramLabel = "DIR", arity = "1..*",
            description = "Run nothing: combine the journals of these shard directories into DIR/runs.csv and DIR/summary.csv.")
    List<Path> merge;

    @Override
    public Integer call() throws InterruptedException {
        return sweep(experiment.theory());
    }

    private <E extends Experiment, T extends Trace> int sweep(Theory<E, T> theory) throws InterruptedException {
        ExperimentSource source = experiment.source();
        ExperimentFile<E> file = source.file(theory.experiments());
        E base = file.resolve();
        SweepPlan<E> plan = SweepPlan.of(file, theory.observables().names(base));
        if (merge != null) {
            return merge(plan);
        }
        RungRunner<E, T> runner = new RungRunner<>(theory);
        Rung<E, T> rung = Ladders.rung(theory, base.rung(), base.source(), "rung");
        for (SweepPlan.Cell<E> cell : plan.cells()) {
            rung.requireApplicable(cell.config());
            runner.prepare(cell.config());
        }
        int[] part = shard == null ? new int[] {0, 1} : parseShard();
        List<SweepPlan.Run> runs = plan.shard(part[0], part[1]);
        Path dir = out != null ? out : shard == null ? Path.of("out", plan.base().name())
                : Path.of("out", plan.base().name(), "shard-" + part[0] + "-of-" + part[1]);
        try (Engine engine = engineOptions.open(threads); OutputLock lock = OutputDirectories.lock(spec, dir)) {
            Path journalFile = dir.resolve(SweepJournal.FILE_NAME);
            if (restart) {
                SweepJournal.discard(journalFile);
            }
            SweepJournal journal = SweepJournal.open(journalFile, plan);
            warn(journal.warnings());
            long start = System.nanoTime();
            List<RunResult> results;
            long resumed = runs.stream().filter(journal.completed()::containsKey).count();
            try (TerminalProgress bar = TerminalProgress.of(plan.base().name(), runs.size(), " runs")) {
                results = Sweep.run(theory.id(), source, plan, runs, journal, engine, runner, bar::stepTo);
            }
            String count = shard == null ? runs.size() + " runs" : plan.runs().size() + " runs, " + runs.size() + " in shard " + shard;
            if (shard == null) {
                SweepCsv.write(plan, results, dir);
            }
            spec.commandLine().getOut().printf("%s: %d cells x %d seeds = %s (%d resumed from the journal) in %.1f s on %s -> %s%n",
                    plan.base().name(), plan.cells().size(), plan.base().seeds().size(), count,
                    resumed, (System.nanoTime() - start) / 1e9, engine.description(), dir);
        }
        return 0;
    }

    private int[] parseShard() {
        Matcher m = SHARD.matcher(shard);
        if (m.matches()) {
            int index = Integer.parseInt(m.group(1));
            int count = Integer.parseInt(m.group(2));
            if (count >= 1 && index < count) {
                return new int[] {index, count};
            }
        }
        throw new ConfigException("--shard", 0, "", "expected I/N with 0 <= I < N (e.g. 0/4 for the first of four shards); got '" + shard + "'");
    }

    private int merge(SweepPlan<?> plan) {
        if (shard != null || threads != null || restart || engineOptions.engine != EngineOptions.Kind.LOCAL
                || engineOptions.master != null) {
            throw new ConfigException("--merge", 0, "", "merging runs nothing; drop --shard, --threads, --restart, --engine and --master");
        }
        List<SweepJournal> journals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path d : merge) {
            journals.add(SweepJournal.existing(d.resolve(SweepJournal.FILE_NAME), plan));
            names.add(d.toString());
        }
        List<RunResult> results = Sweep.merge(plan, journals, names);
        journals.forEach(j -> warn(j.warnings()));
        Path dir = out != null ? out : Path.of("out", plan.base().name());
        try (OutputLock lock = OutputDirectories.lock(spec, dir)) {
            SweepCsv.write(plan, results, dir);
        }
        spec.commandLine().getOut().printf("%s: %d runs merged from %d journals -> %s%n", plan.base().name(), results.size(), journals.size(), dir);
        return 0;
    }

    /** The journal's dropped rows, one line each on standard error. */
    private void warn(List<String> warnings) {
        PrintWriter err = spec.commandLine().getErr();
        warnings.forEach(w -> err.println("warning: " + w));
        err.flush();
    }
}
