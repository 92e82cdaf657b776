package org.theorycheck.theories.deeplinear.mnist;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.core.claims.Quantity;
import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.ladder.Trace;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Prediction 19, first half (Fig 4 left; App. B.1, eqs 43–45): with a decoupled start of composite strength
 * u0 and the fastest rate at each depth, the learning time saturates with depth ("very deep networks incur
 * only a finite delay"). The deviation is the least-squares slope of ln(learning time) against ln N_l over the
 * deeper half of the experiment's depths, floored at 0: 0 when the time no longer grows, 1 when it grows in
 * proportion to depth. A depth of the deeper half where no rate learns within the budget makes the check
 * INCONCLUSIVE (the time there is unknown, not infinite).
 */
final class LearningTimeSaturation<E extends Experiment, T extends Trace> implements Quantity<E, T> {

    private final DepthScans<E> scans;

    LearningTimeSaturation(DepthScans<E> scans) {
        this.scans = scans;
    }

    @Override
    public String name() {
        return "learning_time_saturation";
    }

    @Override
    public String description() {
        return "prediction 19 (Fig 4 left): slope of ln(iterations to the threshold at the fastest rate) against ln N_l over the"
                + " deeper half of the swept depths, floored at 0 (0 = saturated, 1 = proportional to depth)";
    }

    @Override
    public Set<String> rungs() {
        return Set.of("gd");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.number("remaining", 0.05, 1e-6, 0.5));
    }

    @Override
    public void requireMeasurable(E experiment) {
        scans.requireScan(experiment);
    }

    @Override
    public Measurement measure(CheckContext<E, T> context) {
        DepthScans.Scan scan = scans.of(context, context.number("remaining"));
        DepthScan.Trend trend = DepthScan.trend(scan.points(), scan.topSingularValue());
        String text = String.format(Locale.ROOT, "slope of ln(iterations) vs ln N_l over depths %s: %s (iterations at the "
                        + "fastest rate by depth: %s; %s, loss threshold %.6g)", Arrays.toString(trend.timeDepths()),
                Double.isNaN(trend.timeSlope()) ? "not measured (" + trend.why() + ")"
                        : String.format(Locale.ROOT, "%.3f", trend.timeSlope()),
                DepthScan.describe(scan.points()), scan.task(), scan.threshold());
        if (Double.isNaN(trend.timeSlope())) {
            return DepthScans.notMeasured(text);
        }
        return Measurement.of(trend.timeSlope(), text, Math.max(0, trend.timeSlope()), DepthScans.steepest(scan.points(),
                trend.timeDepths()));
    }
}
