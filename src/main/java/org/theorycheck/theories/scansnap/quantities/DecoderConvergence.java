package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Format;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.core.claims.PerSeed;
import org.theorycheck.core.claims.WorstCase;
import org.theorycheck.core.stats.Stats;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.rungs.ContinuousTime;

import java.util.List;
import java.util.Set;

/**
 * Corollary 1: ‖e_n − α_n‖ ≤ ε after O(K/(ε η_Y) · log(M/ε)) steps. The O's constant is not given, so
 * this reads it as 1: bound = K/(ε η_Y) ln(M/ε), with η_Y the continuous-time rate η_Y/(1−μ) of
 * {@link ContinuousTime} (momentum speeds the decoder up). Measured: the first recorded step at which
 * every class has ‖e_n − α_n‖ ≤ ε (α_n at T → ∞). Deviation: max(0, steps/bound − 1), infinite if ε is
 * never reached. One replicate per seed.
 */
final class DecoderConvergence implements ScanSnapQuantity {

    @Override
    public String name() {
        return "decoder_convergence";
    }

    @Override
    public String description() {
        return "max(0, first step with max_n |e_n - alpha_n| <= epsilon, divided by K/(eps eta_Y) ln(M/eps), minus 1)";
    }

    @Override
    public Set<String> rungs() {
        return Set.of("sgd", "map", "flow");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.number("epsilon", 0.1, Parameter.POSITIVE, 1));
    }

    @Override
    public Measurement measure(CheckContext<ExperimentConfig, ScanSnapTrace> context) {
        double epsilon = context.number("epsilon");
        int k = context.config().data().classes();
        int m = context.config().data().vocabulary();
        double eta = ContinuousTime.etaY(context.config().train(), context.config().source());
        double bound = k / (epsilon * eta) * Math.log(m / epsilon);
        WorstCase slowest = WorstCase.lastOfTies();
        double[] dev = PerSeed.measure(context, Trajectory.class, (seed, t) -> {
            double reached = firstWithin(t, epsilon);
            slowest.offer(reached, () -> "seed " + seed + ": " + (Double.isInfinite(reached)
                    ? "never reached eps = " + Format.number(epsilon) + " in " + Trajectory.stepLabel(t.last().step())
                    + " steps (final max residual " + Format.number(Stats.max(t.last().decoderResidual())) + ")"
                    : "reached at step " + Trajectory.stepLabel(reached)));
            return Math.max(0, reached / bound - 1);
        });
        double latest = slowest.score();
        return new Measurement(latest, "eps = " + Format.number(epsilon) + " reached by step " + (Double.isInfinite(latest) ? "never"
                : Trajectory.stepLabel(latest)) + "; bound " + Format.number(bound) + " steps" + Format.seeds(dev.length), dev,
                slowest.description());
    }

    /** The first recorded step at which every class's decoder residual is at most epsilon; +∞ if none. */
    private static double firstWithin(Trajectory t, double epsilon) {
        for (int i = 0; i < t.size(); i++) {
            for (double r : t.at(i).decoderResidual()) {
                if (Double.isNaN(r)) {
                    // a NaN would read as "not yet within epsilon", a verdict on a number that is not there
                    throw new IllegalArgumentException("the trace holds no decoder residual of each class (runs read from "
                            + "files hold only their mean over classes), which decoder_convergence needs");
                }
            }
            if (Stats.max(t.at(i).decoderResidual()) <= epsilon) {
                return t.at(i).step();
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
