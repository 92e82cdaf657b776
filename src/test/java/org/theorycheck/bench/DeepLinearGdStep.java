package org.theorycheck.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

import org.theorycheck.theories.deeplinear.ladder.GdRung;
import org.theorycheck.theories.deeplinear.network.Gradient;
import org.theorycheck.theories.deeplinear.network.Initialisation;
import org.theorycheck.theories.deeplinear.network.Initialiser;
import org.theorycheck.theories.deeplinear.network.Network;
import org.theorycheck.theories.deeplinear.task.Task;
import org.theorycheck.theories.deeplinear.task.TaskSpec;

/**
 * One full-batch gd step (eq 1) on Fig 3's task, N1 = 32, N2 = 32, N3 = 1000, Σ11 = I, timed on one
 * thread: the gd rung's own loop ({@link GdRung#steps}). A step is three matrix products of
 * N1·N2·N3 multiply-adds (W_tot = W32 W21, W32ᵀE, E W21ᵀ): 6·N1·N2·N3 = 6.144 Mflop, plus O(N1·N3)
 * element-wise work. Prints the median and range of per-step time (thread CPU and wall) over repeats,
 * and the rate in Gflop/s. Not part of the test suite; run from the project directory:
 * <pre>
 *   mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 *   java -cp target/test-classes:target/classes:$(cat target/test.classpath) \
 *       org.theorycheck.bench.DeepLinearGdStep [steps per repeat] [repeats]
 * </pre>
 * The same loop in NumPy and PyTorch: {@code scripts/deep_linear_gd_benchmark.py}.
 */
public final class DeepLinearGdStep {

    /** Multiply-adds count twice. */
    static final double FLOPS_PER_STEP = 6.0 * 32 * 32 * 1000;

    private DeepLinearGdStep() {}

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Task task = TaskSpec.Hierarchical.fig3(1).build();
        Network network = new Network(new int[] {32, 32, 1000});
        double[][] w = Initialiser.initialise(network, task, new Initialisation.SmallGaussian(1e-3), 1).weights().stream()
                .map(m -> m.data().clone()).toArray(double[][]::new);
        Gradient gradient = new Gradient(network, task.statistics());
        double[][] g = gradient.newWeightArrays();
        double rate = 0.5e-3;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        GdRung.steps(gradient, w, network.widths(), g, rate, 0, 3 * steps);
        double[] cpu = new double[repeats];
        double[] wall = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            GdRung.steps(gradient, w, network.widths(), g, rate, 0, steps);
            wall[r] = (System.nanoTime() - w0) / 1e3 / steps;
            cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e3 / steps;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf(Locale.ROOT, "java gd step 32x32x1000: thread CPU median %.1f us (min %.1f, max %.1f), wall median %.1f us"
                + " (min %.1f); %.2f Gflop/s at the CPU median, %.2f at the min; %d repeats of %d steps; checksum %.6e%n",
                cpu[repeats / 2], cpu[0], cpu[repeats - 1], wall[repeats / 2], wall[0], FLOPS_PER_STEP / cpu[repeats / 2] / 1e3,
                FLOPS_PER_STEP / cpu[0] / 1e3, repeats, steps, w[0][0] + w[1][0]);
    }
}
