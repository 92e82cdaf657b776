package org.theorycheck.theories.deeplinear.ladder;

import java.util.function.DoubleConsumer;

import org.theorycheck.theories.deeplinear.network.Gradient;

/**
 * The matrix gradient flow, eq 2 (eq 13 for any depth), {@code dW_l/dt = λ G_l} with t in steps
 * (τ = 1/λ), integrated and sampled at the record steps by {@link RungIntegration}.
 */
public final class FlowRung extends DeepLinearRung {

    @Override
    public String name() {
        return "flow";
    }

    @Override
    public DeepLinearTrace run(DeepLinearRun run, long seed, DoubleConsumer progress) {
        Start start = Start.of(run, seed);
        Observables observables = start.observables();
        Observables.Recorder recorder = start.continuousRecorder(name(), observables, progress);
        double[][] w = start.weightArrays();
        Gradient gradient = new Gradient(start.network(), start.task().statistics());
        double[][] g = gradient.newWeightArrays();
        double[] y0 = flatten(w);
        double rate = run.rate();
        double[][] sampled = start.weightArrays();
        RungIntegration.integrate("the weights of the flow rung", start::weightEntry, Start.ODE_ADVICE, (t, y) -> {
            unflatten(y, w);
            gradient.compute(w, g);
            double[] dy = flatten(g);
            for (int i = 0; i < dy.length; i++) {
                dy[i] *= rate;
            }
            return dy;
        }, y0, run.recordSteps(), (t, state) -> {
            unflatten(state, sampled);
            recorder.add(t, observables.of(start.asMatrices(sampled)));
        });
        return recorder.build();
    }

    static double[] flatten(double[][] parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int k = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        return out;
    }

    static void unflatten(double[] flat, double[][] parts) {
        int k = 0;
        for (double[] p : parts) {
            System.arraycopy(flat, k, p, 0, p.length);
            k += p.length;
        }
    }
}
