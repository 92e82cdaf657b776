package org.theorycheck.theories.deeplinear.ladder;

import java.util.function.DoubleConsumer;

import org.theorycheck.core.ladder.Divergence;
import org.theorycheck.core.ladder.Divergence.Precision;
import org.theorycheck.core.ladder.DivergenceException;
import org.theorycheck.core.ladder.DivergenceException.At;
import org.theorycheck.theories.deeplinear.network.Gradient;

/** Full-batch gradient descent, eq 1 (eq 13 for any depth) exactly: {@code W_l += λ G_l} each step. */
public final class GdRung extends DeepLinearRung {

    @Override
    public String name() {
        return "gd";
    }

    /** Every initialisation draws from the seed (a decoupled one its hidden frames). */
    @Override
    public boolean isRandom(org.theorycheck.theories.deeplinear.DeepLinearExperiment experiment) {
        return true;
    }

    @Override
    public DeepLinearTrace run(DeepLinearRun run, long seed, DoubleConsumer progress) {
        Start start = Start.of(run, seed);
        Observables observables = start.observables();
        Observables.Recorder recorder = start.discreteRecorder(name(), observables, progress);
        double[][] w = start.weightArrays();
        Gradient gradient = new Gradient(start.network(), start.task().statistics());
        double[][] g = gradient.newWeightArrays();
        int[] widths = start.network().widths();
        int done = 0;
        for (double next : run.recordSteps()) {
            done = steps(gradient, w, widths, g, run.rate(), done, (int) next);
            recorder.add(next, observables.of(start.asMatrices(w)));
        }
        return recorder.build();
    }

    /**
     * Steps {@code w} from step {@code from} to step {@code to} of eq 1 / eq 13 in place ({@code g} is work
     * space); the loop the benchmark times.
     *
     * @param widths the network's widths, which name a weight that diverges
     * @return {@code to}
     * @throws DivergenceException if a weight leaves the range of {@link Divergence} (NaN, infinite or past 2^52)
     */
    public static int steps(Gradient gradient, double[][] w, int[] widths, double[][] g, double rate, int from, int to) {
        for (int step = from; step < to; step++) {
            gradient.compute(w, g);
            step(w, g, rate);
            requireInRange(w, widths, At.step(step + 1), rate);
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

    /** The weights W_1 … W_{N_l−1} are in range (one pass of additions per layer when they are). */
    static void requireInRange(double[][] w, int[] widths, At at, double rate) {
        for (int l = 0; l < w.length; l++) {
            int cols = widths[l];
            Divergence.requireInRange(w[l], at, "W_" + (l + 1), i -> "(" + (i / cols + 1) + ", " + (i % cols + 1) + ")",
                    Precision.DOUBLE, Start.rateAdvice(rate));
        }
    }
}
