package org.theorycheck.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Shared pieces of the tests that run libtorch: one engine per JVM (started by the first test that asks). */
public final class TorchTestSupport {

    private TorchTestSupport() {}

    public static NDManager manager() {
        return Libtorch.newManager();
    }

    public static NDArray leaf(NDManager manager, double[] values, long... shape) {
        NDArray a = manager.create(values, new Shape(shape));
        a.setRequiresGradient(true);
        return a;
    }
}
