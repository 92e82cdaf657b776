package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Format;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.core.claims.SpearmanTrend;
import org.theorycheck.core.stats.Stats;
import org.theorycheck.core.sweep.SweepPlan;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.model.Trajectory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fig. 6's learning-rate trends (Theorem 4's insights): over the experiment's sweep grid, the final
 * distinct-token entropy should fall as {@code train.eta_z} grows (fixed η_Y/η_Z), and rise with
 * {@code train.eta_ratio} past ≈ 2 (fixed η_Z). The grid is split into groups that fix every swept key
 * but the one named by {@code along}; within a group, ρ is Spearman's correlation between that key's
 * value and the per-seed entropies (values below {@code from} left out). Deviation per group:
 * (1 + ρ)/2 when the predicted {@code direction} is a decrease, (1 − ρ)/2 for an increase — 0 for a
 * perfectly monotone trend, ½ for none, 1 for the opposite. Groups are the replicates.
 */
final class LearningRateSparsityTrend implements ScanSnapQuantity {

    @Override
    public String name() {
        return "lr_sparsity_trend";
    }

    @Override
    public String description() {
        return "per group of the sweep grid, (1 -/+ Spearman(value of along, final distinct entropy))/2, "
                + "values below from left out";
    }

    @Override
    public Set<String> rungs() {
        return ScanSnapQuantities.union(ScanSnapQuantities.TRANSFORMER_RUNGS, Set.of("sgd", "map"));
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.sweptKey("along", "train.eta_z"), Parameter.choice("direction", "decrease", "decrease", "increase"),
                Parameter.number("from", Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
    }

    @Override
    public Measurement measure(CheckContext<ExperimentConfig, ScanSnapTrace> context) {
        String along = context.text("along");
        boolean decrease = context.text("direction").equals("decrease");
        double from = context.number("from");
        SweepPlan<ExperimentConfig> plan = context.sweepPlan();
        Map<String, List<double[]>> groups = new LinkedHashMap<>();
        List<Trajectory> runs = new ArrayList<>();
        for (SweepPlan.Cell<ExperimentConfig> cell : plan.cells()) {
            double value = Double.parseDouble(cell.values().get(along));
            if (value < from) {
                continue;
            }
            Map<String, String> rest = new LinkedHashMap<>(cell.values());
            rest.remove(along);
            List<double[]> points = groups.computeIfAbsent("group " + rest, k -> new ArrayList<>());
            for (long seed : cell.config().seeds()) {
                Trajectory t = context.trace(context.rung(), cell.config(), seed, Trajectory.class);
                points.add(new double[] {value, t.distinctEntropy(t.size() - 1)});
                runs.add(t);
            }
        }
        SpearmanTrend trend = SpearmanTrend.of(groups, decrease, along, "entropy");
        double[] rho = trend.rho();
        return new Measurement(Stats.mean(rho), "mean Spearman(" + along + ", entropy) " + Format.number(Stats.mean(rho))
                + " over " + groups.size() + " groups (predicted " + (decrease ? "< 0" : "> 0") + ")", trend.deviation(), trend.worst())
                .withMovement(LogitMovement.of(runs));
    }
}
