package org.theorycheck.theories.deeplinear.ladder;

import java.util.function.DoubleConsumer;

import org.theorycheck.core.ladder.Rung;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.SettingException;

/**
 * A rung of the deep-linear ladder: a computation of a {@link DeepLinearRun} from a seed, which the core
 * runs on a {@link DeepLinearExperiment}. A setting the rung's equations do not describe is a
 * {@link SettingException} here and a bad-input error at the key's line of the experiment there.
 */
public abstract class DeepLinearRung implements Rung<DeepLinearExperiment, DeepLinearTrace> {

    /**
     * Runs the configuration from the seed's initial weights: same (run, seed), same bits. {@code progress}
     * is told the step of every record.
     *
     * @throws SettingException if the rung cannot run this configuration (it names the key)
     * @throws org.theorycheck.core.ladder.DivergenceException if the state leaves the range of numbers
     */
    public abstract DeepLinearTrace run(DeepLinearRun run, long seed, DoubleConsumer progress);

    /** As {@link #run(DeepLinearRun, long, DoubleConsumer)}, reporting no progress. */
    public DeepLinearTrace run(DeepLinearRun run, long seed) {
        return run(run, seed, t -> { });
    }

    /**
     * Throws a {@link SettingException} naming the key if the rung's equations do not describe the run (a
     * depth, inputs that are not white, a start outside what a closed form allows); none by default.
     */
    public void requireApplicable(DeepLinearRun run) {
    }

    @Override
    public final DeepLinearTrace run(DeepLinearExperiment experiment, long seed) {
        return run(experiment, seed, t -> { });
    }

    @Override
    public final DeepLinearTrace run(DeepLinearExperiment experiment, long seed, DoubleConsumer progress) {
        try {
            return run(experiment.run(), seed, progress);
        } catch (SettingException e) {
            throw experiment.error(e);
        }
    }

    @Override
    public final void requireApplicable(DeepLinearExperiment experiment) {
        try {
            requireApplicable(experiment.run());
        } catch (SettingException e) {
            throw experiment.error(e);
        }
    }
}
