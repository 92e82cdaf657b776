package org.theorycheck.core.ladder;

import org.theorycheck.core.experiment.Experiment;

import java.nio.file.Path;
import java.util.function.DoubleConsumer;

/**
 * A rung whose runs are long enough to keep a checkpoint: {@code train} gives it its output directory,
 * and a run killed midway and started again with the same directory goes on from the checkpoint and
 * gives what an uninterrupted run gives, bit for bit. ({@link #discardCheckpoint} first, to start over.)
 *
 * @param <E> the theory's experiment type
 * @param <T> the theory's trace type
 */
public interface Resumable<E extends Experiment, T extends Trace> {

    /**
     * The step a run of this experiment and seed would resume from in {@code dir}: that of the checkpoint a
     * killed run left there, or 0 if there is none.
     *
     * @throws org.theorycheck.core.experiment.ConfigException if the checkpoint there is of another run, naming
     *                                                         what differs
     */
    long resumesFrom(E experiment, long seed, Path dir);

    /**
     * Runs as {@link Rung#run(Experiment, long, DoubleConsumer)} does, saving checkpoints in {@code dir} as it
     * goes and starting from the one a killed run left there ({@link #resumesFrom}).
     */
    T run(E experiment, long seed, Path dir, DoubleConsumer progress);

    /** Deletes the checkpoint in {@code dir}, once the run's outputs are safely written. */
    void discardCheckpoint(Path dir);
}
