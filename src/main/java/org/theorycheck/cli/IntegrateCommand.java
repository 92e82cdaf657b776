package org.theorycheck.cli;

import org.theorycheck.config.ConfigException;
import org.theorycheck.config.ExperimentConfig;
import org.theorycheck.model.Trajectory;
import org.theorycheck.output.OutputLock;
import org.theorycheck.report.TrajectoryCsv;
import org.theorycheck.theory.Rung;
import org.theorycheck.theory.Rungs;
import org.theorycheck.theory.scansnap.SnapTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "integrate", mixinStandardHelpOptions = true,
        description = {"Computes one rung of the ladder of approximations for the experiment.",
                "Writes DIR/trace.csv and DIR/attention.csv with the same columns as train, so any two rungs",
                "(or a rung and SGD) can be compared directly, and prints the snap times it finds.",
                "Time is in SGD steps on every rung. The two files are put in place together, and another command",
                "writing into DIR at the same time is refused (exit 2)."})
final class IntegrateCommand implements Callable<Integer> {

    @Mixin
    ExperimentArguments experiment;

    @Option(names = "--rung", required = true, paramLabel = "RUNG",
            description = "map (expected-gradient map), flow (gradient flow), reduced (Eqn. 10), closed (Appendix F), sgd, or transformer (needs the experiment's transformer section).")
    String rung;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/<name>-<rung>).")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ExperimentConfig config = experiment.load().resolve();
        Rung selected = Rungs.byName(rung).orElseThrow(() -> new ConfigException(config.source(), 0, "--rung",
                "unknown rung '" + rung + "'; allowed: " + String.join(", ", Rungs.names())));
        config.requireSingleConfiguration("integrate computes one configuration", "");
        config.requireSynthetic("integrate");
        long seed = config.seeds().get(0);
        Path dir = out != null ? out : Path.of("out", config.name() + "-" + rung);
        long start = System.nanoTime();
        Trajectory trajectory;
        List<SnapTime.SnapEstimate> estimates;
        try (OutputLock lock = OutputDirectories.lock(spec, dir)) {
            try (TerminalProgress bar = TerminalProgress.of(config.name() + " " + rung, config.train().steps(), " steps")) {
                trajectory = selected.run(config, seed, t -> bar.stepTo((long) t));
            }
            estimates = SnapTime.estimates(trajectory, config);   // before writing: it can fail
            TrajectoryCsv.write(trajectory, dir);
        }
        String entropy = trajectory.undetermined().contains(Trajectory.Undetermined.DISTINCT_LOGITS)
                ? "not determined by this rung"
                : String.format(java.util.Locale.ROOT, "%.4f nats", trajectory.distinctEntropy(trajectory.size() - 1));
        spec.commandLine().getOut().printf("%s, rung %s: t = 0..%s in %.2f s, final distinct-token entropy %s -> %s%n",
                config.name(), rung, trajectory.last().step(), (System.nanoTime() - start) / 1e9, entropy, dir);
        for (SnapTime.SnapEstimate e : estimates) {
            spec.commandLine().getOut().printf(java.util.Locale.ROOT, "  snap time %8.3f steps by %s (paper: t0 = 2K ln M/eta_Y = %.3f)%n",
                    e.measured(), e.method(), e.predicted());
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
