package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.core.symbolic.SymbolicCheckResult;
import org.theorycheck.theories.scansnap.symbolic.ScanSnapSymbolicChecks;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Quantities;
import org.theorycheck.core.claims.Quantity;
import org.theorycheck.core.claims.SymbolicChecks;

import java.util.List;
import java.util.Set;

/** The quantities that the Scan and Snap claim files can name. */
public final class ScanSnapQuantities {

    /** The rungs whose trajectories carry every logit (the closed forms leave distinct tokens undetermined). */
    static final Set<String> TRAJECTORY_RUNGS = Set.of("transformer", "sgd", "map", "flow", "reduced");

    private ScanSnapQuantities() {}

    /** The registry the bundled claims are checked with. */
    public static Quantities registry() {
        return new Quantities(all(), new SymbolicChecks() {
            @Override
            public List<String> ids() {
                return ScanSnapSymbolicChecks.ids();
            }

            @Override
            public Measurement run(String id) {
                SymbolicCheckResult r = ScanSnapSymbolicChecks.run(id);
                String how = r.method().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
                return switch (r.decision()) {
                    case ESTABLISHED -> Measurement.decision(true, "holds by " + how + ": " + r.detail(), "", how);
                    case REFUTED -> Measurement.decision(false, "refuted by " + how + ": " + r.detail(), r.detail(), how);
                    case UNDECIDED -> Measurement.decision(null, "undecided by " + how + ": " + r.detail(), "", how);
                };
            }
        });
    }

    public static List<Quantity> all() {
        return List.of(new RowSumDrift(), new LogitDirection(), new FrequencyOrder(), new RelativeGainIdentity(),
                new EntropyFloor(), new LearningRateSparsityTrend(),
                new DecoderConvergence(), new FiniteContextConcentration(), new GradientFiniteDifference(),
                new SandwichBound(), new SnapTimeScaling(), new SnapLevel(), new DiscreteContinuousGap(),
                new SpeedControlStages(), new ClosedFormAccuracy(), new CorrelatedDecoder(), new RungGap(), new EffectiveZAgreement(),
                new AttentionSparsity(), new AttentionFreeze(), new EntropyVersusRate());
    }
}
