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
 * Prediction 19, second half (Fig 4 right; App. B, eqs 41–42): the fastest rate of the grid scales as
 * O(1/N_l). The measured number is the least-squares slope of ln(fastest rate) against ln N_l over the depths
 * whose fastest rate lies inside the grid. With {@code against: one_over_depth} the deviation is
 * |slope + 1|, the paper's statement; with {@code against: eq41} it is |slope − slope of 1/λ1(a_opt)|, eq 41's
 * rate (N_l − 1)^{-1} s_1^{−(2N_l−4)/(N_l−1)} at the task's top singular value, over the same depths — the
 * finite-depth form whose large-depth limit is the O(1/N_l) of eq 42.
 */
final class FastestRateSlope<E extends Experiment, T extends Trace> implements Quantity<E, T> {

    private final DepthScans<E> scans;

    FastestRateSlope(DepthScans<E> scans) {
        this.scans = scans;
    }

    @Override
    public String name() {
        return "fastest_rate_slope";
    }

    @Override
    public String description() {
        return "prediction 19 (Fig 4 right): |slope of ln(fastest rate) vs ln N_l + 1| (against: one_over_depth) or its distance"
                + " to the slope eq 41's 1/λ1(a_opt) has over the same depths (against: eq41); dimensionless";
    }

    @Override
    public Set<String> rungs() {
        return Set.of("gd");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.choice("against", "one_over_depth", "one_over_depth", "eq41"),
                Parameter.number("remaining", 0.05, 1e-6, 0.5));
    }

    @Override
    public void requireMeasurable(E experiment) {
        scans.requireScan(experiment);
    }

    @Override
    public Measurement measure(CheckContext<E, T> context) {
        DepthScans.Scan scan = scans.of(context, context.number("remaining"));
        DepthScan.Trend trend = DepthScan.trend(scan.points(), scan.topSingularValue());
        boolean eq41 = context.text("against").equals("eq41");
        double reference = eq41 ? trend.eq41Slope() : -1;
        String text = String.format(Locale.ROOT, "slope of ln(fastest rate) vs ln N_l over depths %s: %s; eq 41 with s_1 = %.4g"
                        + " gives %.3f over the same depths, O(1/N_l) gives -1 (fastest rates by depth: %s; %s)",
                Arrays.toString(trend.rateDepths()), Double.isNaN(trend.rateSlope()) ? "not measured (" + trend.why() + ")"
                        : String.format(Locale.ROOT, "%.3f", trend.rateSlope()), scan.topSingularValue(), trend.eq41Slope(),
                DepthScan.describe(scan.points()), scan.task());
        if (Double.isNaN(trend.rateSlope())) {
            return DepthScans.notMeasured(text);
        }
        return Measurement.of(trend.rateSlope(), text, Math.abs(trend.rateSlope() - reference), DepthScans.ends(scan.points(),
                trend.rateDepths()));
    }
}
