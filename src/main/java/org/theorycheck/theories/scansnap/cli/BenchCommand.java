package org.theorycheck.theories.scansnap.cli;

import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.core.experiment.ExperimentFile;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.theories.scansnap.rungs.Rungs;
import org.theorycheck.theories.scansnap.rungs.TransformerStep;
import org.theorycheck.theories.scansnap.torch.SyntheticClassesRun;
import org.theorycheck.torch.Libtorch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Times the workloads the README quotes, on one thread, after warm-up.",
                "They are one SGD run of Syn-Medium with queries=10 (M=240, 100 steps, batch 128, T-1=127),",
                "the gradient-flow rung (3) on the same setting, and the reduced rung (4) on Fig. 3's setting",
                "(K=10, M=1000, 700 steps). Prints the median and the range of the timed repetitions.",
                "With --transformer: the transformer rung instead (libtorch threads: THEORYCHECK_TORCH_THREADS,",
                "default 1): one whole Syn-Small run, one training step, and how a step's cost grows with M,",
                "emsize and T; compare with scripts/transformer_benchmark.py (experiments/BENCHMARKS.md)."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--repeat", paramLabel = "N", description = "Timed repetitions per workload (default: ${DEFAULT-VALUE}).")
    int repeat = 10;

    @Option(names = "--warmup", paramLabel = "N", description = "Untimed warm-up repetitions (default: ${DEFAULT-VALUE}).")
    int warmup = 3;

    @Option(names = "--transformer", description = "Time the transformer rung (see above).")
    boolean transformer;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (transformer) {
            transformer(out);
            return 0;
        }
        ExperimentConfig medium = load("experiments/scan-and-snap/fig6-syn-medium.yaml", "data.queries=10", "train.eta_z=1",
                "train.eta_ratio=1", "seeds=1");
        ExperimentConfig fig3 = load("experiments/scan-and-snap/fig3-growth-factor.yaml");
        time(out, "sgd      Syn-Medium Q=10, 100 steps", () -> rung("sgd").run(medium, 1));
        time(out, "flow     Syn-Medium Q=10, 100 steps", () -> rung("flow").run(medium, 1));
        time(out, "reduced  Fig. 3, K=10 M=1000, 700 steps", () -> rung("reduced").run(fig3, 1));
        out.flush();
        return 0;
    }

    private void transformer(PrintWriter out) {
        ExperimentConfig small = load("experiments/scan-and-snap/syn-small-transformer.yaml", "seeds=1");
        // the engine starts (and on a first use extracts libtorch) outside every timed loop
        SyntheticClassesRun.stepMillis(small, 1, 1, 1);
        out.printf(Locale.ROOT, "libtorch intra-op threads: %d%n", Libtorch.threads());
        time(out, "transformer Syn-Small, 100 steps", () -> rung("transformer").run(small, 1));
        step(out, "one step, Syn-Small (M=34, emsize 32, T=128)", small);
        for (String q : new String[] {"1", "3", "10"}) {
            step(out, "one step, data.queries=" + q + " next_per_query=2", load("experiments/scan-and-snap/syn-small-transformer.yaml",
                    "seeds=1", "data.queries=" + q, "data.next_per_query=2"));
        }
        for (String e : new String[] {"16", "64", "128"}) {
            step(out, "one step, emsize=hidden=" + e, load("experiments/scan-and-snap/syn-small-transformer.yaml", "seeds=1",
                    "transformer.emsize=" + e, "transformer.hidden=" + e));
        }
        for (String c : new String[] {"31", "63", "255"}) {
            step(out, "one step, T-1=" + c, load("experiments/scan-and-snap/syn-small-transformer.yaml", "seeds=1", "data.context=" + c));
        }
        // steps of the transformer's ladder at Syn-Medium size (scripts/transformer_benchmark.py --ladder)
        for (String q : new String[] {"1", "10"}) {
            ExperimentConfig medium = load("experiments/scan-and-snap/syn-medium-transformer.yaml", "seeds=1", "data.queries=" + q,
                    "train.eta_z=0.1");
            for (String name : new String[] {"transformer", "no-residual", "one-hot", "torch-yz"}) {
                ExperimentConfig c = rung(name) instanceof TransformerStep s
                        ? medium.withTransformer(medium.transformer().with(s.features())) : medium;
                step(out, "one step, " + name + ", data.queries=" + q + " next_per_query=2", c);
            }
        }
        out.flush();
    }

    private void step(PrintWriter out, String label, ExperimentConfig config) {
        double[] ms = SyntheticClassesRun.stepMillis(config, 1, 10 * warmup, 10 * repeat);
        Arrays.sort(ms);
        out.printf(Locale.ROOT, "%-42s median %8.2f ms  (min %.2f, max %.2f; %d steps)%n", label, ms[ms.length / 2], ms[0],
                ms[ms.length - 1], ms.length);
        out.flush();
    }

    private static ExperimentConfig load(String file, String... overrides) {
        return ScanSnapExperiments.read(Path.of(file)).withOverrides(List.of(overrides)).resolve();
    }

    private static Rung rung(String name) {
        return Rungs.byName(name).orElseThrow();
    }

    private void time(PrintWriter out, String label, Supplier<?> work) {
        for (int i = 0; i < warmup; i++) {
            work.get();
        }
        double[] ms = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long start = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        out.printf(Locale.ROOT, "%-42s median %8.1f ms  (min %.1f, max %.1f; %d runs)%n", label, ms[repeat / 2], ms[0],
                ms[repeat - 1], repeat);
        out.flush();
    }
}
