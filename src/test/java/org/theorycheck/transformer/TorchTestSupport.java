package org.theorycheck.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Shared pieces of the tests that run libtorch: one engine per JVM (started by the first test that asks). */
final class TorchTestSupport {

    private TorchTestSupport() {}

    static NDManager manager() {
        return TorchEngine.newManager();
    }

    static NDArray leaf(NDManager manager, double[] values, long... shape) {
        NDArray a = manager.create(values, new Shape(shape));
        a.setRequiresGradient(true);
        return a;
    }
}
