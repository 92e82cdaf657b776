package org.theorycheck.theories.deeplinear.ladder;

import java.util.function.DoubleConsumer;

import org.theorycheck.theories.deeplinear.closedform.ScalarModes;

/**
 * The decoupled scalar mode equations, each mode on its own, Σ11 = I, time in steps (τ = 1/λ):
 * for N_l = 3 eq 8 in (a_α, b_α), which covers a = b (where it is eq 10 for u = ab) and a ≠ b (App. A;
 * its θ-form eq 25 is checked against eq 8 elsewhere, since as printed it does not follow from it); for
 * any other depth eq 15 in u_α, which assumes a balanced start (all a_l equal), so that this rung's
 * {@code conserved_drift} is 0 by construction there.
 */
public final class DecoupledRung extends DeepLinearRung {

    @Override
    public String name() {
        return "decoupled";
    }

    /** Its start is the same for every seed: the decoupled strengths, or model.theory_u0. */
    @Override
    public boolean isRandom(org.theorycheck.theories.deeplinear.DeepLinearExperiment experiment) {
        return false;
    }

    /** Σ11 = I, a start per mode, and for N_l &gt; 3 a balanced one (eq 15). */
    @Override
    public void requireApplicable(DeepLinearRun run) {
        Start.requireWhiteInputs(run, name());
        Start.requireModeStart(run, name());
    }

    @Override
    public DeepLinearTrace run(DeepLinearRun run, long seed, DoubleConsumer progress) {
        requireApplicable(run);
        Start start = Start.of(run, seed);
        start.requireWhiteInputs(name());
        double[][] a = start.modeStrengths(name());
        double[] s = start.task().svd().s();
        int r = s.length;
        int depth = start.network().depth();
        int narrowest = start.network().narrowest();
        boolean pairs = depth == 3;
        if (!pairs) {
            for (int l = 1; l < a.length; l++) {
                for (int k = 0; k < r; k++) {
                    if (Math.abs(a[l][k] - a[0][k]) > 1e-12 * Math.abs(a[0][k])) {
                        throw new IllegalArgumentException("the decoupled rung integrates eq 15, which needs a balanced start"
                                + " (model.imbalance = 0) for N_l = " + depth);
                    }
                }
            }
        }
        double[] y0 = pairs ? new double[2 * r] : ModeStart.composite(a);
        if (pairs) {
            System.arraycopy(a[0], 0, y0, 0, r);
            System.arraycopy(a[1], 0, y0, r, r);
        }
        double[][] diff0 = Start.differences(a);
        Observables observables = start.observables();
        Observables.Recorder recorder = start.continuousRecorder(name(), observables, progress);
        double rate = run.rate();
        RungIntegration.integrate(pairs ? "the mode strengths (a_α, b_α) of eq 8" : "the mode strengths u_α of eq 15",
                i -> pairs ? (i < r ? "a_" + (i + 1) : "b_" + (i - r + 1)) : "u_" + (i + 1), Start.ODE_ADVICE, (t, y) -> {
            double[] dy = new double[y.length];
            for (int k = 0; k < r; k++) {
                if (pairs) {
                    double[] d = ScalarModes.eq8(y[k], y[r + k], s[k]);
                    dy[k] = rate * d[0];
                    dy[r + k] = rate * d[1];
                } else {
                    dy[k] = y[k] == 0 && depth > 2 ? 0 : rate * ScalarModes.eq15(y[k], s[k], depth);
                }
            }
            return dy;
        }, y0, run.recordSteps(), (t, y) -> {
            double[] u = new double[r];
            double[][] strengths = new double[a.length][r];
            for (int k = 0; k < r; k++) {
                if (pairs) {
                    u[k] = y[k] * y[r + k];
                    strengths[0][k] = y[k];
                    strengths[1][k] = y[r + k];
                } else {
                    u[k] = y[k];
                    double each = Math.pow(Math.max(y[k], 0), 1.0 / a.length);
                    for (double[] layer : strengths) {
                        layer[k] = each;
                    }
                }
            }
            recorder.add(t, observables.ofModes(u, Start.differences(strengths), diff0, narrowest));
        });
        return recorder.build();
    }
}
