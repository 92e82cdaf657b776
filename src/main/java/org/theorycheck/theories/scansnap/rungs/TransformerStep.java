package org.theorycheck.theories.scansnap.rungs;

import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.experiment.TransformerFeatures;
import org.theorycheck.theories.scansnap.experiment.TransformerFeatures.Feature;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.torch.SyntheticClassesRun;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * A step of the ladder between the real transformer and the YZ model: the experiment's transformer with the
 * features of {@link Feature} switched off up to and including one, in the enum's order, each step dropping
 * one more. The last step has none left: the YZ model computed by the transformer's code, which agrees with
 * rung sgd up to rounding. Reading the ladder's verdicts from the whole transformer down, the column where a
 * prediction starts to hold names the feature whose removal made it hold.
 *
 * <p>A step sets the switches itself, so it runs an experiment whose transformer has every feature on (its
 * sizes, rates and seeds are the experiment's), on the synthetic classes.
 */
public final class TransformerStep implements Rung<ExperimentConfig, ScanSnapTrace> {

    private final String name;
    private final Feature dropped;
    private final TransformerFeatures features;

    private TransformerStep(String name, Feature dropped, TransformerFeatures features) {
        this.name = name;
        this.dropped = dropped;
        this.features = features;
    }

    /** The steps below the whole transformer, top first: one per feature, each without it and every feature above it. */
    static List<TransformerStep> all() {
        List<TransformerStep> steps = new ArrayList<>();
        TransformerFeatures f = TransformerFeatures.ALL;
        for (Feature feature : Feature.values()) {
            f = f.without(feature);
            steps.add(new TransformerStep(name(feature), feature, f));
        }
        return steps;
    }

    /** The rung's name after the feature it drops: the last, which leaves the YZ model, is {@code torch-yz}. */
    private static String name(Feature f) {
        return switch (f) {
            case FEED_FORWARD -> "no-ffn";
            case LAYER_NORM -> "no-ln";
            case RESIDUAL -> "no-residual";
            case DECODER_BIAS -> "no-bias";
            case VALUE_OUTPUT -> "identity-vo";
            case EMBEDDING -> "one-hot";
            case FACTORED -> "free-z";
            case INIT -> "torch-yz";
        };
    }

    @Override
    public String name() {
        return name;
    }

    /** The feature this step drops (those of the steps above it are off too). */
    public Feature dropped() {
        return dropped;
    }

    /** The features still on at this step. */
    public TransformerFeatures features() {
        return features;
    }

    @Override
    public void requireApplicable(ExperimentConfig config) {
        config.requireSynthetic("rung " + name);
        if (config.transformer() == null) {
            throw new ConfigException(config.source(), 0, "rung", "rung " + name + " drops features from the experiment's "
                    + "transformer; give the experiment rung: transformer and a transformer: section");
        }
        for (Feature f : Feature.values()) {
            if (!config.transformer().features().has(f)) {
                throw new ConfigException(config.source(), 0, f.key(), "rung " + name + " sets the transformer's switches "
                        + "itself, from every feature on; remove " + f.key() + " or run the experiment on rung transformer");
            }
        }
    }

    @Override
    public Trajectory run(ExperimentConfig config, long seed) {
        return run(config, seed, step -> { });
    }

    @Override
    public Trajectory run(ExperimentConfig config, long seed, DoubleConsumer progress) {
        requireApplicable(config);
        return SyntheticClassesRun.run(name, config.withTransformer(config.transformer().with(features)), seed, progress::accept);
    }
}
