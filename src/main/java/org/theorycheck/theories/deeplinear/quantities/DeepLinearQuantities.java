package org.theorycheck.theories.deeplinear.quantities;

import java.util.ArrayList;
import java.util.List;

import org.theorycheck.core.claims.Quantity;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.mnist.DepthScanReading;
import org.theorycheck.theories.deeplinear.mnist.MnistQuantities;
import org.theorycheck.theories.deeplinear.network.Initialisation;
import org.theorycheck.theories.deeplinear.task.Task;

/** The quantities deep-linear claim files may name, by the predictions of the reference's §6 they measure. */
public final class DeepLinearQuantities {

    private DeepLinearQuantities() {}

    /** Fresh instances of every quantity. */
    public static List<Quantity<DeepLinearExperiment, DeepLinearTrace>> all() {
        List<Quantity<DeepLinearExperiment, DeepLinearTrace>> all = new ArrayList<>(List.of(
                new RungGap(),
                new ClosedForm(),
                new HalfTime(),
                new InverseSScaling(),
                new StrongerFirst(),
                new Sigmoid(),
                new ConservedDrift(),
                new GdInvariantStep(),
                new ManifoldInvariance(),
                new DiscreteMap(),
                new BestRankConvergence(),
                new EnergyDecrease(),
                new EnergyGradient(),
                new LargeDepthApproximation(),
                new HessianEigenvalue(),
                new OptimisedRateDelay(),
                new ContinuousDepthSpeedup(),
                new DepthLearningTime(),
                new ProductSpectrum(),
                new TaskAlignment(),
                new CriticalGain(),
                new VarianceSimulation()));
        all.addAll(MnistQuantities.all(SWEPT_DEPTH));
        return List.copyOf(all);
    }

    /**
     * Prediction 19's scans read a deep-linear experiment that sweeps {@code model.depth}: its task, the width of
     * its hidden layers, its start, {@code train.rates} and {@code train.steps} as the budget of a rate.
     */
    private static final DepthScanReading<DeepLinearExperiment> SWEPT_DEPTH = new DepthScanReading<>() {
        @Override
        public String depthKey() {
            return "model.depth";
        }

        @Override
        public Task task(DeepLinearExperiment e) {
            return e.run().task().build();
        }

        @Override
        public int depth(DeepLinearExperiment e) {
            return e.run().network().depth();
        }

        @Override
        public int hidden(DeepLinearExperiment e) {
            return e.run().network().width(1);
        }

        @Override
        public Initialisation init(DeepLinearExperiment e) {
            return e.run().init();
        }

        @Override
        public double[] rates(DeepLinearExperiment e) {
            return e.rates();
        }

        @Override
        public int maxIterations(DeepLinearExperiment e) {
            return e.steps() > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) e.steps();
        }
    };
}
