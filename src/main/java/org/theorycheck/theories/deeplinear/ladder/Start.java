package org.theorycheck.theories.deeplinear.ladder;

import java.util.Arrays;
import java.util.function.DoubleConsumer;

import org.theorycheck.theories.deeplinear.SettingException;
import org.theorycheck.theories.deeplinear.linalg.Matrix;
import org.theorycheck.theories.deeplinear.network.InitialState;
import org.theorycheck.theories.deeplinear.network.Initialisation;
import org.theorycheck.theories.deeplinear.network.Initialiser;
import org.theorycheck.theories.deeplinear.network.Network;
import org.theorycheck.theories.deeplinear.task.Task;

/** What every rung starts from: the task, the initial weights, and the observables' definitions. */
record Start(DeepLinearRun run, Task task, InitialState initial) {

    /**
     * What to do when a continuous rung diverges: its rate only rescales time, so what breaks is the
     * equation's own dynamics (a state far outside the task's scale, or a start the equation does not allow).
     */
    static final String ODE_ADVICE = "start nearer the task's scale (model.u0, model.init_std) or shorten train.steps";

    /** The advice for a discrete rung, whose rate past the stability limit is the usual cause. */
    static String rateAdvice(double rate) {
        return "lower train.rate (λ = " + rate + " is past the stability limit of this task)";
    }

    static Start of(DeepLinearRun run, long seed) {
        Task task = run.task().build();
        run.network().requireChains(task);
        for (int m : run.modes()) {
            if (m > task.svd().modes()) {
                throw new SettingException("trace.modes", "mode " + m + " does not exist; the task has min(N1, N3) = "
                        + task.svd().modes() + " modes");
            }
        }
        return new Start(run, task, Initialiser.initialise(run.network(), task, run.init(), seed));
    }

    Network network() {
        return run.network();
    }

    Observables observables() {
        return new Observables(task.statistics(), task.svd(), task.outputEnergy(), run.modes(), network().narrowest(),
                initial.weights(), initial.frames());
    }

    /** The recorder of a discrete rung (gd, sgd), whose divergence is a rate past the stability limit. */
    Observables.Recorder discreteRecorder(String rung, Observables observables, DoubleConsumer progress) {
        return new Observables.Recorder(rung, observables.names(), run.recordSteps(), false, rateAdvice(run.rate()), progress);
    }

    /** The recorder of a continuous rung (an ODE or a closed form). */
    Observables.Recorder continuousRecorder(String rung, Observables observables, DoubleConsumer progress) {
        return new Observables.Recorder(rung, observables.names(), run.recordSteps(), true, ODE_ADVICE, progress);
    }

    double[][] weightArrays() {
        return initial.weights().stream().map(m -> m.data().clone()).toArray(double[][]::new);
    }

    java.util.List<Matrix> asMatrices(double[][] w) {
        java.util.List<Matrix> out = new java.util.ArrayList<>();
        for (int l = 0; l < w.length; l++) {
            out.add(new Matrix(network().width(l + 1), network().width(l), w[l].clone()));
        }
        return out;
    }

    /** The name of entry {@code flat} of the weights W_1 … W_{N_l−1} laid end to end, e.g. "W_2 (3, 1)" (1-based). */
    String weightEntry(int flat) {
        int k = flat;
        for (int l = 0; l < network().matrices(); l++) {
            int cols = network().width(l);
            int size = network().width(l + 1) * cols;
            if (k < size) {
                return "W_" + (l + 1) + " (" + (k / cols + 1) + ", " + (k % cols + 1) + ")";
            }
            k -= size;
        }
        throw new IllegalArgumentException("no weight entry " + flat);
    }

    /** The mode rungs and the closed forms need Σ11 = I (Sec 1.1): white inputs, known without building the task. */
    static void requireWhiteInputs(DeepLinearRun run, String rung) {
        if (!run.task().whiteInputs()) {
            throw new SettingException("data.preprocessing", "the " + rung + " rung needs Σ11 = I (Sec 1.1): whitened inputs");
        }
    }

    /** The same, on the task as built: Σ11 = I to round-off. */
    void requireWhiteInputs(String rung) {
        Matrix s11 = task.statistics().sigma11();
        double off = s11.minus(Matrix.identity(s11.rows())).frobenius();
        if (off > WHITE) {
            throw new SettingException("data.preprocessing", "the " + rung + " rung needs Σ11 = I (Sec 1.1); this task's Σ11"
                    + " differs from I by " + off + " (Frobenius)");
        }
    }

    /** How far from I a Σ11 may be and count as white: round-off of the products that make it. */
    private static final double WHITE = 1e-10;

    /**
     * The rungs below the network (decoupled, closed) start every mode from its own strengths: a decoupled
     * initialisation gives them, any other needs the u0 the theory assumes ({@code model.theory_u0}).
     */
    static void requireModeStart(DeepLinearRun run, String rung) {
        if (!(run.init() instanceof Initialisation.Decoupled) && Double.isNaN(run.theoryU0())) {
            throw new SettingException("model.theory_u0", "the " + rung + " rung needs a decoupled model.init or model.theory_u0 (the"
                    + " initial mode strength the theory assumes for " + run.init() + ")");
        }
    }

    /** {@link #modeStrengths(DeepLinearRun, double[], String)} of this start. */
    double[][] modeStrengths(String rung) {
        return modeStrengths(run, task.svd().s(), rung);
    }

    /**
     * Per-layer mode strengths {@code a[l][α-1]} for every mode α = 1…r at the start, for the decoupled
     * and closed rungs: those of the decoupled initialisation (the same for every seed), or, for another
     * initialisation, balanced with composite strength {@code model.theory_u0} on the modes the network can learn.
     * Modes that are not driven are 0.
     */
    static double[][] modeStrengths(DeepLinearRun run, double[] s, String rung) {
        requireModeStart(run, rung);
        int layers = run.network().matrices();
        int m = Initialiser.drivenModes(run.network(), s);
        double[] perLayer = new double[layers];
        if (run.init() instanceof Initialisation.Decoupled d) {
            perLayer = Initialiser.decoupledStrengths(run.network(), d);
        } else {
            Arrays.fill(perLayer, Math.pow(run.theoryU0(), 1.0 / layers));
        }
        double[][] a = new double[layers][s.length];
        for (int l = 0; l < layers; l++) {
            Arrays.fill(a[l], 0, m, perLayer[l]);
        }
        return a;
    }

    /** {@code a_l² − a_{l+1}²} per hidden layer and mode. */
    static double[][] differences(double[][] a) {
        double[][] d = new double[a.length - 1][];
        for (int l = 0; l + 1 < a.length; l++) {
            d[l] = new double[a[l].length];
            for (int k = 0; k < a[l].length; k++) {
                d[l][k] = a[l][k] * a[l][k] - a[l + 1][k] * a[l + 1][k];
            }
        }
        return d;
    }
}
