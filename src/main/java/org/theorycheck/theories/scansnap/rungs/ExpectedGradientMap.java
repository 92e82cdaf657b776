package org.theorycheck.theories.scansnap.rungs;

import org.apache.commons.rng.UniformRandomProvider;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.data.SyntheticFamily;
import org.theorycheck.theories.scansnap.model.ExpectedGradient;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.model.YZGradient;
import org.theorycheck.theories.scansnap.model.YZModel;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.theories.scansnap.experiment.ModelSpec;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.train.SgdRun;
import org.theorycheck.theories.scansnap.train.Trainer;

import java.util.function.DoubleConsumer;

/**
 * Rung 2, the deterministic twin of SGD: the same optimiser, momentum and step count, but every step
 * uses the exact expectation of the gradient over classes in the T → ∞ limit (Lemma 2), i.e. c_n in
 * place of the sampled attention. The same seed gives the same initialisation as the SGD run.
 */
public final class ExpectedGradientMap implements Rung<ExperimentConfig, ScanSnapTrace> {

    @Override
    public void requireApplicable(ExperimentConfig config) {
        config.requireSynthetic("rung " + name());
    }

    @Override
    public String name() {
        return "map";
    }

    /** Deterministic, but from a random initialisation ({@code model.init: uniform}) the seed draws it. */
    @Override
    public boolean isRandom(ExperimentConfig config) {
        return config.model().init() != ModelSpec.Init.ZERO;
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
