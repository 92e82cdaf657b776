package org.theorycheck.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.theorycheck.config.ExperimentConfig;
import org.theorycheck.model.Trajectory;
import org.theorycheck.report.SweepCsv;
import org.theorycheck.theory.Rungs;
import org.theorycheck.train.RunResult;
import org.theorycheck.train.Sweep;
import org.theorycheck.train.SweepJournal;
import org.theorycheck.train.SweepPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Runs the experiment's grid x seeds in parallel, with a progress bar on a terminal.",
                "Writes DIR/runs.csv (one row per run) and DIR/summary.csv (one row per grid cell).",
                "Killed and restarted with the same --out, it redoes only the runs that had not finished",
                "(they are journaled in DIR/runs.journal.csv)."})
final class SweepCommand implements Callable<Integer> {

    @Mixin
    ExperimentArguments experiment;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/<name>).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Override
    public Integer call() throws InterruptedException {
        SweepPlan plan = SweepPlan.of(experiment.load());
        plan.base().requireSynthetic("sweep");
        Path dir = out != null ? out : Path.of("out", plan.base().name());
        int workers = threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
        SweepJournal journal = SweepJournal.open(dir.resolve("runs.journal.csv"), plan);
        int resumed = journal.completed().size();
        long start = System.nanoTime();
        List<RunResult> results;
        if (System.console() != null) {
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName(plan.base().name())
                    .setInitialMax(plan.runs().size()).setStyle(ProgressBarStyle.ASCII).setUnit(" runs", 1).build()) {
                results = Sweep.run(plan, journal, workers, SweepCommand::runOne, bar::stepTo);
            }
        } else {
            results = Sweep.run(plan, journal, workers, SweepCommand::runOne, finished -> { });
        }
        SweepCsv.write(plan, results, dir);
        spec.commandLine().getOut().printf("%s: %d cells x %d seeds = %d runs (%d resumed from the journal) in %.1f s on %d threads -> %s%n",
                plan.base().name(), plan.cells().size(), plan.base().seeds().size(), plan.runs().size(),
                resumed, (System.nanoTime() - start) / 1e9,
                workers, dir);
        return 0;
    }

    /** One run on the rung the experiment names (rung: sgd or transformer). */
    private static Trajectory runOne(ExperimentConfig config, long seed) {
        return Rungs.byName(config.rung()).orElseThrow().run(config, seed);
    }
}
