package org.theorycheck.cli;

import org.theorycheck.core.Theory;
import org.theorycheck.core.command.ExperimentArguments;
import org.theorycheck.core.command.OutputDirectories;
import org.theorycheck.core.command.TerminalProgress;
import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.io.OutputLock;
import org.theorycheck.core.ladder.Resumable;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.core.ladder.Trace;
import org.theorycheck.core.ladder.RunOrigin;
import org.theorycheck.core.ladder.TraceCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Runs the experiment once on its rung: usually the real network, trained with SGD.",
                "The rung is the experiment's rung: key (rung=NAME overrides it), the seed its first (seeds=N picks another).",
                "Writes DIR/trace.csv (step, then one column per series of the theory's trace) and one CSV file per",
                "table of the trace (e.g. attention.csv), and DIR/run.fingerprint: the theory, experiment, rung and seed",
                "it computed, which verify reads when a check's runs: name DIR (rung: external).",
                "A rung that keeps checkpoints (long runs of real networks) keeps them in DIR: run the same command",
                "again after a kill and it resumes from there and writes what an uninterrupted run writes.",
                "The checkpoint is deleted once the outputs are written.",
                "The files are put in place together (a failed or killed run leaves the previous ones), and another",
                "command writing into DIR at the same time is refused (exit 2)."})
final class TrainCommand implements Callable<Integer> {

    @Mixin
    ExperimentArguments experiment;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/<name>).")
    Path out;

    @Option(names = "--restart", description = "Delete a checkpoint in DIR and start from step 0 (rungs that keep "
            + "checkpoints; the others keep none).")
    boolean restart;

    @Override
    public Integer call() {
        return train(experiment.theory());
    }

    private <E extends Experiment, T extends Trace> int train(Theory<E, T> theory) {
        E config = experiment.load(theory.experiments()).resolve();
        config.requireSingleConfiguration("train runs one configuration", " or use sweep");
        Rung<E, T> rung = Ladders.rung(theory, config.rung(), config.source(), "rung");
        rung.requireApplicable(config);
        Path dir = out != null ? out : Path.of("out", config.name());
        try (OutputLock lock = OutputDirectories.lock(spec, dir)) {
            return train(theory, config, rung, dir);
        }
    }

    private <E extends Experiment, T extends Trace> int train(Theory<E, T> theory, E config, Rung<E, T> rung, Path dir) {
        long seed = config.seeds().get(0);
        PrintWriter stdout = spec.commandLine().getOut();
        Resumable<E, T> resumable = resumable(rung);
        long from = 0;
        if (resumable != null) {
            if (restart) {
                resumable.discardCheckpoint(dir);
            }
            from = resumable.resumesFrom(config, seed, dir);
            if (from > 0) {
                stdout.printf(Locale.ROOT, "%s seed %d: resuming from the checkpoint at step %d of %d in %s%n", config.name(),
                        seed, from, config.steps(), dir);
                stdout.flush();
            }
        }
        long start = System.nanoTime();
        T trace;
        try (TerminalProgress bar = TerminalProgress.of(config.name(), config.steps(), " steps", from)) {
            trace = resumable != null ? resumable.run(config, seed, dir, t -> bar.stepTo((long) t))
                    : rung.run(config, seed, t -> bar.stepTo((long) t));
        }
        TraceCsv.write(trace, RunOrigin.of(theory.id(), config, rung.name(), seed), dir);
        if (resumable != null) {
            resumable.discardCheckpoint(dir);
        }
        stdout.printf(Locale.ROOT, "%s seed %d: %d steps of rung %s in %.2f s -> %s%n", config.name(), seed,
                config.steps() - from, rung.name(), (System.nanoTime() - start) / 1e9, dir);
        theory.describe(config, trace).forEach(line -> stdout.println("  " + line));
        stdout.flush();
        return 0;
    }

    /** The rung as a {@link Resumable}, if it keeps checkpoints. */
    @SuppressWarnings("unchecked")
    private static <E extends Experiment, T extends Trace> Resumable<E, T> resumable(Rung<E, T> rung) {
        return rung instanceof Resumable<?, ?> r ? (Resumable<E, T>) r : null;
    }
}
