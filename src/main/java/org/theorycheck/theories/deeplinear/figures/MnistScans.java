package org.theorycheck.theories.deeplinear.figures;

import org.theorycheck.core.engine.Engine;
import org.theorycheck.core.report.Budget;
import org.theorycheck.theories.deeplinear.mnist.DepthScan;
import org.theorycheck.theories.deeplinear.mnist.MnistArchive;
import org.theorycheck.theories.deeplinear.mnist.MnistStatistics;
import org.theorycheck.theories.deeplinear.mnist.MnistTask;
import org.theorycheck.theories.deeplinear.mnist.Preprocessing;
import org.theorycheck.theories.deeplinear.network.Initialisation;
import org.theorycheck.theories.deeplinear.task.Task;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Learning time against depth on MNIST (App. C), as Fig 4 and Fig 6A draw it: the setting of each budget, the
 * task's statistics (read from the cached digits once for both figures), and the scans, one task per
 * (initialisation, depth).
 *
 * <p>The paper's setting is not affordable here: 50,000 digits, hidden layers of 1000 units, depths up to 100
 * and 20 rates, each run up to tens of thousands of iterations (a GPU's work). What decides the
 * learning time of a decoupled start is the spectrum s_α of Σ31, not the width: with whitened inputs
 * (Σ11 = I on the principal components kept, the theory's assumption) gd from a decoupled start stays
 * decoupled (prediction 9), each of the nine driven modes following eq 15 discretised. So the scans keep
 * the depths and the decoupled u0 = 0.001 of the paper and shrink the rest: the digits dealt in turn from
 * the package (300 at the quick budget, all 10,000 at the full), centred and whitened onto their 16 leading
 * principal components, hidden layers of 10 units (the fewest that pass all ten outputs), and a log grid of
 * rates around the fastest ones. Fewer digits make the singular values, and with them the learning times
 * (about s_1² / (s_9 u0) iterations at depth), smaller.
 */
final class MnistScans {

    /** The seed of the initial weights (a decoupled start's random hidden frames; the random starts' draws). */
    static final long SEED = 1;

    /** How the weights start, in a form that travels with a task. */
    enum Start {
        /** Decoupled, balanced, composite strength u0 = 0.001 (App. C). */
        DECOUPLED("decoupled, u0 = 0.001"),
        /** Independent N(0, 1/fan-in) entries (Sec 3). */
        SCALED_GAUSSIAN("scaled Gaussian"),
        /** Random orthogonal, gain 1 (Sec 3). */
        ORTHOGONAL("random orthogonal"),
        /**
         * Greedy layer-wise pretraining (App. F): autoencoders from N(0, 0.01²), 300 steps of eq 13 at rate 0.1
         * each (App. F gives no rate or step count: INFERRED, enough for an autoencoder of whitened inputs, whose
         * modes all have s = 1, to learn).
         */
        PRETRAINED("greedy pretraining");

        private final String label;

        Start(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        Initialisation initialisation() {
            return switch (this) {
                case DECOUPLED -> Initialisation.Decoupled.balanced(1e-3);
                case SCALED_GAUSSIAN -> new Initialisation.ScaledGaussian();
                case ORTHOGONAL -> new Initialisation.RandomOrthogonal(1);
                case PRETRAINED -> new Initialisation.GreedyPretraining(0.01, 0.1, 300);
            };
        }
    }

    /**
     * A budget's setting.
     *
     * @param digits        how many digits, dealt in turn from the package
     * @param components    principal components kept by whitening (N1)
     * @param hidden        the width of every hidden layer
     * @param depths        N_l
     * @param rates         the grid of rates, log-spaced (to four significant digits, as the claim's experiment writes them)
     * @param maxIterations the budget of a rate
     * @param remaining     the share of the learnable loss left at the threshold ({@link DepthScan#threshold})
     */
    record Setting(int digits, int components, int hidden, int[] depths, double[] rates, int maxIterations, double remaining)
            implements Serializable {

        private static final long serialVersionUID = 1L;

        Setting {
            depths = depths.clone();
            rates = rates.clone();
        }

        @Override
        public int[] depths() {
            return depths.clone();
        }

        @Override
        public double[] rates() {
            return rates.clone();
        }

        String describe() {
            return String.format(Locale.ROOT, "%d MNIST digits, centred and whitened onto %d principal components, hidden "
                            + "layers of %d units, %d rates log-spaced in [%.3g, %.3g], at most %d iterations a rate, threshold: "
                            + "%.0f%% of the learnable loss left", digits, components, hidden, rates.length, rates[0],
                    rates[rates.length - 1], maxIterations, 100 * remaining);
        }
    }

    /**
     * The quick budget: the setting of {@code experiments/deep-linear/pred19-mnist-depth.yaml} with its claim's quick
     * overrides (15 rates in [1e-4, 0.3]).
     */
    static final Setting QUICK = new Setting(300, 16, 10, new int[] {3, 5, 8, 14, 20, 28, 44, 64, 100}, new double[] {
        1e-4, 1.772e-4, 3.139e-4, 5.56e-4, 9.851e-4, 0.001745, 0.003092, 0.005477, 0.009703, 0.01719, 0.03045, 0.05395,
        0.09558, 0.1693, 0.3}, 6000, 0.05);
    /** The full budget: the setting of {@code experiments/deep-linear/pred19-mnist-depth.yaml} (25 rates in [1e-5, 0.1]). */
    static final Setting FULL = new Setting(10_000, 16, 10, new int[] {3, 5, 8, 10, 14, 20, 28, 36, 44, 54, 64, 74, 84, 94, 100},
            new double[] {1e-5, 1.468e-5, 2.154e-5, 3.162e-5, 4.642e-5, 6.813e-5, 1e-4, 1.468e-4, 2.154e-4, 3.162e-4, 4.642e-4,
                6.813e-4, 0.001, 0.001468, 0.002154, 0.003162, 0.004642, 0.006813, 0.01, 0.01468, 0.02154, 0.03162, 0.04642,
                0.06813, 0.1}, 40_000, 0.05);

    /** The scaled Gaussian is scanned on the shallower depths only: deeper, no rate learns and each depth costs the whole grid. */
    static final int GAUSSIAN_DEEPEST_QUICK = 20;
    static final int GAUSSIAN_DEEPEST_FULL = 20;

    static Setting setting(Budget budget) {
        return budget == Budget.FULL ? FULL : QUICK;
    }

    /** One budget's task, its statistics and threshold. */
    record Prepared(Setting setting, MnistStatistics statistics, double threshold, double[] singularValues) {}

    private final Map<Budget, Prepared> prepared = new EnumMap<>(Budget.class);

    /** The task of a budget, read from the cached digits the first time it is asked for. */
    synchronized Prepared prepare(Budget budget) {
        return prepared.computeIfAbsent(budget, b -> {
            Setting s = setting(b);
            MnistStatistics stats = MnistStatistics.of(MnistTask.of(MnistArchive.open(MnistArchive.cached()).take(s.digits()),
                    Preprocessing.WHITENED, s.components()));
            Task task = stats.task();
            int narrowest = Math.min(s.hidden(), Math.min(task.inputDimension(), task.outputDimension()));
            return new Prepared(s, stats, DepthScan.threshold(task.statistics(), task.outputEnergy(), narrowest, s.remaining()),
                    task.svd().s());
        });
    }

    /** One (start, depth) of a scan. */
    record Piece(MnistStatistics statistics, Setting setting, double threshold, Start start, int depth) implements Serializable {

        private static final long serialVersionUID = 1L;

        DepthScan.Point compute() {
            return DepthScan.search(statistics.task(), depth, setting.hidden(), start.initialisation(), setting.rates(), threshold,
                    setting.maxIterations(), SEED);
        }
    }

    /** The scans of each start over the given depths (per start), depth by depth. */
    Map<Start, List<DepthScan.Point>> scan(Engine engine, Budget budget, Map<Start, int[]> depths, String what,
                                          Consumer<String> progress) {
        Prepared p = prepare(budget);
        List<Piece> pieces = new ArrayList<>();
        for (Map.Entry<Start, int[]> e : depths.entrySet()) {
            for (int depth : e.getValue()) {
                pieces.add(new Piece(p.statistics(), p.setting(), p.threshold(), e.getKey(), depth));
            }
        }
        // The deepest first: they take longest, and an engine starting them first finishes sooner.
        List<Piece> order = new ArrayList<>(pieces);
        order.sort((a, b) -> Integer.compare(b.depth(), a.depth()));
        List<DepthScan.Point> points = Tasks.run(engine, order, Piece::compute, what, progress);
        Map<Start, List<DepthScan.Point>> out = new EnumMap<>(Start.class);
        for (Piece piece : pieces) {
            DepthScan.Point point = points.get(order.indexOf(piece));
            out.computeIfAbsent(piece.start(), s -> new ArrayList<>()).add(point);
        }
        return out;
    }

    /** The depths of a budget up to {@code deepest}. */
    static int[] upTo(Setting setting, int deepest) {
        return Arrays.stream(setting.depths()).filter(d -> d <= deepest).toArray();
    }
}
