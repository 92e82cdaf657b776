package org.theorycheck.theories.deeplinear.mnist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.linear.LUDecomposition;
import org.junit.jupiter.api.Test;
import org.theorycheck.theories.deeplinear.closedform.ClosedForms;
import org.theorycheck.theories.deeplinear.linalg.Matrix;
import org.theorycheck.theories.deeplinear.linalg.Orthogonal;
import org.theorycheck.theories.deeplinear.measure.LearningTimeVsDepth;
import org.theorycheck.theories.deeplinear.network.Initialisation;
import org.theorycheck.theories.deeplinear.task.Statistics;
import org.theorycheck.theories.deeplinear.task.Task;
import org.theorycheck.theories.deeplinear.task.TaskSpec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DepthScanTest {

    /** Sums of a few hundred products of O(1) numbers, in another order. */
    private static final double SUM_ROUNDOFF = 1e-9;

    private static final Task TASK = new TaskSpec.Synthetic(4, 4, new double[] {3, 2, 1.5, 1}, TaskSpec.InputBasis.ONE_HOT, 1).build();

    @Test
    void theSearchFindsTheFastestRateOfTheWholeGrid() {
        double[] rates = LearningTimeVsDepth.logGrid(1e-3, 0.5, 12);
        double threshold = DepthScan.threshold(TASK.statistics(), TASK.outputEnergy(), 4, 0.05);
        Initialisation init = Initialisation.Decoupled.balanced(0.01);
        int skipped = 0;
        for (int depth : new int[] {3, 6, 10}) {
            DepthScan.Point point = DepthScan.search(TASK, depth, 4, init, rates, threshold, 5000, 1);
            int best = -1;
            double bestRate = Double.NaN;
            for (double rate : rates) {
                int n = new LearningTimeVsDepth(TASK, 4, init, new double[] {rate}, threshold, 5000, 1).at(depth).iterations();
                if (n >= 0 && (best < 0 || n < best || n == best && rate > bestRate)) {
                    best = n;
                    bestRate = rate;
                }
            }
            assertThat(point.iterations()).as("depth %d", depth).isEqualTo(best).isPositive();
            assertThat(point.bestRate()).as("depth %d", depth).isEqualTo(bestRate);
            assertThat(point.rates()[0]).as("searched from the largest rate").isEqualTo(0.5, within(1e-15));
            skipped += (int) Arrays.stream(point.outcomes()).filter(o -> o == DepthScan.NOT_TRIED).count();
        }
        assertThat(skipped).as("rates the search did not need to run").isPositive();
    }

    @Test
    void theThresholdLeavesAShareOfWhatALinearMapOfThatRankCanLearn() {
        double[] s = TASK.svd().s();
        double all = Arrays.stream(s).map(v -> v * v).sum();
        double t = DepthScan.threshold(TASK.statistics(), TASK.outputEnergy(), 4, 0.05);
        assertThat(t).isCloseTo(TASK.outputEnergy() - all + 0.05 * all, within(SUM_ROUNDOFF));
        double rank2 = DepthScan.threshold(TASK.statistics(), TASK.outputEnergy(), 2, 0.05);
        assertThat(rank2).isCloseTo(TASK.outputEnergy() - (s[0] * s[0] + s[1] * s[1]) * 0.95, within(SUM_ROUNDOFF));
        assertThatThrownBy(() -> DepthScan.threshold(TASK.statistics(), TASK.outputEnergy(), 4, 1)).hasMessageContaining("(0, 1)");
    }

    /**
     * With correlated inputs the floor is least squares' own: Σ_μ ||y − W* x||² at W* = Σ31 Σ11⁻¹, computed from the
     * samples; with the rank limited, the reduced-rank solution's loss, which is larger.
     */
    @Test
    void withCorrelatedInputsTheFloorIsTheLeastSquaresLoss() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        Matrix x = Orthogonal.gaussian(40, 5, 1, rng);
        Matrix y = Orthogonal.gaussian(40, 3, 1, rng);
        Statistics stats = Statistics.of(x, y);
        double energy = Arrays.stream(y.data()).map(v -> v * v).sum();
        Matrix w = stats.sigma31().times(Matrix.of(new LUDecomposition(stats.sigma11().toReal()).getSolver().getInverse()));
        double direct = 0;
        Matrix residual = y.minus(x.timesTranspose(w));
        for (double r : residual.data()) {
            direct += r * r;
        }
        double floor = energy - DepthScan.learnable(stats, 3);
        assertThat(floor).isCloseTo(direct, within(1e-9 * energy));
        assertThat(energy - DepthScan.learnable(stats, 1)).as("rank 1 learns less").isGreaterThan(direct + 1e-3);
    }

    @Test
    void theTrendReadsSaturationAndTheRateSlope() {
        double[] grid = {1, 1e-1, 1e-2, 1e-3, 1e-4};
        List<DepthScan.Point> growing = new ArrayList<>();
        List<DepthScan.Point> saturated = new ArrayList<>();
        int[] depths = {4, 8, 16, 32, 64};
        double[] fastest = {0.1, 0.05, 0.025, 0.0125, 0.00625};
        for (int i = 0; i < depths.length; i++) {
            growing.add(point(depths[i], 10 * depths[i], fastest[i], grid));
            saturated.add(point(depths[i], 1000, fastest[i], grid));
        }
        DepthScan.Trend grows = DepthScan.trend(growing, 2);
        assertThat(grows.timeSlope()).isCloseTo(1, within(1e-12));
        assertThat(grows.timeDepths()).containsExactly(16, 32, 64);
        assertThat(grows.rateSlope()).isCloseTo(-1, within(1e-12));
        assertThat(DepthScan.trend(saturated, 2).timeSlope()).isCloseTo(0, within(1e-12));
        double expected = (-Math.log(ClosedForms.eq41(2, 64, 1)) + Math.log(ClosedForms.eq41(2, 4, 1))) / Math.log(16);
        assertThat(grows.eq41Slope()).as("eq 41's slope, steeper than -1 for s = 2").isLessThan(-1)
                .isCloseTo(expected, within(0.1));
    }

    @Test
    void aDeepDepthThatDidNotLearnOrRatesAtTheGridsEndLeaveASlopeUnmeasured() {
        double[] grid = {1, 1e-1, 1e-2, 1e-3};
        List<DepthScan.Point> points = new ArrayList<>(List.of(point(3, 10, 0.1, grid), point(5, 20, 0.05, grid),
                point(8, 30, 1, grid), point(12, 40, 0.02, grid)));
        points.add(new DepthScan.Point(20, DepthScan.NOT_REACHED, Double.NaN, grid, new int[] {-1, -1, -1, -1}));
        DepthScan.Trend trend = DepthScan.trend(points, 2);
        assertThat(trend.timeSlope()).isNaN();
        assertThat(trend.why()).contains("no rate learned within the budget at depth [20]", "end of the grid at depth [8]");
        assertThat(trend.rateDepths()).containsExactly(3, 5, 12);
        assertThat(trend.rateSlope()).isFinite();
        DepthScan.Trend two = DepthScan.trend(points.subList(0, 3), 2);
        assertThat(two.rateSlope()).as("two depths inside the grid").isNaN();
    }

    @Test
    void theStatisticsOfDigitsTravelAndGiveTheirTask() throws IOException, ClassNotFoundException {
        MnistTask digits = MnistTask.of(CachedMnist.digits().take(300), Preprocessing.WHITENED, 16);
        MnistStatistics stats = MnistStatistics.of(digits);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(stats);
        }
        MnistStatistics copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (MnistStatistics) in.readObject();
        }
        Task task = copy.task();
        assertThat(task.statistics().sigma11().data()).containsExactly(Arrays.stream(digits.sigma11()).flatMapToDouble(Arrays::stream)
                .toArray());
        assertThat(task.statistics().sigma31().get(7, 3)).isEqualTo(digits.sigma31()[7][3]);
        assertThat(task.outputEnergy()).isEqualTo(300);
        assertThat(task.inputDimension()).isEqualTo(16);
        assertThat(task.svd().s()[0]).isEqualTo(stats.task().svd().s()[0]);
        assertThat(task.description()).isEqualTo("MNIST: 300 digits, whitened inputs of 16 dimensions");
    }

    /** A depth's point with every rate of the grid marked as not reaching the threshold (the trend reads only the best). */
    private static DepthScan.Point point(int depth, int iterations, double rate, double[] grid) {
        int[] outcomes = new int[grid.length];
        Arrays.fill(outcomes, DepthScan.NOT_REACHED);
        return new DepthScan.Point(depth, iterations, rate, grid, outcomes);
    }
}
