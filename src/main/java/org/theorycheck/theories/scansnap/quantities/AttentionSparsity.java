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
 * Fig. 7's first half on real text: the lowest layer's attention becomes sparse. Its mean attention
 * entropy at the end of the run must have fallen to at most {@code fraction} of its value at iteration 0
 * ({@link LowestLayerSnap}). Deviation per seed: max(0, ln(H_end / (fraction · H_0))), a factor on a log
 * scale.
 */
final class AttentionSparsity implements ScanSnapQuantity {

    @Override
    public String name() {
        return "attention_sparsity";
    }

    @Override
    public String description() {
        return "real text: max(0, ln(final / (fraction * initial))) of the lowest layer's mean attention entropy";
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
        return List.of(Parameter.number("fraction", 0.5, Parameter.POSITIVE, 1));
    }

    @Override
    public Measurement measure(CheckContext<ExperimentConfig, ScanSnapTrace> context) {
        double fraction = context.number("fraction");
        WorstCase worst = WorstCase.lastOfTies();
        DoubleStream.Builder ratios = DoubleStream.builder();
        double[] dev = PerSeed.measure(context, TextTrace.class, (seed, trace) -> {
            LowestLayerSnap snap = LowestLayerSnap.of(trace.records(), LowestLayerSnap.FAR_BELOW);
            ratios.add(snap.finalEntropy() / snap.initialEntropy());
            double d = Math.max(0, snap.sparsityExcess(fraction));
            worst.offer(d, () -> "seed " + seed + ": entropy " + Format.number(snap.initialEntropy()) + " -> "
                    + Format.number(snap.finalEntropy()) + " nats");
            return d;
        });
        double highest = Stats.max(ratios.build().toArray());
        return new Measurement(highest, "final/initial lowest-layer entropy, at most " + Format.number(highest)
                + " (predicted <= " + Format.number(fraction) + ")" + Format.seeds(dev.length), dev, worst.description());
    }
}
