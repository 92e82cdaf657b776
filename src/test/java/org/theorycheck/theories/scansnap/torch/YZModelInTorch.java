package org.theorycheck.theories.scansnap.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The YZ model's loss (paper Eqn. 1, 2, 15) written once in DJL's NDArray operations, in float64, so that
 * libtorch's autograd can be set against the hand-derived gradient of {@code YZGradient}.
 */
final class YZModelInTorch {

    private YZModelInTorch() {}

    /**
     * scale · loss of one histogram sample: a_l = w_l e^{z_ml}/Σ w e^{z_m·} over its tokens, a' = a + e_m
     * (residual), f = a'/‖a'‖ (normalised) or a', o = Yᵀf, loss = −log softmax(o)_n.
     *
     * @param y Y [M, M] (row: contextual token), requires gradient
     * @param z Z [M, M] (row: query token), requires gradient
     */
    static NDArray loss(NDManager manager, NDArray y, NDArray z, int size, int query, int next, int[] tokens,
                        double[] weights, int count, boolean normalize, boolean residual, double scale) {
        double[] w = new double[size];
        for (int i = 0; i < count; i++) {
            w[tokens[i]] += weights[i];
        }
        NDArray histogram = manager.create(w, new Shape(size));
        NDArray zRow = z.get(query);
        NDArray unnormalised = histogram.mul(zRow.sub(zRow.max()).exp());
        NDArray a = unnormalised.div(unnormalised.sum());
        if (residual) {
            double[] e = new double[size];
            e[query] = 1;
            a = a.add(manager.create(e, new Shape(size)));
        }
        NDArray f = normalize ? a.div(a.square().sum().sqrt()) : a;
        NDArray o = f.reshape(1, size).matMul(y).reshape(size);
        // a scale array in libtorch's memory, not a Java number that autograd would keep a dangling view of
        NDArray factor = manager.create(new double[] {scale}, new Shape()).duplicate();
        return o.logSoftmax(0).get(next).neg().mul(factor);
    }
}
