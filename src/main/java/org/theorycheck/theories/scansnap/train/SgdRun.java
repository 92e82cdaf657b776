package org.theorycheck.theories.scansnap.train;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.data.ContextSampler;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.data.SyntheticFamily;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.model.YZGradient;
import org.theorycheck.theories.scansnap.model.YZModel;

import java.util.function.IntConsumer;

/**
 * Rung 1 of the ladder: one run of real minibatch SGD (or Adam) on the YZ model, exactly as configured.
 * Everything random in a run (initialisation, then every minibatch) comes from one stream seeded by the
 * run's seed, so a run's numbers depend on its seed only, never on threads or other runs.
 */
public final class SgdRun {

    private SgdRun() {}

    /** The random stream of the run with this seed; its state can be saved and restored (checkpoints). */
    public static RestorableUniformRandomProvider stream(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** Trains the configured model with the given seed and returns its trajectory (rung "sgd"). */
    public static Trajectory run(ExperimentConfig config, long seed, IntConsumer onStep) {
        SequenceClasses classes = SyntheticFamily.build(config.data());
        UniformRandomProvider rng = stream(seed);
        YZModel model = YZModel.initial(classes.vocabulary(), config.model(), rng);
        return run(config, classes, model, rng, onStep);
    }

    /** Trains a given model (modified in place) on the given classes, drawing minibatches from {@code rng}. */
    public static Trajectory run(ExperimentConfig config, SequenceClasses classes, YZModel model,
                                 UniformRandomProvider rng, IntConsumer onStep) {
        ContextSampler sampler = new ContextSampler(classes, config.data().context(), rng);
        YZGradient gradient = new YZGradient(classes.vocabulary(), config.model().normalize(), config.model().residual());
        GradientSource source = new MinibatchGradient(classes, sampler, gradient, config.train().batch());
        return Trainer.train("sgd", classes, model, config.train(), source, onStep);
    }
}
