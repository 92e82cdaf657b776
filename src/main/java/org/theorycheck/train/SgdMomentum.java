package org.theorycheck.train;

import java.util.Arrays;

/**
 * SGD with heavy-ball momentum, PyTorch semantics ([ref], paper §1.2): v ← μ·v + g (v = g at the first
 * step), θ ← θ − η·v; no dampening, no weight decay. With μ = 0 it is plain SGD.
 */
public final class SgdMomentum implements Optimizer {

    /** Entries per block that {@link #step} may skip as a whole. */
    private static final int BLOCK = 240;
    private static final double[] ZEROS = new double[BLOCK];

    private final double eta;
    private final double momentum;
    private final double[] velocity;
    private final boolean skipIdle;
    private boolean started;

    public SgdMomentum(double eta, double momentum, int length) {
        this.eta = eta;
        this.momentum = momentum;
        this.velocity = new double[length];
        // With g = v = +0.0, v' = μ·0 + 0 is +0.0 and θ − η·v' is θ exactly, unless η·0 or μ·0 is not +0.0.
        skipIdle = Double.doubleToRawLongBits(eta * 0.0) == 0 && Double.doubleToRawLongBits(momentum * 0.0) == 0;
    }

    @Override
    public void step(double[] theta, double[] grad) {
        boolean first = !started;
        started = true;
        for (int from = 0; from < theta.length; from += BLOCK) {
            int to = Math.min(theta.length, from + BLOCK);
            // Most of Z (every row but the query tokens') never gets a gradient: blocks whose gradient and
            // velocity are all +0.0 would be left bit for bit as they are, so they are not rewritten.
            if (skipIdle && Arrays.mismatch(grad, from, to, ZEROS, 0, to - from) < 0
                    && Arrays.mismatch(velocity, from, to, ZEROS, 0, to - from) < 0) {
                continue;
            }
            // One pass over the arrays rather than two: the update is bound by memory traffic, not arithmetic.
            for (int i = from; i < to; i++) {
                double v = first ? grad[i] : momentum * velocity[i] + grad[i];
                velocity[i] = v;
                theta[i] -= eta * v;
            }
        }
    }
}
