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
import org.theorycheck.theories.scansnap.torch.TextRun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Paper Fig. 10 (Appendix G) on real text: the lowest layer's final mean attention entropy is lower at a
 * larger learning rate. Over the experiment's grid, for each seed and each group of cells that fix every
 * swept key but {@code along}, ρ is Spearman's correlation between that key's value and the final
 * lowest-layer entropy. Deviation per replicate: (1 + ρ)/2 — 0 for an entropy that falls strictly with the
 * rate, ½ for no trend, 1 for one that rises — as in {@code lr_sparsity_trend}. Seeds are the replicates.
 */
final class EntropyVersusRate implements ScanSnapQuantity {

    @Override
    public String name() {
        return "entropy_vs_rate";
    }

    @Override
    public String description() {
        return "real text: per seed and group of the grid, (1 + Spearman(value of along, final lowest-layer entropy))/2";
    }

    @Override
    public Set<String> rungs() {
        return Set.of("transformer");
    }

    @Override
    public boolean readsText() {
        return true;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.sweptKey("along", "train.eta_z"));
    }

    @Override
    public Measurement measure(CheckContext<ExperimentConfig, ScanSnapTrace> context) {
        String along = context.text("along");
        SweepPlan<ExperimentConfig> plan = context.sweepPlan();
        Map<String, List<double[]>> replicates = new LinkedHashMap<>();
        for (SweepPlan.Cell<ExperimentConfig> cell : plan.cells()) {
            double value = Double.parseDouble(cell.values().get(along));
            Map<String, String> rest = new LinkedHashMap<>(cell.values());
            rest.remove(along);
            for (long seed : cell.config().seeds()) {
                List<TextRun.Record> records = ScanSnapQuantity.textRun(context, cell.config(), seed);
                double entropy = records.get(records.size() - 1).entropy()[0];
                replicates.computeIfAbsent("seed " + seed + (rest.isEmpty() ? "" : " " + rest), k -> new ArrayList<>())
                        .add(new double[] {value, entropy});
            }
        }
        SpearmanTrend trend = SpearmanTrend.of(replicates, true, along, "entropy");
        double[] rho = trend.rho();
        return new Measurement(Stats.mean(rho), "mean Spearman(" + along + ", final lowest-layer entropy) "
                + Format.number(Stats.mean(rho))
                + " over " + replicates.size() + " seeds and groups (predicted < 0)", trend.deviation(), trend.worst());
    }
}
