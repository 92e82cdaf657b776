package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.core.claims.Quantity;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.rungs.Rungs;

import java.util.List;
import java.util.Set;

/** The quantities that the Scan and Snap claim files can name. */
public final class ScanSnapQuantities {

    /** The transformer's rungs on the synthetic classes: the whole transformer and its steps down to the YZ model. */
    static final Set<String> TRANSFORMER_RUNGS = Set.copyOf(Rungs.transformerNames());

    /** The rungs whose trajectories carry every logit (the closed forms leave distinct tokens undetermined). */
    static final Set<String> TRAJECTORY_RUNGS = union(TRANSFORMER_RUNGS, Set.of("sgd", "map", "flow", "reduced"));

    private ScanSnapQuantities() {}

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

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
