package org.theorycheck.theories.decay;

import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.experiment.SweepAxis;

import java.util.List;

/**
 * An experiment of the exponential-decay theory: a "network" of one weight w, fitted to targets
 * y = w* x from inputs x ~ N(0, 1) by minibatch SGD on the loss ½(w x − y)².
 *
 * @param target w*
 * @param start  w(0)
 * @param rate   the learning rate η
 * @param batch  samples per SGD step
 * @param steps  SGD steps
 */
record DecayExperiment(String name, String source, List<Long> seeds, List<SweepAxis> sweep, String rung, String fingerprint,
                       double target, double start, double rate, int batch, long steps) implements Experiment {
}
