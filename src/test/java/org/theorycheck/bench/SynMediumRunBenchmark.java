package org.theorycheck.bench;

import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.core.experiment.ExperimentFile;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.train.SgdRun;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Syn-Medium run of the paper's Fig. 6 grid at its largest size, on one thread: Q = 10 (K = 20,
 * M = 240), 100 SGD steps (momentum 0.9) of batch 128 with T−1 = 127 contextual tokens, uniform
 * initialisation, as declared by experiments/scan-and-snap/fig6-syn-medium.yaml. The target is ≤ 100 ms per run,
 * so that the 640-run Fig. 6 sweep takes under a minute on a laptop.
 *
 * <p>Run from the project directory (not part of the test suite):
 * <pre>
 *   mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 *   java -cp target/test-classes:target/classes:$(cat target/test.classpath) org.theorycheck.bench.SynMediumRunBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class SynMediumRunBenchmark {

    ExperimentConfig config;
    long seed;

    @Setup
    public void setUp() {
        config = ScanSnapExperiments.read(Path.of("experiments", "scan-and-snap", "fig6-syn-medium.yaml"))
                .withOverrides(List.of("data.queries=10", "train.eta_z=1", "train.eta_ratio=1")).resolve();
        if (config.data().vocabulary() != 240 || !config.sweep().isEmpty()) {
            throw new IllegalStateException("expected a single Syn-Medium configuration with M = 240");
        }
    }

    /** One full run; a new seed each time so no two invocations see the same minibatches. */
    @Benchmark
    public double oneRun() {
        Trajectory t = SgdRun.run(config, ++seed, step -> { });
        return t.last().loss();
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(SynMediumRunBenchmark.class.getName()).build()).run();
    }
}
