package org.theorycheck.theory.scansnap;

import org.apache.commons.rng.UniformRandomProvider;
import org.theorycheck.config.ExperimentConfig;
import org.theorycheck.data.SequenceClasses;
import org.theorycheck.data.SyntheticFamily;
import org.theorycheck.model.ExpectedGradient;
import org.theorycheck.model.Trajectory;
import org.theorycheck.model.YZGradient;
import org.theorycheck.model.YZModel;
import org.theorycheck.theory.Rung;
import org.theorycheck.train.SgdRun;
import org.theorycheck.train.Trainer;

import java.util.function.DoubleConsumer;

/**
 * Rung 2, the deterministic twin of SGD: the same optimiser, momentum and step count, but every step
 * uses the exact expectation of the gradient over classes in the T → ∞ limit (Lemma 2), i.e. c_n in
 * place of the sampled attention. The same seed gives the same initialisation as the SGD run.
 */
public final class ExpectedGradientMap implements Rung {

    @Override
    public String name() {
        return "map";
    }

    @Override
    public Trajectory run(ExperimentConfig config, long seed) {
        return run(config, seed, step -> { });
    }

    @Override
    public Trajectory run(ExperimentConfig config, long seed, DoubleConsumer progress) {
        SequenceClasses classes = SyntheticFamily.build(config.data());
        UniformRandomProvider rng = SgdRun.stream(seed);
        YZModel model = YZModel.initial(classes.vocabulary(), config.model(), rng);
        ExpectedGradient expected = new ExpectedGradient(classes, new YZGradient(classes.vocabulary(),
                config.model().normalize(), config.model().residual()));
        return Trainer.train(name(), classes, model, config.train(),
                expected::accumulate, progress::accept);
    }
}
