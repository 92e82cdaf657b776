package org.theorycheck.verify.scansnap;

import org.theorycheck.verify.Measurement;
import org.theorycheck.verify.Quantities;
import org.theorycheck.verify.Quantity;
import org.theorycheck.verify.SymbolicChecks;

import java.util.List;

/** The quantities that the Scan and Snap claim files can name. */
public final class ScanSnapQuantities {

    private ScanSnapQuantities() {}

    /** The registry the bundled claims are checked with. */
    public static Quantities registry() {
        return new Quantities(all(), new SymbolicChecks() {
            @Override
            public List<String> ids() {
                return List.of();
            }

            @Override
            public Measurement run(String id) {
                throw new IllegalArgumentException("no symbolic check " + id);
            }
        });
    }

    public static List<Quantity> all() {
        return List.of(new RowSumDrift(), new LogitDirection(), new FrequencyOrder(), new RelativeGainIdentity(),
                new EntropyFloor(), new LearningRateSparsityTrend(),
                new DecoderConvergence(), new FiniteContextConcentration(), new GradientFiniteDifference(),
                new SandwichBound(), new SnapTimeScaling(), new SnapLevel(), new DiscreteContinuousGap(),
                new SpeedControlStages(), new ClosedFormAccuracy(), new CorrelatedDecoder());
    }
}
