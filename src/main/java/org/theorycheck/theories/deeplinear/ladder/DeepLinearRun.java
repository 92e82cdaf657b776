package org.theorycheck.theories.deeplinear.ladder;

import java.util.Arrays;

import org.theorycheck.theories.deeplinear.network.Initialisation;
import org.theorycheck.theories.deeplinear.network.Initialiser;
import org.theorycheck.theories.deeplinear.network.Network;
import org.theorycheck.theories.deeplinear.task.TaskSpec;
import org.theorycheck.theories.deeplinear.SettingException;

/**
 * Everything a run needs; a run is a pure function of (this, rung, seed). Validated when made, with
 * messages naming the experiment key.
 *
 * @param rate        λ of eq 1 (see {@link LearningRate}), {@code train.rate}
 * @param steps       length of the run in steps of the time axis, {@code train.steps}
 * @param recordEvery record interval in steps, {@code train.record_every}
 * @param modes       the modes α (1-based) whose strengths u_α are recorded, {@code trace.modes}
 * @param batch       SGD minibatch size |B|, {@code train.batch} (the sgd rung only; must divide P)
 * @param theoryU0    the initial composite strength the decoupled and closed rungs assume for every
 *                    driven mode when the initialisation is not decoupled (Fig 3's u0), {@code model.theory_u0};
 *                    NaN when the initialisation is decoupled and says it itself
 */
public record DeepLinearRun(TaskSpec task, Network network, Initialisation init, double rate, int steps, int recordEvery,
        int[] modes, int batch, double theoryU0) {

    public DeepLinearRun {
        if (task == null || network == null || init == null) {
            throw new IllegalArgumentException("a run needs data, model.widths and model.init");
        }
        network.requireChains(task.inputDimension(), task.outputDimension());
        if (init instanceof Initialisation.Decoupled decoupled) {
            Initialiser.decoupledStrengths(network, decoupled);
        }
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw new SettingException("train.rate", "must be positive and finite (λ of eq 1), got " + rate);
        }
        if (steps < 1) {
            throw new SettingException("train.steps", "must be a positive integer, got " + steps);
        }
        if (recordEvery < 1 || recordEvery > steps) {
            throw new SettingException("train.record_every", "must be an integer in [1, train.steps = " + steps + "], got "
                    + recordEvery);
        }
        if (modes == null || modes.length == 0) {
            throw new SettingException("trace.modes", "must list at least one mode (1-based)");
        }
        for (int m : modes) {
            if (m < 1) {
                throw new SettingException("trace.modes", "are 1-based mode indices; got " + m);
            }
        }
        if (batch < 1) {
            throw new SettingException("train.batch", "must be a positive integer, got " + batch);
        }
        if (!Double.isNaN(theoryU0) && !(theoryU0 > 0 && Double.isFinite(theoryU0))) {
            throw new SettingException("model.theory_u0", "must be positive and finite, got " + theoryU0);
        }
        modes = modes.clone();
    }

    /** A full-batch run recording modes 1…k every {@code steps/100} steps, without a theory u0. */
    public static DeepLinearRun of(TaskSpec task, Network network, Initialisation init, double rate, int steps, int... modes) {
        return new DeepLinearRun(task, network, init, rate, steps, Math.max(1, steps / 100), modes, 1, Double.NaN);
    }

    public DeepLinearRun withRecordEvery(int every) {
        return new DeepLinearRun(task, network, init, rate, steps, every, modes, batch, theoryU0);
    }

    public DeepLinearRun withBatch(int size) {
        return new DeepLinearRun(task, network, init, rate, steps, recordEvery, modes, size, theoryU0);
    }

    public DeepLinearRun withTheoryU0(double u0) {
        return new DeepLinearRun(task, network, init, rate, steps, recordEvery, modes, batch, u0);
    }

    public DeepLinearRun withSteps(int count) {
        return new DeepLinearRun(task, network, init, rate, count, Math.min(recordEvery, count), modes, batch, theoryU0);
    }

    @Override
    public int[] modes() {
        return modes.clone();
    }

    /** τ = 1/λ. */
    public double tau() {
        return LearningRate.tau(rate);
    }

    /** The record steps 0, k, 2k, …, and the last step if it is not a multiple of k. */
    public double[] recordSteps() {
        int n = steps / recordEvery + 1 + (steps % recordEvery == 0 ? 0 : 1);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = Math.min((long) i * recordEvery, steps);
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeepLinearRun r && r.task.equals(task) && r.network.equals(network) && r.init.equals(init)
                && r.rate == rate && r.steps == steps && r.recordEvery == recordEvery && Arrays.equals(r.modes, modes)
                && r.batch == batch && Double.compare(r.theoryU0, theoryU0) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {task, network, init, rate, steps, recordEvery, Arrays.hashCode(modes), batch, theoryU0});
    }
}
