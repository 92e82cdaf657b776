package org.theorycheck.theories.scansnap.experiment;

/**
 * Optimiser and schedule. Time is measured in SGD steps everywhere in the project.
 *
 * @param optimizer   SGD with PyTorch momentum, or Adam with PyTorch defaults
 * @param momentum    μ of SGD (ignored by Adam)
 * @param etaZ        learning rate of Z
 * @param etaY        learning rate of Y
 * @param batch       minibatch size
 * @param steps       number of optimiser steps
 * @param recordEvery record the state every this many steps (and at step 0 and the last step)
 * @param checkpointEvery a run on a corpus saves a checkpoint every this many steps (0: never); other runs
 *                    take seconds and keep none, so for them it is 0
 */
public record TrainSpec(Optimizer optimizer, double momentum, double etaZ, double etaY, int batch, int steps,
                        int recordEvery, int checkpointEvery) {

    public enum Optimizer { SGD, ADAM }

    /** A schedule without checkpoints. */
    public TrainSpec(Optimizer optimizer, double momentum, double etaZ, double etaY, int batch, int steps, int recordEvery) {
        this(optimizer, momentum, etaZ, etaY, batch, steps, recordEvery, 0);
    }

    /** The same schedule with another checkpoint interval (which does not change what a run computes). */
    public TrainSpec withCheckpointEvery(int every) {
        return new TrainSpec(optimizer, momentum, etaZ, etaY, batch, steps, recordEvery, every);
    }

    /** ν = η_Y / η_Z of Theorem 4. */
    public double etaRatio() {
        return etaY / etaZ;
    }
}
