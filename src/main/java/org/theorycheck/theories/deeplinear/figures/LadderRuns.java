package org.theorycheck.theories.deeplinear.figures;

import org.theorycheck.theories.deeplinear.ladder.DeepLinearRun;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.ladder.Ladder;
import org.theorycheck.theories.deeplinear.measure.TraceReading;
import org.theorycheck.theories.deeplinear.network.Initialisation;
import org.theorycheck.theories.deeplinear.network.Network;
import org.theorycheck.theories.deeplinear.task.Task;
import org.theorycheck.theories.deeplinear.task.TaskSpec;

import java.io.Serializable;

/**
 * Runs of the theory's ladder on Fig 3's hierarchical task, as the figures draw them: the one place where a
 * figure runs a rung. A run is set up from serializable settings wherever its task runs, and keeps only the
 * mode strengths the figures draw.
 */
final class LadderRuns {

    private LadderRuns() {}

    /**
     * Fig 3's setting (Sec 5): the hierarchical task (32 items, 1000 features, a five-level tree, flip 0.1, drawn
     * from {@code dataSeed}), N2 = 32, λ = 0.5e-3 (τ = 2000), the theory's u0 = 1e-6, and small random starts
     * whose scale gives each mode that u0 on average: a mode's strength grows from the symmetric part
     * (a^α + b^α)/2 of its two N2-vectors (eq 5 linearised about 0), whose squared length is N2 σ²/2 in expectation
     * for i.i.d. N(0, σ²) weights, so σ = √(2 u0 / N2) (the paper gives no scale: INFERRED).
     *
     * @param steps       the run's length in steps (gd) or epochs (sgd, batch 1)
     * @param recordEvery record interval
     * @param modes       the modes α (1-based) kept
     */
    record Setting(int steps, int recordEvery, int[] modes) implements Serializable {

        private static final long serialVersionUID = 1L;

        static final int LEVELS = 5;
        static final int FEATURES = 1000;
        static final double FLIP = 0.1;
        static final long DATA_SEED = 1;
        static final int HIDDEN = 32;
        static final double RATE = 0.5e-3;
        static final double U0 = 1e-6;

        Setting {
            modes = modes.clone();
        }

        @Override
        public int[] modes() {
            return modes.clone();
        }

        static TaskSpec.Hierarchical task() {
            return new TaskSpec.Hierarchical(LEVELS, FEATURES, FLIP, DATA_SEED);
        }

        static double initStd() {
            return Math.sqrt(2 * U0 / HIDDEN);
        }

        static double tau() {
            return 1 / RATE;
        }

        DeepLinearRun run() {
            TaskSpec.Hierarchical task = task();
            int items = task.items();
            return new DeepLinearRun(task, new Network(new int[] {items, HIDDEN, FEATURES}),
                    new Initialisation.SmallGaussian(initStd()), RATE, steps, recordEvery, modes, 1, U0);
        }
    }

    /**
     * What a figure keeps of one run.
     *
     * @param steps the record steps
     * @param u     u[k] the strength of mode {@code modes[k]} at each record
     * @param tHalf per mode, the time u first reaches s_α/2 (linearly interpolated between records; NaN if never)
     */
    record Modes(double[] steps, double[][] u, double[] tHalf) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** One run of a rung ({@code gd} or {@code sgd}) with this seed. */
    record Piece(String rung, Setting setting, long seed) implements Serializable {

        private static final long serialVersionUID = 1L;

        Modes compute() {
            DeepLinearRun run = setting.run();
            Task task = run.task().build();
            DeepLinearTrace trace = Ladder.byName(rung).orElseThrow().run(run, seed);
            int[] modes = setting.modes();
            double[][] u = new double[modes.length][];
            double[] half = new double[modes.length];
            for (int k = 0; k < modes.length; k++) {
                u[k] = trace.series(DeepLinearTrace.mode(modes[k]));
                half[k] = TraceReading.crossing(trace, modes[k], task.svd().s(modes[k]) / 2);
            }
            return new Modes(trace.steps(), u, half);
        }
    }
}
