package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;

import java.util.List;
import java.util.Set;

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
        List<Long> seeds = context.seeds();
        double[] dev = new double[seeds.size()];
        double[] ratio = new double[seeds.size()];
        String worst = "";
        for (int s = 0; s < seeds.size(); s++) {
            LowestLayerSnap snap = LowestLayerSnap.of(ScanSnapQuantity.textRun(context, context.config(), seeds.get(s)), LowestLayerSnap.FAR_BELOW);
            ratio[s] = snap.finalEntropy() / snap.initialEntropy();
            dev[s] = Math.max(0, snap.sparsityExcess(fraction));
            if (dev[s] >= Stats.max(java.util.Arrays.copyOf(dev, s + 1))) {
                worst = "seed " + seeds.get(s) + ": entropy " + Fmt.n(snap.initialEntropy()) + " -> " + Fmt.n(snap.finalEntropy()) + " nats";
            }
        }
        return new Measurement(Stats.max(ratio), "final/initial lowest-layer entropy, at most " + Fmt.n(Stats.max(ratio))
                + " (predicted <= " + Fmt.n(fraction) + ")" + Fmt.seeds(seeds.size()), dev, worst);
    }
}
