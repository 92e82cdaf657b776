package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Format;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.core.claims.PerSeed;
import org.theorycheck.core.claims.WorstCase;
import org.theorycheck.core.stats.Stats;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.model.Trajectory;

import java.util.List;
import java.util.Set;
import java.util.stream.DoubleStream;

/**
 * The reparametrization question of paper §1.1 asked directly: does a real transformer's effective Z
 * (its first-layer logits between tokens) end where the YZ model's free Z ends, on the same classes,
 * rates and seed? {@code aspect: order}: deviation 1 − the mean over classes of the Spearman correlation,
 * over the distinct tokens of n, between the two final rows z_{ψ(n),·} (0: the same order).
 * {@code aspect: magnitude}: deviation |ln(s_T / s_YZ)| with s the standard deviation of the final
 * distinct-token logits of a class, averaged over classes (0: the same spread; ln 2 ≈ 0.69: a factor 2).
 * One replicate per seed.
 */
final class EffectiveZAgreement implements ScanSnapQuantity {

    @Override
    public String name() {
        return "effective_z_agreement";
    }

    @Override
    public String description() {
        return "final distinct-token logits of the transformer against the YZ model's: 1 - Spearman (order) or |ln spread ratio| (magnitude)";
    }

    @Override
    public Set<String> rungs() {
        return ScanSnapQuantities.TRANSFORMER_RUNGS;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.choice("reference", "sgd", "sgd", "map"),
                Parameter.choice("aspect", "order", "order", "magnitude"));
    }

    @Override
    public Measurement measure(CheckContext<ExperimentConfig, ScanSnapTrace> context) {
        String reference = context.text("reference");
        boolean order = context.text("aspect").equals("order");
        WorstCase worst = new WorstCase();
        DoubleStream.Builder headlines = DoubleStream.builder();
        double[] dev = PerSeed.measure(context, Trajectory.class, (seed, t) -> {
            Trajectory yz = context.trace(context.rung(reference), context.config(), seed, Trajectory.class);
            SequenceClasses classes = t.classes();
            double sum = 0;
            for (int n = 0; n < classes.classes(); n++) {
                int[] distinct = classes.distinctTokens(n);
                double[] a = new double[distinct.length];
                double[] b = new double[distinct.length];
                for (int i = 0; i < distinct.length; i++) {
                    a[i] = t.z(t.size() - 1, n, distinct[i]);
                    b[i] = yz.z(yz.size() - 1, n, distinct[i]);
                }
                double value = order ? Stats.spearman(a, b) : Math.log(Stats.spread(a) / Stats.spread(b));
                int cls = n;
                worst.offer(order ? 1 - value : Math.abs(value), () -> "seed " + seed + ", class " + cls + ": " + (order
                        ? "Spearman " + Format.number(value)
                        : "spread " + Format.number(Stats.spread(a)) + " (transformer) vs " + Format.number(Stats.spread(b))
                        + " (" + reference + ")"));
                sum += value;
            }
            double mean = sum / classes.classes();
            headlines.add(order ? mean : Math.exp(mean));
            return order ? 1 - mean : Math.abs(mean);
        });
        double headline = Stats.mean(headlines.build().toArray());
        String text = order
                ? "mean Spearman(z transformer, z " + reference + ") " + Format.number(headline)
                : "spread ratio transformer/" + reference + " " + Format.number(headline);
        return new Measurement(headline, text + Format.seeds(dev.length), dev, worst.description())
                .withMovement(LogitMovement.of(context.traces(Trajectory.class)));
    }
}
