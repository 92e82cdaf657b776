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
        int done = 0;
        for (double next : record) {
            done = steps(gradient, w, g, run.rate(), done, (int) next);
            recorder.add(next, observables.of(start.asMatrices(w)));
        }
        return recorder.build();
    }

    /**
     * Steps {@code w} from step {@code from} to step {@code to} of eq 1 / eq 13 in place ({@code g} is work
     * space); the loop the benchmark times.
     *
     * @return {@code to}
     * @throws DivergenceException if the error becomes non-finite
     */
    public static int steps(Gradient gradient, double[][] w, double[][] g, double rate, int from, int to) {
        for (int step = from; step < to; step++) {
            double check = gradient.compute(w, g);
            if (!Double.isFinite(check)) {
                throw new DivergenceException("gd", step, "the error Σ31 − W_tot Σ11",
                        "train.rate = " + rate + " is past the stability limit; lower it");
            }
            step(w, g, rate);
        }
        return to;
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
