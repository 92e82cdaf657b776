package org.theorycheck.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Inverted dropout whose masks come from the run's Java random stream, not from libtorch's generator:
 * the masks, and so the run, are the same for a seed whatever the engine's thread count.
 */
public final class DropoutMasks {

    private final double p;
    private final UniformRandomProvider rng;

    /** @param p the probability of dropping an entry, in [0, 1) */
    public DropoutMasks(double p, UniformRandomProvider rng) {
        this.p = p;
        this.rng = rng;
    }

    /** x with each entry dropped with probability p and the rest scaled by 1/(1 − p). */
    public NDArray apply(NDArray x) {
        if (p == 0) {
            return x;
        }
        int size = Math.toIntExact(x.getShape().size());
        double keep = 1 / (1 - p);
        NDManager manager = x.getManager();
        NDArray wrapped;
        if (x.getDataType() == DataType.FLOAT64) {
            double[] m = new double[size];
            for (int i = 0; i < size; i++) {
                m[i] = rng.nextDouble() < p ? 0 : keep;
            }
            wrapped = manager.create(m, x.getShape());
        } else {
            float[] m = new float[size];
            for (int i = 0; i < size; i++) {
                m[i] = rng.nextDouble() < p ? 0 : (float) keep;
            }
            wrapped = manager.create(m, x.getShape());
        }
        // in libtorch's memory: autograd keeps the mask for the backward pass (see Transformer#constant)
        NDArray mask = wrapped.duplicate();
        wrapped.close();
        return x.mul(mask);
    }
}
