package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.core.claims.Quantity;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;

import java.util.List;
import java.util.Set;

/** The quantities that the Scan and Snap claim files can name. */
public final class ScanSnapQuantities {

    /** The rungs whose trajectories carry every logit (the closed forms leave distinct tokens undetermined). */
    static final Set<String> TRAJECTORY_RUNGS = Set.of("transformer", "sgd", "map", "flow", "reduced");

    private ScanSnapQuantities() {}

    /** Every quantity the Scan and Snap claim files can name. */
    public static List<Quantity<ExperimentConfig, ScanSnapTrace>> all() {
        return List.of(new RowSumDrift(), new LogitDirection(), new FrequencyOrder(), new RelativeGainIdentity(),
                new EntropyFloor(), new LearningRateSparsityTrend(),
                new DecoderConvergence(), new FiniteContextConcentration(), new GradientFiniteDifference(),
                new SandwichBound(), new SnapTimeScaling(), new SnapLevel(), new DiscreteContinuousGap(),
                new SpeedControlStages(), new ClosedFormAccuracy(), new CorrelatedDecoder(), new RungGap(), new EffectiveZAgreement(),
                new AttentionSparsity(), new AttentionFreeze(), new EntropyVersusRate());
    }
}
