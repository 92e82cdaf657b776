package org.theorycheck.theories.deeplinear.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;
import org.theorycheck.theories.deeplinear.RandomStreams;
import org.theorycheck.theories.deeplinear.linalg.Matrix;
import org.theorycheck.theories.deeplinear.linalg.Orthogonal;
import org.theorycheck.theories.deeplinear.task.Statistics;
import org.theorycheck.theories.deeplinear.task.Task;
import org.theorycheck.theories.deeplinear.task.TaskSpec;

class NetworkTest {

    /** Round-off of products of O(1) matrices of size ≤ 40. */
    private static final double ROUND_OFF = 1e-12;

    private static final Task TASK = new TaskSpec.Synthetic(6, 5, new double[] {3, 2, 1.5, 1, 0.5}, TaskSpec.InputBasis.ONE_HOT, 3).build();

    /** ½ Σ_μ ||y − W x||² up to a constant: ½⟨W Σ11, W⟩ − ⟨Σ31, W⟩. */
    private static double halfLoss(List<Matrix> w, Statistics stats) {
        Matrix t = Network.total(w);
        double cross = 0;
        double quad = 0;
        Matrix ts = t.times(stats.sigma11());
        for (int i = 0; i < t.data().length; i++) {
            cross += stats.sigma31().data()[i] * t.data()[i];
            quad += ts.data()[i] * t.data()[i];
        }
        return 0.5 * quad - cross;
    }

    @Test
    void eq13IsTheNegativeGradientOfHalfTheLossByFiniteDifferences() {
        UniformRandomProvider rng = RandomStreams.INIT.stream(5);
        Network net = new Network(new int[] {4, 3, 5, 2});
        Matrix a = Orthogonal.gaussian(6, 4, 1, rng);
        Statistics stats = new Statistics(a.transposeTimes(a), Orthogonal.gaussian(2, 4, 1, rng), false);
        List<Matrix> w = new ArrayList<>();
        for (int l = 1; l <= 3; l++) {
            w.add(Orthogonal.gaussian(net.width(l), net.width(l - 1), 0.7, rng));
        }
        Gradient gradient = new Gradient(net, stats);
        double[][] arrays = w.stream().map(Matrix::data).toArray(double[][]::new);
        double[][] g = gradient.newWeightArrays();
        gradient.compute(arrays, g);
        double h = 1e-6;
        double worst = 0;
        for (int l = 0; l < 3; l++) {
            for (int i = 0; i < arrays[l].length; i++) {
                double keep = arrays[l][i];
                arrays[l][i] = keep + h;
                double up = halfLoss(w, stats);
                arrays[l][i] = keep - h;
                double down = halfLoss(w, stats);
                arrays[l][i] = keep;
                worst = Math.max(worst, Math.abs(-(up - down) / (2 * h) - g[l][i]));
            }
        }
        assertThat(worst).as("central differences, h = 1e-6: truncation ~1e-12, cancellation ~1e-10").isLessThan(1e-7);
        // Negative control: the gradient of another layer's ordering is not the gradient.
        assertThat(Math.abs(g[0][0] - g[0][1]) + Math.abs(g[2][0] - g[2][1])).isGreaterThan(1e-3);
    }

    @Test
    void decoupledInitIsDiagonalInTheFramesWithCompositeStrengthU0() {
        Network net = new Network(new int[] {6, 4, 7, 5});
        InitialState start = Initialiser.initialise(net, TASK, Initialisation.Decoupled.balanced(1e-3), 9);
        InitialState.Frames frames = start.frames().orElseThrow();
        assertThat(frames.modes()).isEqualTo(4);
        for (int l = 0; l < 3; l++) {
            Matrix d = frames.columns().get(l + 1).transposeTimes(start.weights().get(l)).times(frames.columns().get(l));
            assertThat(d.offDiagonalFrobenius()).isLessThan(ROUND_OFF);
            for (double v : d.diagonal()) {
                assertThat(v).isCloseTo(0.1, within(ROUND_OFF));
            }
        }
        Matrix modes = TASK.svd().u().transposeTimes(Network.total(start.weights())).times(TASK.svd().v());
        for (int a = 0; a < 5; a++) {
            assertThat(modes.get(a, a)).isCloseTo(a < 4 ? 1e-3 : 0, within(ROUND_OFF));
        }
        assertThat(modes.offDiagonalFrobenius()).isLessThan(ROUND_OFF);
        InitialState again = Initialiser.initialise(net, TASK, Initialisation.Decoupled.balanced(1e-3), 9);
        assertThat(again.weights()).isEqualTo(start.weights());
        assertThat(Initialiser.initialise(net, TASK, Initialisation.Decoupled.balanced(1e-3), 10).weights().get(1))
                .as("hidden frames are random").isNotEqualTo(start.weights().get(1));
    }

    @Test
    void unbalancedDecoupledInitHasTheImbalance() {
        Network net = new Network(new int[] {6, 3, 5});
        InitialState start = Initialiser.initialise(net, TASK, new Initialisation.Decoupled(0.2, 0.5), 1);
        double[][] a = start.frames().orElseThrow().strength();
        assertThat(a[0][0] * a[1][0]).isCloseTo(0.2, within(ROUND_OFF));
        assertThat(a[0][0] * a[0][0] - a[1][0] * a[1][0]).isCloseTo(0.5, within(ROUND_OFF));
        assertThatThrownBy(() -> Initialiser.initialise(new Network(new int[] {6, 3, 3, 5}), TASK,
                new Initialisation.Decoupled(0.2, 0.5), 1)).hasMessageContaining("model.imbalance");
    }

    @Test
    void orthogonalAndScaledGaussianInits() {
        Network net = new Network(new int[] {6, 6, 6, 6, 5});
        InitialState orth = Initialiser.initialise(net, TASK, new Initialisation.RandomOrthogonal(1), 2);
        for (int l = 0; l < 3; l++) {
            Matrix w = orth.weights().get(l);
            assertThat(w.transposeTimes(w).minus(Matrix.identity(6)).frobenius()).isLessThan(ROUND_OFF);
        }
        double[] sv = new SingularValueDecomposition(Network.total(orth.weights()).toReal()).getSingularValues();
        for (double s : sv) {
            assertThat(s).as("a product of orthogonal matrices is orthogonal (prediction 20)").isCloseTo(1, within(ROUND_OFF));
        }
        Network wide = new Network(new int[] {6, 400, 5});
        Task task = TASK;
        Matrix w = Initialiser.initialise(wide, task, new Initialisation.ScaledGaussian(), 4).weights().get(1);
        double var = 0;
        for (double v : w.data()) {
            var += v * v;
        }
        assertThat(var / w.data().length).as("variance 1/fan-in = 1/400, 2000 entries").isCloseTo(1 / 400.0, within(0.25 / 400));
    }

    @Test
    void greedyPretrainingFindsTheTopPrincipalSubspace() {
        UniformRandomProvider rng = RandomStreams.DATA.stream(8);
        Matrix rot = Orthogonal.haar(5, rng);
        Matrix sigma11 = rot.times(Matrix.diagonal(5, 5, new double[] {4, 3, 2, 0.5, 0.2})).timesTranspose(rot);
        Matrix x = rot.times(Matrix.diagonal(5, 5, new double[] {2, Math.sqrt(3), Math.sqrt(2), Math.sqrt(0.5), Math.sqrt(0.2)}))
                .transpose();
        Task task = Task.fromSamples("correlated inputs", x, Orthogonal.gaussian(5, 2, 1, rng));
        assertThat(task.statistics().sigma11().minus(sigma11).frobenius()).isLessThan(1e-12);
        Network net = new Network(new int[] {5, 3, 2});
        Matrix top = rot.leadingColumns(3);
        Matrix trained = Initialiser.initialise(net, task, new Initialisation.GreedyPretraining(0.01, 0.05, 3000), 1).weights().get(0);
        Matrix untrained = Initialiser.initialise(net, task, new Initialisation.GreedyPretraining(0.01, 0.05, 0), 1).weights().get(0);
        assertThat(outside(trained, top) / trained.frobenius()).as("rows in the top-3 eigenspace of Σ11").isLessThan(1e-3);
        assertThat(outside(untrained, top) / untrained.frobenius()).as("negative control: no training").isGreaterThan(0.2);
        // The trained autoencoder's encoder-decoder product is the projection: its encoder has singular values of order 1.
        double[] s = new EigenDecompositionSymmetric(trained.timesTranspose(trained).toReal()).getEigenvalues();
        assertThat(s[2]).isGreaterThan(0.1);
    }

    /** Norm of the part of w's rows outside the span of the columns of {@code basis}. */
    private static double outside(Matrix w, Matrix basis) {
        return w.minus(w.times(basis).timesTranspose(basis)).frobenius();
    }

    @Test
    void badShapesAreRefused() {
        assertThatThrownBy(() -> new Network(new int[] {3})).hasMessageContaining("model.widths").hasMessageContaining("at least 2");
        assertThatThrownBy(() -> new Network(new int[] {3, 0, 2})).hasMessageContaining("model.widths").hasMessageContaining("layer 2");
        assertThatThrownBy(() -> Initialiser.initialise(new Network(new int[] {5, 3, 5}), TASK, new Initialisation.ScaledGaussian(), 1))
                .hasMessageContaining("do not chain").hasMessageContaining("input dimension 6");
        assertThatThrownBy(() -> Initialisation.Decoupled.balanced(0)).hasMessageContaining("model.u0");
        assertThatThrownBy(() -> new Initialisation.SmallGaussian(-1)).hasMessageContaining("model.init_std");
    }
}
