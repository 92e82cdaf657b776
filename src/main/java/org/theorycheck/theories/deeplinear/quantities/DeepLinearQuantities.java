package org.theorycheck.theories.deeplinear.quantities;

import java.util.List;

import org.theorycheck.core.claims.Quantity;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;

/** The quantities deep-linear claim files may name, by the predictions of the reference's §6 they measure. */
public final class DeepLinearQuantities {

    private DeepLinearQuantities() {}

    /** Fresh instances of every quantity. */
    public static List<Quantity<DeepLinearExperiment, DeepLinearTrace>> all() {
        return List.of(
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
                new VarianceSimulation());
    }
}
