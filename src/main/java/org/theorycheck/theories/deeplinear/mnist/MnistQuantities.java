package org.theorycheck.theories.deeplinear.mnist;

import org.theorycheck.core.claims.Quantity;
import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.ladder.Trace;

import java.util.List;

/**
 * The quantities of prediction 19 (learning time and fastest rate against depth, Fig 4; App. C), for the
 * theory's list of quantities. They share their scans: the two checks of one experiment compute it once.
 */
public final class MnistQuantities {

    private MnistQuantities() {}

    /** {@code learning_time_saturation} and {@code fastest_rate_slope}, reading experiments as {@code reading} says. */
    public static <E extends Experiment, T extends Trace> List<Quantity<E, T>> all(DepthScanReading<E> reading) {
        DepthScans<E> scans = new DepthScans<>(reading);
        return List.of(new LearningTimeSaturation<>(scans), new FastestRateSlope<>(scans));
    }
}
