package org.theorycheck.theories.deeplinear.ladder;

import java.util.function.DoubleConsumer;

import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.theorycheck.theories.deeplinear.SettingException;
import org.theorycheck.theories.deeplinear.closedform.ClosedForms;
import org.theorycheck.theories.deeplinear.network.Initialisation;
import org.theorycheck.theories.deeplinear.task.Task;
import org.theorycheck.theories.deeplinear.task.TaskSpec;

/**
 * The closed forms as printed, time in steps (τ = 1/λ), Σ11 = I, each mode from its own start:
 * <ul>
 *   <li>N_l = 3, a = b: eq 12;</li>
 *   <li>N_l = 3, a ≠ b: eqs 23–26 (App. A) — θ0 from eq 23/24, θ(t) by solving eq 26 for θ, and
 *       u = ab = c0 sinh θ as the paper writes it;</li>
 *   <li>N_l &gt; 3: eq 17 (the integral of the large-depth form eq 16) solved for u_f.</li>
 * </ul>
 * Each needs 0 &lt; u0 &lt; s_α for every mode it starts; N_l = 2 has no closed form in the paper.
 */
public final class ClosedFormRung extends DeepLinearRung {

    /** Relative accuracy of the solve of eq 17 for u: far below any gap this rung is compared on. */
    private static final double SOLVER_ACCURACY = 1e-14;

    @Override
    public String name() {
        return "closed";
    }

    /** Its start is the same for every seed: the decoupled strengths, or model.theory_u0. */
    @Override
    public boolean isRandom(org.theorycheck.theories.deeplinear.DeepLinearExperiment experiment) {
        return false;
    }

    /**
     * N_l ≥ 3, Σ11 = I, a start per mode, and u0 in (0, s_α) for every mode it starts (known without data
     * but for MNIST, whose singular values the run checks).
     */
    @Override
    public void requireApplicable(DeepLinearRun run) {
        if (run.network().depth() < 3) {
            throw new SettingException("model.depth", "the closed rung needs N_l >= 3 (eq 12, eq 17); the paper prints no closed"
                    + " form for N_l = 2");
        }
        Start.requireWhiteInputs(run, name());
        Start.requireModeStart(run, name());
        if (!(run.task() instanceof TaskSpec.Mnist)) {
            Task task = run.task().build();
            initialStrengths(run, Start.modeStrengths(run, task.svd().s(), name()), task.svd().s());
        }
    }

    /**
     * The composite strength u0 = Π_l a_l of every mode, each in (0, s_α) (eq 12 is sigmoidal only there) or
     * 0 (a mode the network does not start).
     */
    private static double[] initialStrengths(DeepLinearRun run, double[][] a, double[] s) {
        double[] u0 = ModeStart.composite(a);
        for (int k = 0; k < s.length; k++) {
            double u = u0[k];
            if (u != 0 && !(u > 0 && u < s[k])) {
                boolean decoupled = run.init() instanceof Initialisation.Decoupled;
                throw new SettingException(decoupled ? "model.u0" : "model.theory_u0", "the closed forms need every mode's u0 in (0, s_α);"
                        + " mode " + (k + 1) + " starts at u0 = " + u + ", outside (0, s_" + (k + 1) + " = " + s[k] + ")");
            }
        }
        return u0;
    }

    @Override
    public DeepLinearTrace run(DeepLinearRun run, long seed, DoubleConsumer progress) {
        if (run.network().depth() < 3) {
            requireApplicable(run);
        }
        Start.requireWhiteInputs(run, name());
        Start start = Start.of(run, seed);
        start.requireWhiteInputs(name());
        int depth = start.network().depth();
        double[][] a = start.modeStrengths(name());
        double[] s = start.task().svd().s();
        int r = s.length;
        double tau = run.tau();
        double[] u0 = initialStrengths(run, a, s);
        double[][] diff0 = Start.differences(a);
        Observables observables = start.observables();
        Observables.Recorder recorder = start.continuousRecorder(name(), observables, progress);
        BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(SOLVER_ACCURACY, 1e-300, 5);
        for (double t : run.recordSteps()) {
            double[] u = new double[r];
            for (int k = 0; k < r; k++) {
                if (u0[k] == 0) {
                    continue;
                }
                if (depth > 3) {
                    u[k] = eq17Inverse(solver, s[k], tau, depth, u0[k], t);
                } else if (a[0][k] == a[1][k]) {
                    u[k] = ClosedForms.eq12(s[k], tau, u0[k], t);
                } else {
                    double c0 = Math.abs(a[0][k] * a[0][k] - a[1][k] * a[1][k]);
                    double theta0 = ClosedForms.eq23Theta(a[0][k], a[1][k]);
                    u[k] = ClosedForms.eq23ProductAsPrinted(c0, ClosedForms.eq26ThetaAsPrinted(s[k], tau, c0, theta0, t));
                }
            }
            // The closed forms keep a_l² − a_{l+1}² at its start value by construction.
            recorder.add(t, observables.ofModes(u, diff0, diff0, start.network().narrowest()));
        }
        return recorder.build();
    }

    /** The u_f at which eq 17's time equals t (eq 17 increases from 0 at u0 to ∞ at s). */
    private static double eq17Inverse(BracketingNthOrderBrentSolver solver, double s, double tau, int depth, double u0, double t) {
        if (t == 0) {
            return u0;
        }
        double hi = s * (1 - 1e-15);
        if (ClosedForms.eq17(s, tau, depth, u0, hi) <= t) {
            return hi;
        }
        return solver.solve(10_000, uf -> uf == u0 ? -t : ClosedForms.eq17(s, tau, depth, u0, uf) - t, u0, hi);
    }
}
