package org.theorycheck.bench;

import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.core.experiment.ExperimentFile;
import org.theorycheck.theories.scansnap.train.SgdRun;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The workload of {@link SynMediumRunBenchmark} measured in CPU time of the running thread rather than
 * wall time: on a shared machine, other processes stretch wall time but hardly the thread's own CPU time,
 * so this figure is the one to compare across changes. Prints the median and range of per-run CPU time, and
 * the exact sum of the runs' final losses, which shows at a glance whether a change kept the numbers.
 *
 * <p>Run from the project directory (not part of the test suite), after building the test classpath as
 * {@link SynMediumRunBenchmark} describes:
 * <pre>
 *   java -cp target/test-classes:target/classes:$(cat target/test.classpath) \
 *       org.theorycheck.bench.SynMediumRunCpuTime [warm-up runs] [timed runs]
 * </pre>
 */
public final class SynMediumRunCpuTime {

    private SynMediumRunCpuTime() {}

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        ExperimentConfig config = ScanSnapExperiments.read(Path.of("experiments", "scan-and-snap", "fig6-syn-medium.yaml"))
                .withOverrides(List.of("data.queries=10", "train.eta_z=1", "train.eta_ratio=1")).resolve();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long seed = 0;
        double sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += SgdRun.run(config, ++seed, step -> { }).last().loss();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = threads.getCurrentThreadCpuTime();
            sink += SgdRun.run(config, ++seed, step -> { }).last().loss();
            ms[i] = (threads.getCurrentThreadCpuTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "Syn-Medium Q=10 run, thread CPU time: median %.1f ms (min %.1f, max %.1f; %d runs)"
                + " [sum of final losses %s]%n", ms[runs / 2], ms[0], ms[runs - 1], runs, Double.toString(sink));
    }
}
