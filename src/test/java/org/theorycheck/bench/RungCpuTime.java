package org.theorycheck.bench;

import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.core.experiment.ExperimentFile;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.theories.scansnap.rungs.Rungs;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The two ODE workloads of the {@code bench} command in thread CPU time (see {@link SynMediumRunCpuTime}
 * for why): the gradient-flow rung on Syn-Medium with queries=10 (100 steps) and the reduced rung on
 * Fig. 3's setting (K = 10, M = 1000, 700 steps). Not part of the test suite; run from the project
 * directory with the classpath {@link SynMediumRunBenchmark} describes:
 * <pre>
 *   java -cp target/test-classes:target/classes:$(cat target/test.classpath) \
 *       org.theorycheck.bench.RungCpuTime flow|reduced [warm-up runs] [timed runs]
 * </pre>
 */
public final class RungCpuTime {

    private RungCpuTime() {}

    public static void main(String[] args) {
        String name = args[0];
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        ExperimentConfig config = name.equals("reduced")
                ? ScanSnapExperiments.read(Path.of("experiments", "scan-and-snap", "fig3-growth-factor.yaml")).withOverrides(List.of()).resolve()
                : ScanSnapExperiments.read(Path.of("experiments", "scan-and-snap", "fig6-syn-medium.yaml")).withOverrides(
                        List.of("data.queries=10", "train.eta_z=1", "train.eta_ratio=1", "seeds=1")).resolve();
        Rung rung = Rungs.byName(name).orElseThrow(() -> new IllegalArgumentException("no rung " + name));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmup; i++) {
            rung.run(config, 1);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = threads.getCurrentThreadCpuTime();
            rung.run(config, 1);
            ms[i] = (threads.getCurrentThreadCpuTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%s rung, thread CPU time: median %.1f ms (min %.1f, max %.1f; %d runs)%n", name,
                ms[runs / 2], ms[0], ms[runs - 1], runs);
    }
}
