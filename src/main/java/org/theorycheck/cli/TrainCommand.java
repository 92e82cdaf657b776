package org.theorycheck.cli;

import org.theorycheck.config.ExperimentConfig;
import org.theorycheck.model.Trajectory;
import org.theorycheck.report.TrajectoryCsv;
import org.theorycheck.theory.Rungs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains the experiment's model once with real SGD (the first of its seeds; seeds=N picks another):",
                "the YZ model, or with rung=transformer (rung: transformer in the file) the real transformer of its",
                "transformer: section.",
                "Writes DIR/trace.csv (step,loss,distinct_entropy,decoder_residual) and",
                "DIR/attention.csv (step,next_token,token,role,p,z,c)."})
final class TrainCommand implements Callable<Integer> {

    @Mixin
    ExperimentArguments experiment;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/<name>).")
    Path out;

    @Override
    public Integer call() {
        ExperimentConfig config = experiment.load().resolve();
        config.requireSingleConfiguration("train runs one configuration", " or use sweep");
        config.requireSynthetic("train");
        long seed = config.seeds().get(0);
        Path dir = out != null ? out : Path.of("out", config.name());
        long start = System.nanoTime();
        Trajectory trajectory = Rungs.byName(config.rung()).orElseThrow().run(config, seed);
        TrajectoryCsv.write(trajectory, dir);
        Trajectory.Snapshot last = trajectory.last();
        spec.commandLine().getOut().printf("%s seed %d: %d steps in %.2f s, final loss %.4g, distinct-token entropy %.4f nats -> %s%n",
                config.name(), seed, config.train().steps(), (System.nanoTime() - start) / 1e9, last.loss(),
                trajectory.distinctEntropy(trajectory.size() - 1), dir);
        return 0;
    }
}
