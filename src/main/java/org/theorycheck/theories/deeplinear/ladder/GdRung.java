package org.theorycheck.theories.deeplinear.ladder;

import org.theorycheck.theories.deeplinear.DivergenceException;
import org.theorycheck.theories.deeplinear.network.Gradient;

/** Full-batch gradient descent, eq 1 (eq 13 for any depth) exactly: {@code W_l += λ G_l} each step. */
public final class GdRung implements Rung {

    @Override
    public String name() {
        return "gd";
    }

    @Override
    public DeepLinearTrace run(DeepLinearRun run, long seed) {
        Start start = Start.of(run, seed);
        Observables observables = start.observables();
        Observables.Recorder recorder = start.recorder(name(), observables);
        double[][] w = start.weightArrays();
        Gradient gradient = new Gradient(start.network(), start.task().statistics());
        double[][] g = gradient.newWeightArrays();
        double[] record = run.recordSteps();
        int next = 0;
        double rate = run.rate();
        for (int step = 0; ; step++) {
            if (next < record.length && record[next] == step) {
                recorder.add(step, observables.of(start.asMatrices(w)));
                next++;
            }
            if (step == run.steps()) {
                break;
            }
            double check = gradient.compute(w, g);
            if (!Double.isFinite(check)) {
                throw new DivergenceException(name(), step, "the error Σ31 − W_tot Σ11",
                        "train.rate = " + rate + " is past the stability limit; lower it");
            }
            step(w, g, rate);
        }
        return recorder.build();
    }

    /** {@code w += rate · g}, every layer. */
    static void step(double[][] w, double[][] g, double rate) {
        for (int l = 0; l < w.length; l++) {
            double[] wl = w[l];
            double[] gl = g[l];
            for (int i = 0; i < wl.length; i++) {
                wl[i] += rate * gl[i];
            }
        }
    }
}
