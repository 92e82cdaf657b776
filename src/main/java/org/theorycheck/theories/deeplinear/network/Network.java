package org.theorycheck.theories.deeplinear.network;

import java.util.Arrays;
import java.util.List;

import org.theorycheck.theories.deeplinear.linalg.Matrix;
import org.theorycheck.theories.deeplinear.task.Task;
import org.theorycheck.theories.deeplinear.SettingException;

/**
 * The shape of an N_l-layer linear network (paper §1 for N_l = 3, §2 for any depth): layer i has
 * {@code widths[i-1]} units, and the N_l − 1 weight matrices are {@code W_l} of size
 * widths[l] × widths[l−1], l = 1 … N_l − 1, so that {@code y = W_{N_l−1} ⋯ W_1 x}. No biases, no
 * nonlinearity. Widths may grow or shrink from layer to layer.
 */
public record Network(int[] widths) {

    public Network {
        if (widths == null || widths.length < 2) {
            throw new SettingException("model.widths", "must list at least 2 layer widths (depth N_l >= 2), got "
                    + (widths == null ? "none" : Arrays.toString(widths)));
        }
        for (int i = 0; i < widths.length; i++) {
            if (widths[i] < 1) {
                throw new SettingException("model.widths", "must be positive integers; layer " + (i + 1) + " has "
                        + widths[i]);
            }
        }
        widths = widths.clone();
    }

    /** A network of {@code depth} layers: the task's input and output widths around {@code hidden}-wide layers. */
    public static Network of(Task task, int depth, int hidden) {
        return of(task.inputDimension(), task.outputDimension(), depth, hidden);
    }

    /** A network of {@code depth} layers: {@code inputs} and {@code outputs} around {@code hidden}-wide layers. */
    public static Network of(int inputs, int outputs, int depth, int hidden) {
        if (depth < 2) {
            throw new SettingException("model.depth", "must be at least 2, got " + depth);
        }
        if (hidden < 1) {
            throw new SettingException("model.hidden", "must be a positive integer, got " + hidden);
        }
        int[] w = new int[depth];
        Arrays.fill(w, hidden);
        w[0] = inputs;
        w[depth - 1] = outputs;
        return new Network(w);
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    public int width(int layer) {
        return widths[layer];
    }

    /** N_l, the number of layers. */
    public int depth() {
        return widths.length;
    }

    /** N_l − 1, the number of weight matrices. */
    public int matrices() {
        return widths.length - 1;
    }

    /** The narrowest layer: at most this many modes can be learned (the rank of W_tot). */
    public int narrowest() {
        return Arrays.stream(widths).min().orElseThrow();
    }

    /** Checks that the outer widths are the task's input and output dimensions. */
    public void requireChains(Task task) {
        requireChains(task.inputDimension(), task.outputDimension());
    }

    /** Checks that the outer widths are N1 and N3. */
    public void requireChains(int inputs, int outputs) {
        if (widths[0] != inputs || widths[widths.length - 1] != outputs) {
            throw new SettingException("model.widths", Arrays.toString(widths) + " do not chain with the task: the first"
                    + " width must be the input dimension " + inputs + " and the last the output dimension " + outputs);
        }
    }

    /** Checks that {@code weights} are W_1 … W_{N_l−1} of this network's shapes. */
    public void requireShapes(List<Matrix> weights) {
        if (weights.size() != matrices()) {
            throw new IllegalArgumentException("expected " + matrices() + " weight matrices, got " + weights.size());
        }
        for (int l = 0; l < weights.size(); l++) {
            Matrix w = weights.get(l);
            if (w.rows() != widths[l + 1] || w.cols() != widths[l]) {
                throw new IllegalArgumentException("W_" + (l + 1) + " must be " + widths[l + 1] + "x" + widths[l] + ", got " + w);
            }
        }
    }

    /** {@code W_tot = W_{N_l−1} ⋯ W_1} (eq 19's product). */
    public static Matrix total(List<Matrix> weights) {
        Matrix t = weights.get(0);
        for (int l = 1; l < weights.size(); l++) {
            t = weights.get(l).times(t);
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Network n && Arrays.equals(n.widths, widths);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(widths);
    }

    @Override
    public String toString() {
        return "Network" + Arrays.toString(widths);
    }
}
