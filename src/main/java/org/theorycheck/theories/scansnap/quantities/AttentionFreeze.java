package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;

import java.util.List;
import java.util.Set;

/**
 * Fig. 7's second half on real text: the lowest layer's attention freezes although the learning rate
 * stays constant. By {@code measure: rate}, its change rate in the last quarter of the run must be at most
 * {@code ratio} times its largest rate in the first quarter; by {@code measure: maps}, the layer-0 map of
 * the mapped window must move at most {@code ratio} times as much between the run's last two thirds'
 * ends as between iteration 0 and T/3 (Fig. 7's 1000 → 1500 against 0 → 500). Definitions and the snap
 * iteration: {@link LowestLayerSnap}. Deviation per seed: max(0, ln(late / (ratio · early))), a factor
 * on a log scale.
 */
final class AttentionFreeze implements ScanSnapQuantity {

    @Override
    public String name() {
        return "attention_freeze";
    }

    @Override
    public String description() {
        return "real text: max(0, ln(late / (ratio * early))) of the lowest layer's attention change rate (measure: rate) "
                + "or map displacement (measure: maps)";
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
        return List.of(Parameter.positive("ratio", LowestLayerSnap.FAR_BELOW, 1), Parameter.choice("measure", "rate", "rate", "maps"));
    }

    @Override
    public Measurement measure(CheckContext<ExperimentConfig, ScanSnapTrace> context) {
        double ratio = context.number("ratio");
        boolean byRate = context.text("measure").equals("rate");
        List<Long> seeds = context.seeds();
        double[] dev = new double[seeds.size()];
        double[] late = new double[seeds.size()];
        String worst = "";
        for (int s = 0; s < seeds.size(); s++) {
            LowestLayerSnap snap = LowestLayerSnap.of(ScanSnapQuantity.textRun(context, context.config(), seeds.get(s)), ratio);
            late[s] = byRate ? snap.lateRate() / snap.earlyRate() : snap.lateMapChange() / snap.earlyMapChange();
            dev[s] = Math.max(0, byRate ? snap.rateExcess() : snap.mapExcess());
            if (dev[s] >= Stats.max(java.util.Arrays.copyOf(dev, s + 1))) {
                int[] m = snap.mapSteps();
                worst = "seed " + seeds.get(s) + (byRate
                        ? ": change rate " + Fmt.n(snap.earlyRate()) + " early, " + Fmt.n(snap.lateRate()) + " late per iteration, "
                        + (snap.snapIteration() < 0 ? "no snap" : "snap at iteration " + snap.snapIteration())
                        : ": map moved " + Fmt.n(snap.earlyMapChange()) + " over iterations " + m[0] + "-" + m[1] + ", "
                        + Fmt.n(snap.lateMapChange()) + " over " + m[2] + "-" + m[3]);
            }
        }
        return new Measurement(Stats.max(late), "late/early " + (byRate ? "change rate" : "map change") + " of the lowest layer, at most "
                + Fmt.n(Stats.max(late)) + " (predicted <= " + Fmt.n(ratio) + ")" + Fmt.seeds(seeds.size()), dev, worst);
    }
}
