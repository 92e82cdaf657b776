package org.theorycheck.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.theorycheck.core.ladder.Divergence;
import org.theorycheck.core.ladder.DivergenceException;
import org.theorycheck.core.ladder.DivergenceException.At;

import java.util.ArrayList;
import java.util.List;

/**
 * PyTorch's SGD over parameter groups, each with its own rate: v ← μv + g (v = g at the first step),
 * θ ← θ − ηv, no weight decay; optionally after clipping all gradients together to a global l2 norm
 * ({@code clip_grad_norm_}: g ← g·c/(‖g‖ + 10⁻⁶) when ‖g‖ > c). Call {@link #step()} after the gradient
 * collector has closed; it zeroes the gradients it used, as DJL does not.
 */
public final class Sgd {

    private final List<ParameterGroup> groups;
    private final double momentum;
    private final double clip;
    private final List<NDArray> velocities = new ArrayList<>();

    /**
     * @param manager  where the velocities live (the model's manager)
     * @param momentum μ in [0, 1)
     * @param clip     the global gradient norm to clip to, 0 for none
     */
    public Sgd(List<ParameterGroup> groups, double momentum, double clip, NDManager manager) {
        this.groups = List.copyOf(groups);
        this.momentum = momentum;
        this.clip = clip;
        if (momentum > 0) {
            for (ParameterGroup g : groups) {
                for (TorchParameter p : g.parameters()) {
                    velocities.add(manager.zeros(p.value().getShape(), p.value().getDataType()));
                }
            }
        }
    }

    /** The momentum buffers, one per parameter in group order (none without momentum); checkpoints save them. */
    public List<NDArray> velocities() {
        return java.util.Collections.unmodifiableList(velocities);
    }

    /**
     * Updates every parameter from its gradient and returns the global gradient norm before clipping.
     * Arrays it creates belong to the caller's {@link ai.djl.ndarray.NDScope}.
     *
     * @param step the step number, for the message if a gradient is not finite
     * @throws DivergenceException before any update if a gradient entry is NaN or infinite (naming the first)
     */
    public double step(int step) {
        List<NDArray> gradients = new ArrayList<>();
        for (ParameterGroup g : groups) {
            for (TorchParameter p : g.parameters()) {
                gradients.add(p.value().getGradient());
            }
        }
        double norm = globalNorm(gradients);
        if (!Double.isFinite(norm)) {
            throw nonFiniteGradient(At.step(step), gradients, norm);
        }
        double scale = clip > 0 ? Math.min(1, clip / (norm + 1e-6)) : 1;
        int i = 0;
        for (ParameterGroup g : groups) {
            for (TorchParameter p : g.parameters()) {
                NDArray gradient = gradients.get(i);
                NDArray direction = scale == 1 ? gradient : gradient.mul(scale);
                if (momentum > 0) {
                    NDArray v = velocities.get(i);
                    v.muli(momentum).addi(direction);
                    direction = v;
                }
                // The update works on a detached view of the same storage: an in-place change of a leaf that
                // requires gradients is refused by autograd wherever gradient mode happens to be on.
                p.value().stopGradient().subi(direction.mul(g.rate()));
                gradient.subi(gradient);
                i++;
            }
        }
        return norm;
    }

    /** The divergence of the first gradient with a non-finite entry, named with its group's rate. */
    private DivergenceException nonFiniteGradient(At at, List<NDArray> gradients, double norm) {
        int i = 0;
        for (ParameterGroup g : groups) {
            for (TorchParameter p : g.parameters()) {
                double[] values = gradients.get(i++).toType(DataType.FLOAT64, false).toDoubleArray();
                Divergence.requireFinite(values, at, "gradient of " + p.name(), entry(p.value()), g.lowerRate());
            }
        }
        return new DivergenceException(at, "the global gradient norm", "", "is not finite (" + norm + ")",
                "lower the learning rates");
    }

    /**
     * Throws if a parameter left the range of {@link Divergence} (NaN, infinite, or past the bound of the
     * model's precision), naming the parameter, its first such entry and its group's rate; one transfer
     * from the engine (the largest magnitude of each parameter) when none did.
     */
    public void requireInRange(At at, Divergence.Precision precision) {
        NDList largest = new NDList();
        for (ParameterGroup g : groups) {
            for (TorchParameter p : g.parameters()) {
                largest.add(p.value().stopGradient().abs().max().reshape(1));
            }
        }
        double[] m = NDArrays.concat(largest).toType(DataType.FLOAT64, false).toDoubleArray();
        int i = 0;
        for (ParameterGroup g : groups) {
            for (TorchParameter p : g.parameters()) {
                if (!Divergence.inRange(m[i++], precision)) {
                    double[] values = p.value().stopGradient().toType(DataType.FLOAT64, false).toDoubleArray();
                    Divergence.requireInRange(values, at, p.name(), entry(p.value()), precision, g.lowerRate());
                }
            }
        }
    }

    /** Names entry i of a row-major array of this shape by its indices, e.g. "(3, 17)". */
    private static java.util.function.IntFunction<String> entry(NDArray array) {
        long[] shape = array.getShape().getShape();
        return flat -> {
            long[] index = new long[shape.length];
            long rest = flat;
            for (int d = shape.length - 1; d >= 0; d--) {
                index[d] = rest % shape[d];
                rest /= shape[d];
            }
            StringBuilder sb = new StringBuilder("(");
            for (int d = 0; d < index.length; d++) {
                sb.append(d == 0 ? "" : ", ").append(index[d]);
            }
            return sb.append(')').toString();
        };
    }

    /** √(Σ ‖g‖²) over all gradients, in double precision, with one transfer from the engine. */
    static double globalNorm(List<NDArray> arrays) {
        NDList squares = new NDList();
        for (NDArray a : arrays) {
            squares.add(a.toType(DataType.FLOAT64, false).square().sum().reshape(1));
        }
        double[] s = NDArrays.concat(squares).toDoubleArray();
        double total = 0;
        for (double x : s) {
            total += x;
        }
        return Math.sqrt(total);
    }
}
