package org.theorycheck.cli;

import org.theorycheck.core.Theory;
import org.theorycheck.core.command.ExperimentArguments;
import org.theorycheck.core.command.OutputDirectories;
import org.theorycheck.core.command.TerminalProgress;
import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.io.OutputLock;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.core.ladder.Trace;
import org.theorycheck.core.ladder.RunOrigin;
import org.theorycheck.core.ladder.TraceCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "integrate", mixinStandardHelpOptions = true,
        description = {"Computes one rung of the experiment's ladder of approximations.",
                "Writes DIR/trace.csv and the trace's tables with the same columns as train, so any two rungs",
                "(or a rung and SGD) can be compared directly, and DIR/run.fingerprint (the theory, experiment, rung",
                "and seed) as train does; prints what the theory finds on the way (Scan and Snap: the snap times).",
                "Time is in the top rung's steps on every rung."})
final class IntegrateCommand implements Callable<Integer> {

    @Mixin
    ExperimentArguments experiment;

    @Option(names = "--rung", required = true, paramLabel = "RUNG",
            description = "A rung of the experiment's theory (verify --list shows each theory's ladder).")
    String rung;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/<name>-<rung>).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return integrate(experiment.theory());
    }

    private <E extends Experiment, T extends Trace> int integrate(Theory<E, T> theory) {
        E config = experiment.load(theory.experiments()).resolve();
        Rung<E, T> selected = Ladders.rung(theory, rung, config.source(), "--rung");
        config.requireSingleConfiguration("integrate computes one configuration", "");
        selected.requireApplicable(config);
        long seed = config.seeds().get(0);
        Path dir = out != null ? out : Path.of("out", config.name() + "-" + rung);
        long start = System.nanoTime();
        T trace;
        List<String> description;
        try (OutputLock lock = OutputDirectories.lock(spec, dir)) {
            try (TerminalProgress bar = TerminalProgress.of(config.name() + " " + rung, config.steps(), " steps")) {
                trace = selected.run(config, seed, t -> bar.stepTo((long) t));
            }
            description = theory.describe(config, trace);   // before writing: it can fail
            TraceCsv.write(trace, RunOrigin.of(theory.id(), config, selected.name(), seed), dir);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        double[] steps = trace.steps();
        stdout.printf(Locale.ROOT, "%s, rung %s: t = 0..%s in %.2f s -> %s%n", config.name(), rung,
                TraceCsv.step(steps[steps.length - 1]), (System.nanoTime() - start) / 1e9, dir);
        description.forEach(line -> stdout.println("  " + line));
        stdout.flush();
        return 0;
    }
}
