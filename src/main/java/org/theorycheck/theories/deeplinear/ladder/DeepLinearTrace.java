package org.theorycheck.theories.deeplinear.ladder;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.theorycheck.core.ladder.Trace;

/**
 * What every rung returns, the theory's {@link Trace}: a time axis in the top rung's steps (step k = the
 * state after k full-batch updates, or k epochs of SGD; see {@link LearningRate}) and named series of the
 * same length, no tables. Series names are the same on every rung: {@code u_α} (mode strength
 * [Uᵀ W_tot V]_αα, α 1-based), {@code loss}, {@code conserved_drift}, {@code offdiag},
 * {@code best_rank_gap}, {@code wtot_norm}, and {@code offdiag_layers} when the start has frames (see
 * {@link Observables}).
 */
public record DeepLinearTrace(String rung, double[] steps, Map<String, double[]> series) implements Trace {

    public DeepLinearTrace {
        LinkedHashMap<String, double[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            if (e.getValue().length != steps.length) {
                throw new IllegalArgumentException("series " + e.getKey() + " has " + e.getValue().length + " values for "
                        + steps.length + " steps");
            }
            copy.put(e.getKey(), e.getValue().clone());
        }
        steps = steps.clone();
        series = Collections.unmodifiableMap(copy);
    }

    @Override
    public List<String> seriesNames() {
        return List.copyOf(series.keySet());
    }

    /** The series of that name (a copy). */
    @Override
    public double[] series(String name) {
        double[] s = series.get(name);
        if (s == null) {
            throw new IllegalArgumentException("the " + rung + " trace has no series '" + name + "'; it has " + series.keySet());
        }
        return s.clone();
    }

    @Override
    public double[] steps() {
        return steps.clone();
    }

    public boolean has(String name) {
        return series.containsKey(name);
    }

    /** The last value of a series. */
    public double last(String name) {
        double[] s = series(name);
        return s[s.length - 1];
    }

    /** Name of the strength series of mode α (1-based). */
    public static String mode(int alpha) {
        return "u_" + alpha;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DeepLinearTrace t) || !t.rung.equals(rung) || !Arrays.equals(t.steps, steps)
                || !t.series.keySet().equals(series.keySet())) {
            return false;
        }
        for (String k : series.keySet()) {
            if (!Arrays.equals(series.get(k), t.series.get(k))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return rung.hashCode() * 31 + Arrays.hashCode(steps);
    }

    @Override
    public String toString() {
        return "DeepLinearTrace[" + rung + ", " + steps.length + " records, " + series.keySet() + "]";
    }
}
