package org.theorycheck.theories.deeplinear.ladder;

import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.theorycheck.theories.deeplinear.closedform.ClosedForms;

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
public final class ClosedFormRung implements Rung {

    /** Relative accuracy of the solve of eq 17 for u: far below any gap this rung is compared on. */
    private static final double SOLVER_ACCURACY = 1e-14;

    @Override
    public String name() {
        return "closed";
    }

    @Override
    public DeepLinearTrace run(DeepLinearRun run, long seed) {
        Start start = Start.of(run, seed);
        start.requireWhiteInputs(name());
        int depth = start.network().depth();
        if (depth < 3) {
            throw new IllegalArgumentException("the closed rung needs N_l >= 3 (eq 12, eq 17); the paper prints no closed form for"
                    + " N_l = 2");
        }
        double[][] a = start.modeStrengths(name());
        double[] s = start.task().svd().s();
        int r = s.length;
        double tau = run.tau();
        double[] u0 = new double[r];
        for (int k = 0; k < r; k++) {
            double u = 1;
            for (double[] layer : a) {
                u *= layer[k];
            }
            u0[k] = u;
            if (u != 0 && !(u < s[k])) {
                throw new IllegalArgumentException((Double.isNaN(run.theoryU0()) ? "model.u0" : "theory.u0") + " = " + u
                        + " must lie in (0, s_" + (k + 1) + " = " + s[k] + ") for the closed forms");
            }
        }
        double[][] diff0 = Start.differences(a);
        Observables observables = start.observables();
        Observables.Recorder recorder = start.continuousRecorder(name(), observables);
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
