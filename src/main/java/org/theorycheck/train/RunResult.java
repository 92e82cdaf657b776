package org.theorycheck.train;

import java.io.Serializable;

/**
 * The outcome of one sweep run at its last step.
 *
 * @param cell            index of its grid cell
 * @param seed            its seed
 * @param distinctEntropy mean distinct-token entropy (nats)
 * @param loss            loss of the last minibatch (nats)
 */
public record RunResult(int cell, long seed, double distinctEntropy, double loss) implements Serializable {}
