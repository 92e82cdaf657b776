package org.theorycheck.config;

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
 */
public record TrainSpec(Optimizer optimizer, double momentum, double etaZ, double etaY, int batch, int steps,
                        int recordEvery) {

    public enum Optimizer { SGD, ADAM }

    /** ν = η_Y / η_Z of Theorem 4. */
    public double etaRatio() {
        return etaY / etaZ;
    }
}
