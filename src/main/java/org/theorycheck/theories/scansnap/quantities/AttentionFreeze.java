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
import org.theorycheck.theories.scansnap.torch.TextTrace;

import java.util.List;
import java.util.Set;
import java.util.stream.DoubleStream;

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
        WorstCase worst = WorstCase.lastOfTies();
        DoubleStream.Builder lateShares = DoubleStream.builder();
        double[] dev = PerSeed.measure(context, TextTrace.class, (seed, trace) -> {
            LowestLayerSnap snap = LowestLayerSnap.of(trace.records(), ratio);
            lateShares.add(byRate ? snap.lateRate() / snap.earlyRate() : snap.lateMapChange() / snap.earlyMapChange());
            double d = Math.max(0, byRate ? snap.rateExcess() : snap.mapExcess());
            int[] m = snap.mapSteps();
            worst.offer(d, () -> "seed " + seed + (byRate
                    ? ": change rate " + Format.number(snap.earlyRate()) + " early, " + Format.number(snap.lateRate())
                    + " late per iteration, " + (snap.snapIteration() < 0 ? "no snap" : "snap at iteration " + snap.snapIteration())
                    : ": map moved " + Format.number(snap.earlyMapChange()) + " over iterations " + m[0] + "-" + m[1] + ", "
                    + Format.number(snap.lateMapChange()) + " over " + m[2] + "-" + m[3]));
            return d;
        });
        double late = Stats.max(lateShares.build().toArray());
        return new Measurement(late, "late/early " + (byRate ? "change rate" : "map change") + " of the lowest layer, at most "
                + Format.number(late) + " (predicted <= " + Format.number(ratio) + ")" + Format.seeds(dev.length), dev,
                worst.description());
    }
}
