package org.theorycheck.theories.deeplinear.measure;

import static java.lang.String.format;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.events.ODEEventHandler;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.theorycheck.core.ode.Integrators;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.theories.deeplinear.closedform.ClosedForms;
import org.theorycheck.theories.deeplinear.closedform.ScalarModes;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.ladder.RungIntegration;
import org.theorycheck.theories.deeplinear.ladder.ModesRung;
import org.theorycheck.theories.deeplinear.ladder.Observables;
import org.theorycheck.theories.deeplinear.linalg.Matrix;
import org.theorycheck.theories.deeplinear.task.Statistics;

/**
 * One pure function per checkable prediction of the reference's §6 (numbered as there), each returning
 * one case's {@link Measurement}: a deviation that is 0 exactly as predicted and grows with the violation,
 * its text saying what was measured with units (also the case's description where it deviates); a run that
 * cannot tell (a mode that never reached s/2) is undecided, which a verdict makes INCONCLUSIVE. Tolerances
 * are not here: they belong to the claims that use these numbers.
 */
public final class Predictions {

    private Predictions() {}

    /** One case: {@code deviation} (NaN when the run cannot tell) and what was measured. */
    static Measurement measured(double deviation, String text) {
        if (Double.isNaN(deviation)) {
            return Measurement.decision(null, text, "", "");
        }
        return Measurement.of(deviation, text, deviation, deviation > 0 ? text : "");
    }

    private static String f(String pattern, Object... args) {
        return format(Locale.ROOT, pattern, args);
    }

    // ------------------------------------------------------------------ 1–3: eq 10, 11, 12, t_half

    /** Points at which a candidate solution is sampled. */
    private static final int SAMPLES = 200;

    /**
     * Prediction 1: a candidate {@code u(t)} (eq 12) solves eq 10, {@code τu′ = 2u(s − u)}, with
     * u(0) = u0. Returns max |τu′ − 2u(s−u)| over t ∈ [0, tEnd] relative to the largest slope s²/2 (u′ by
     * a five-point stencil with step 1e-3 τ/s, whose error is about 1e-12 of that slope), or
     * |u(0) − u0|/u0 if larger.
     */
    public static Measurement p1Eq12SolvesEq10(DoubleUnaryOperator u, double s, double tau, double u0, double tEnd) {
        double h = 1e-3 * tau / s;
        double worst = 0;
        double worstAt = 0;
        for (int i = 0; i <= SAMPLES; i++) {
            double t = tEnd * i / SAMPLES;
            double derivative = (-u.applyAsDouble(t + 2 * h) + 8 * u.applyAsDouble(t + h) - 8 * u.applyAsDouble(t - h)
                    + u.applyAsDouble(t - 2 * h)) / (12 * h);
            double v = u.applyAsDouble(t);
            double residual = Math.abs(tau * derivative - ScalarModes.eq10(v, s)) / (s * s / 2);
            if (residual > worst) {
                worst = residual;
                worstAt = t;
            }
        }
        double start = Math.abs(u.applyAsDouble(0) - u0) / u0;
        return measured(Math.max(worst, start), f("max |τu' − 2u(s−u)| / (s²/2) = %.3g (at t = %.6g steps) over t in [0, %.6g];"
                + " |u(0) − u0|/u0 = %.3g (s = %g, τ = %g, u0 = %g)", worst, worstAt, tEnd, start, s, tau, u0));
    }

    /** Prediction 2: {@code t(u(t)) = t} for candidate eq 11 ({@code t(u_f)}) and eq 12 ({@code u(t)}); max relative error. */
    public static Measurement p2Eq11InvertsEq12(DoubleUnaryOperator timeOf, DoubleUnaryOperator u, double tEnd) {
        double worst = 0;
        for (int i = 1; i <= SAMPLES; i++) {
            double t = tEnd * i / SAMPLES;
            worst = Math.max(worst, Math.abs(timeOf.applyAsDouble(u.applyAsDouble(t)) - t) / t);
        }
        return measured(worst, f("max |t(u(t)) − t| / t = %.3g over %d times in (0, %.6g] steps", worst, SAMPLES, tEnd));
    }

    /**
     * Prediction 3: the time mode α of a trace first reaches s/2 (interpolated between records) against
     * t_half = (τ/2s) ln(s/u0 − 1); relative difference.
     */
    public static Measurement p3HalfTime(DeepLinearTrace trace, int alpha, double s, double tau, double u0) {
        double measured = TraceReading.crossing(trace, alpha, s / 2);
        double predicted = ClosedForms.tHalf(s, tau, u0);
        if (Double.isNaN(measured)) {
            return measured(Double.NaN, f("mode %d of the %s trace never reaches s/2 = %g by step %g (t_half = %.6g)", alpha,
                    trace.rung(), s / 2, trace.steps()[trace.steps().length - 1], predicted));
        }
        double dev = Math.abs(measured - predicted) / predicted;
        return measured(dev, f("%s: mode %d reaches s/2 at step %.6g; t_half = (τ/2s) ln(s/u0 − 1) = %.6g steps; relative"
                + " difference %.3g (s = %g, τ = %g, u0 = %g)", trace.rung(), alpha, measured, predicted, dev, s, tau, u0));
    }

    // ------------------------------------------------------------------ 4–6: ordering and shape

    /**
     * Prediction 4: learning time ∝ 1/s up to the log factor: max over modes of
     * |2 s t_half/τ − ln(s/u0 − 1)| / ln(s/u0 − 1), with the log–log slope of t_half against s in the text.
     */
    public static Measurement p4InverseS(double[] s, double[] tHalf, double tau, double u0) {
        double worst = 0;
        for (int i = 0; i < s.length; i++) {
            if (Double.isNaN(tHalf[i])) {
                return measured(Double.NaN, f("mode with s = %g has no half time", s[i]));
            }
            double log = Math.log(s[i] / u0 - 1);
            worst = Math.max(worst, Math.abs(2 * s[i] * tHalf[i] / tau - log) / log);
        }
        return measured(worst, f("max relative |2 s t_half/τ − ln(s/u0 − 1)| = %.3g over %d modes; log-log slope of t_half vs s"
                + " = %.4f (−1 up to the log factor)", worst, s.length, slope(s, tHalf)));
    }

    static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += Math.log(x[i]) / x.length;
            my += Math.log(y[i]) / x.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (Math.log(x[i]) - mx) * (Math.log(y[i]) - my);
            sxx += (Math.log(x[i]) - mx) * (Math.log(x[i]) - mx);
        }
        return sxy / sxx;
    }

    /**
     * Prediction 4 as a scaling: with the log factor of eq 11 divided out, t_half ∝ 1/s, i.e. the log–log
     * slope of 2 t_half / (τ ln(s/u0 − 1)) against s is −1. Deviation |slope + 1| over the modes given (at
     * least two distinct s); the raw slope of t_half against s is in the text. Undecided if a mode has no
     * half time.
     */
    public static Measurement p4Slope(double[] s, double[] tHalf, double tau, double[] u0) {
        double[] corrected = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            if (Double.isNaN(tHalf[i])) {
                return measured(Double.NaN, f("the mode with s = %g has no half time in the run", s[i]));
            }
            corrected[i] = 2 * tHalf[i] / (tau * Math.log(s[i] / u0[i] - 1));
        }
        double slope = slope(s, corrected);
        double dev = Math.abs(slope + 1);
        return measured(dev, f("log-log slope of 2 t_half/(τ ln(s/u0 − 1)) against s = %.5f over %d modes (−1 for t ∝ 1/s);"
                + " of t_half itself %.4f", slope, s.length, slope(s, tHalf)));
    }

    /**
     * Prediction 5: stronger modes are learned first. The fraction of mode pairs with s_α > s_β (strictly)
     * whose half times are in the wrong order, t_half,α > t_half,β.
     */
    public static Measurement p5StrongerFirst(double[] s, double[] tHalf) {
        int pairs = 0;
        int wrong = 0;
        StringBuilder which = new StringBuilder();
        for (int i = 0; i < s.length; i++) {
            if (Double.isNaN(tHalf[i])) {
                return measured(Double.NaN, f("mode with s = %g never reached s/2", s[i]));
            }
            for (int j = 0; j < s.length; j++) {
                if (s[i] > s[j]) {
                    pairs++;
                    if (tHalf[i] > tHalf[j]) {
                        wrong++;
                        which.append(f(" (s=%g at %.4g after s=%g at %.4g)", s[i], tHalf[i], s[j], tHalf[j]));
                    }
                }
            }
        }
        double dev = pairs == 0 ? Double.NaN : wrong / (double) pairs;
        return measured(dev, f("%d of %d pairs out of order%s", wrong, pairs, which));
    }

    /**
     * Prediction 6: sigmoidal learning of mode α: u monotone, s − u never changes sign, and the steepest
     * record interval is where u crosses s/2. Measurement: the fraction of record intervals where u moves
     * against its overall direction (beyond 1e-12 s), plus the number of sign changes of s − u, plus
     * |u at the steepest interval's midpoint − s/2| / s (limited by the record interval's resolution).
     */
    public static Measurement p6Sigmoid(DeepLinearTrace trace, int alpha, double s) {
        double[] u = trace.series(DeepLinearTrace.mode(alpha));
        double direction = Math.signum(u[u.length - 1] - u[0]);
        int against = 0;
        int signChanges = 0;
        int steepest = 1;
        for (int i = 1; i < u.length; i++) {
            double du = u[i] - u[i - 1];
            if (direction * du < -1e-12 * s) {
                against++;
            }
            if (Math.signum(s - u[i]) != Math.signum(s - u[i - 1]) && Math.abs(s - u[i]) > 1e-12 * s) {
                signChanges++;
            }
            if (Math.abs(du) > Math.abs(u[steepest] - u[steepest - 1])) {
                steepest = i;
            }
        }
        double inflection = Math.abs((u[steepest] + u[steepest - 1]) / 2 - s / 2) / s;
        double dev = against / (double) (u.length - 1) + signChanges + inflection;
        return measured(dev, f("%s mode %d: %d of %d record intervals against the trend, %d sign changes of s − u, steepest"
                + " interval at u = %.4g (s/2 = %.4g; relative distance %.3g)", trace.rung(), alpha, against, u.length - 1,
                signChanges, (u[steepest] + u[steepest - 1]) / 2, s / 2, inflection));
    }

    // ------------------------------------------------------------------ 7–12: invariants

    /** Prediction 7: a² − b² (eq 8), a_i² − a_j² (eq 14) conserved on a mode rung: max drift over the trace / scale. */
    public static Measurement p7ModeInvariant(DeepLinearTrace trace, double scale) {
        double drift = TraceReading.max(trace.series(Observables.CONSERVED));
        return measured(drift / scale, f("%s: max drift of the per-mode a_l² − a_{l+1}² = %.3g, relative to %g: %.3g",
                trace.rung(), drift, scale, drift / scale));
    }

    /**
     * Prediction 7 for eq 14 at any depth: integrates eq 14's flow (τ = 1) from per-layer strengths
     * {@code a0} for time {@code tEnd} and returns the largest change of any a_i² − a_j², relative to
     * max a_i², along the trajectory.
     */
    public static Measurement p7Eq14Invariants(double[] a0, double s, double tEnd) {
        double[] times = new double[101];
        for (int i = 0; i < times.length; i++) {
            times[i] = tEnd * i / 100;
        }
        double[] worst = {0, 0, 0};
        RungIntegration.integrate("the strengths a_i of eq 14's flow", i -> "a_" + (i + 1), "start nearer s^{1/(N_l−1)}",
                (t, y) -> {
                    double[] dy = new double[y.length];
                    ScalarModes.eq14Flow(y, s, dy);
                    return dy;
                }, a0, times, (t, y) -> {
            for (int i = 0; i < y.length; i++) {
                worst[1] = Math.max(worst[1], y[i] * y[i]);
                for (int j = i + 1; j < y.length; j++) {
                    worst[0] = Math.max(worst[0], Math.abs((y[i] * y[i] - y[j] * y[j]) - (a0[i] * a0[i] - a0[j] * a0[j])));
                }
            }
            worst[2] = product(y);
        });
        return measured(worst[0] / worst[1], f("eq 14 flow of %d strengths from %s for τ·%g: max |Δ(a_i² − a_j²)| = %.3g,"
                + " relative to max a² %.3g; u went %.4g -> %.4g (s = %g)", a0.length, Arrays.toString(a0), tEnd, worst[0],
                worst[0] / worst[1], product(a0), worst[2], s));
    }

    private static double product(double[] a) {
        double u = 1;
        for (double v : a) {
            u *= v;
        }
        return u;
    }

    /**
     * Prediction 8 on gd, N_l = 3: one step of eq 1 from (W21, W32) to (W21', W32') changes
     * {@code Q = W21W21ᵀ − W32ᵀW32} by exactly {@code λ²(W32ᵀEEᵀW32 − W21EᵀEW21ᵀ)},
     * {@code E = Σ31 − W32W21Σ11}. Returns ||ΔQ − that|| / ||that||.
     */
    public static Measurement p8GdStep(Matrix w21, Matrix w32, Matrix w21After, Matrix w32After, Statistics stats, double rate) {
        return p8GdStep(w21, w32, w21After, w32After, stats, rate, false);
    }

    /**
     * Prediction 8 on gd, against the prediction of the flow ({@code asFlow}: no change at all) or of eq 1
     * (the λ² term); the deviation is relative to the size of the λ² term either way, so the flow's prediction
     * misses a gd step by about 1.
     */
    public static Measurement p8GdStep(Matrix w21, Matrix w32, Matrix w21After, Matrix w32After, Statistics stats, double rate,
            boolean asFlow) {
        Matrix e = stats.sigma31().minus(w32.times(w21).times(stats.sigma11()));
        Matrix q = w21.timesTranspose(w21).minus(w32.transposeTimes(w32));
        Matrix qAfter = w21After.timesTranspose(w21After).minus(w32After.transposeTimes(w32After));
        Matrix we = w32.transposeTimes(e);
        Matrix ew = e.timesTranspose(w21);
        Matrix lambdaSquared = we.timesTranspose(we).minus(ew.transposeTimes(ew)).scale(rate * rate);
        Matrix predicted = asFlow ? lambdaSquared.scale(0) : lambdaSquared;
        double dev = qAfter.minus(q).minus(predicted).frobenius() / lambdaSquared.frobenius();
        return measured(dev, f("||ΔQ − %s|| / ||λ²(W32ᵀEEᵀW32 − W21EᵀEW21ᵀ)|| = %.3g (||ΔQ|| = %.3g, λ = %g)",
                asFlow ? "0 (the flow's prediction)" : "λ²(W32ᵀEEᵀW32 − W21EᵀEW21ᵀ)", dev, qAfter.minus(q).frobenius(), rate));
    }

    /** Prediction 8 on the flow: max conserved drift relative to the largest ||W_tot||. */
    public static Measurement p8FlowDrift(DeepLinearTrace trace) {
        double drift = TraceReading.max(trace.series(Observables.CONSERVED));
        double scale = TraceReading.max(trace.series(Observables.NORM));
        return measured(drift / scale, f("%s: max ||Q(t) − Q(0)||_F = %.3g, relative to max ||W_tot||_F = %.3g: %.3g", trace.rung(),
                drift, scale, drift / scale));
    }

    /** Prediction 9: the decoupled manifold is invariant: max off-diagonal mass of the layers relative to ||W_tot||. */
    public static Measurement p9Manifold(DeepLinearTrace trace) {
        String series = trace.has(Observables.OFFDIAG_LAYERS) ? Observables.OFFDIAG_LAYERS : Observables.OFFDIAG;
        double[] off = trace.series(series);
        double[] norm = trace.series(Observables.NORM);
        double worst = 0;
        for (int i = 0; i < off.length; i++) {
            worst = Math.max(worst, off[i] / Math.max(norm[i], Double.MIN_NORMAL));
        }
        return measured(worst, f("%s: max %s / ||W_tot|| = %.3g over %d records", trace.rung(), series, worst, off.length));
    }

    /**
     * Prediction 10: balanced decoupled gd follows {@code u_{k+1} = u_k(1 + λ(s − u_k))²} exactly: max over
     * records of |u_gd − u_map| / s; the text compares the first step at or past s/2 with eq 12's t_half.
     */
    public static Measurement p10DiscreteMap(DeepLinearTrace gd, int alpha, double s, double rate, double u0) {
        double[] steps = gd.steps();
        double[] u = gd.series(DeepLinearTrace.mode(alpha));
        double map = u0;
        int k = 0;
        double worst = 0;
        int firstHalf = -1;
        for (int i = 0; i < steps.length; i++) {
            while (k < steps[i]) {
                map = ClosedForms.discreteMap(map, s, rate);
                k++;
                if (firstHalf < 0 && map >= s / 2) {
                    firstHalf = k;
                }
            }
            worst = Math.max(worst, Math.abs(u[i] - map) / s);
        }
        return measured(worst / 1, f("%s mode %d: max |u − map| / s = %.3g over %d records; the map first reaches s/2 at step %d,"
                + " eq 12's t_half = %.4g (λ = %g, s = %g, u0 = %g)", gd.rung(), alpha, worst, steps.length, firstHalf,
                ClosedForms.tHalf(s, 1 / rate, u0), rate, s, u0));
    }

    /** Prediction 11: convergence to eq 7: the last distance to the best rank-N2 approximation over the first. */
    public static Measurement p11BestRank(DeepLinearTrace trace) {
        double[] gap = trace.series(Observables.BEST_RANK_GAP);
        if (gap[0] == 0) {
            return measured(Double.NaN, trace.rung() + ": starts at eq 7's minimum; nothing to converge");
        }
        double dev = gap[gap.length - 1] / gap[0];
        return measured(dev, f("%s: ||W_tot − Σ_{α≤N2} s_α u_α v_αᵀ|| went %.4g -> %.4g (ratio %.3g) by step %g", trace.rung(),
                gap[0], gap[gap.length - 1], dev, trace.steps()[gap.length - 1]));
    }

    /** Prediction 12, first half: E (eq 6, here the loss up to a constant and 1/2τ) never increases along a mode trace; largest increase / initial loss. */
    public static Measurement p12EnergyDecreases(DeepLinearTrace trace) {
        double[] loss = trace.series(Observables.LOSS);
        double worst = 0;
        for (int i = 1; i < loss.length; i++) {
            worst = Math.max(worst, loss[i] - loss[i - 1]);
        }
        return measured(worst / loss[0], f("%s: largest increase of the loss between records = %.3g (initial loss %.4g)", trace.rung(),
                worst, loss[0]));
    }

    /**
     * Prediction 12, second half: eq 5's right-hand side equals −∂E/∂(a, b) of eq 6 (τ = 1) at a state
     * {@code y = [W̄21 (N2×N1), W̄32 (N3×N2)]}, by central differences; max error relative to max |rhs|.
     */
    public static Measurement p12Eq5IsGradientOfEq6(double[] y, int n1, int n2, int n3, double[] s,
            java.util.function.UnaryOperator<double[]> candidate) {
        double[] padded = Arrays.copyOf(s, Math.max(n1, n3));
        double[] rhs = candidate.apply(y);
        double h = 1e-6;
        double worst = 0;
        double scale = 0;
        double[] probe = y.clone();
        for (int i = 0; i < y.length; i++) {
            probe[i] = y[i] + h;
            double up = eq6(probe, n1, n2, n3, padded);
            probe[i] = y[i] - h;
            double down = eq6(probe, n1, n2, n3, padded);
            probe[i] = y[i];
            worst = Math.max(worst, Math.abs(-(up - down) / (2 * h) - rhs[i]));
            scale = Math.max(scale, Math.abs(rhs[i]));
        }
        return measured(worst / scale, f("max |−∂E/∂θ (central differences, h = 1e-6) − eq 5 rhs| = %.3g, relative to max |rhs| ="
                + " %.3g: %.3g (N1 = %d, N2 = %d, N3 = %d)", worst, scale, worst / scale, n1, n2, n3));
    }

    /** Eq 5's right-hand side (τ = 1) as the modes rung computes it, as a candidate for {@link #p12Eq5IsGradientOfEq6}. */
    public static java.util.function.UnaryOperator<double[]> eq5(int n1, int n2, int n3, double[] s) {
        double[] padded = Arrays.copyOf(s, Math.max(n1, n3));
        return y -> ModesRung.eq5(y, n1 * n2, n1, n2, n3, padded, new double[n3 * n1]);
    }

    /** Eq 6 with τ = 1: ½ Σ_α (s_α − a^α·b^α)² + ½ Σ_{α≠β} (a^α·b^β)², α over a's (N1) and β over b's (N3). */
    static double eq6(double[] y, int n1, int n2, int n3, double[] s) {
        int sizeA = n1 * n2;
        double e = 0;
        for (int a = 0; a < n1; a++) {
            for (int b = 0; b < n3; b++) {
                double dot = 0;
                for (int i = 0; i < n2; i++) {
                    dot += y[i * n1 + a] * y[sizeA + b * n2 + i];
                }
                e += a == b ? (s[a] - dot) * (s[a] - dot) : dot * dot;
            }
        }
        return e / 2;
    }

    // ------------------------------------------------------------------ 13–18: random starts and depth

    /**
     * Prediction 13 (and 3 on a rung): the modes of a run reach s/2 when the theory says. Per named mode,
     * the relative half-time delay (t_half,sim − t_half,theory)/t_half,theory (Fig 3 right), t_half,sim
     * interpolated between records; the deviation is the largest |delay|. Undecided if a mode never reaches
     * s/2 within the run.
     *
     * @param s         s_α of each named mode
     * @param predicted the theory's half time of each named mode (eq 11's for N_l = 3, eq 15's integral
     *                  otherwise: {@link ClosedForms#halfTime})
     */
    public static Measurement p13HalfTimeDelay(DeepLinearTrace sim, int[] modes, double[] s, double[] predicted) {
        StringBuilder per = new StringBuilder();
        double worst = 0;
        int worstMode = modes[0];
        for (int i = 0; i < modes.length; i++) {
            double measured = TraceReading.crossing(sim, modes[i], s[i] / 2);
            if (Double.isNaN(measured)) {
                return measured(Double.NaN, f("%s: mode %d never reached s/2 = %.4g by step %g (predicted t_half %.6g)", sim.rung(),
                        modes[i], s[i] / 2, sim.steps()[sim.steps().length - 1], predicted[i]));
            }
            double delay = (measured - predicted[i]) / predicted[i];
            if (Math.abs(delay) > worst) {
                worst = Math.abs(delay);
                worstMode = modes[i];
            }
            per.append(f(" %d:%+.4g", modes[i], delay));
        }
        return measured(worst, f("%s: relative t_half delay per mode (mode:delay)%s; max |delay| %.4g at mode %d", sim.rung(), per,
                worst, worstMode));
    }

    /** A candidate balanced-mode rate {@code τ du/dt} as a function of (u, s, N_l), e.g. eq 15. */
    public interface ModeRate {
        double rate(double u, double s, int depth);
    }

    /**
     * Prediction 14, numerically: eq 15 at N_l = 3 equals eq 10 on a grid of u, and for N_l = 2…7 the
     * chain rule through eq 14's flow on the balanced manifold equals eq 15; max relative error.
     */
    public static Measurement p14Eq15(double s, ModeRate candidate) {
        double worst = 0;
        for (int i = 1; i < 100; i++) {
            double u = s * i / 100;
            worst = Math.max(worst, Math.abs(candidate.rate(u, s, 3) - ScalarModes.eq10(u, s)) / (s * s));
        }
        for (int depth = 2; depth <= 7; depth++) {
            for (int i = 1; i < 20; i++) {
                double a = Math.pow(s * i / 20, 1.0 / (depth - 1));
                double[] strengths = new double[depth - 1];
                Arrays.fill(strengths, a);
                double[] rates = new double[depth - 1];
                ScalarModes.eq14Flow(strengths, s, rates);
                double u = product(strengths);
                double chain = 0;
                for (int l = 0; l < strengths.length; l++) {
                    chain += u / strengths[l] * rates[l];
                }
                double eq15 = candidate.rate(u, s, depth);
                worst = Math.max(worst, Math.abs(chain - eq15) / Math.max(Math.abs(eq15), 1e-300));
            }
        }
        return measured(worst, f("max relative |eq 15 − eq 10| at N_l = 3 and |du/dt via eq 14 − eq 15| at N_l = 2..7: %.3g (s = %g)",
                worst, s));
    }

    /** A candidate learning time t(u_f) from u0, e.g. eq 17. */
    public interface LearningTime {
        double time(double s, double tau, int depth, double u0, double uf);
    }

    /**
     * Prediction 15: eq 17 integrates eq 16: dt/du_f of eq 17 (five-point stencil) against
     * τ/(N_l u_f²(s − u_f)) on a grid of u_f in (u0, s); max relative error. The text also gives how far
     * eq 17 is from the exact eq 15 time at this depth (the large-depth approximation's gap).
     */
    public static Measurement p15Eq17(double s, double tau, int depth, double u0, LearningTime candidate) {
        double worst = 0;
        for (int i = 1; i < 100; i++) {
            double uf = u0 + (s - u0) * i / 100.0;
            double h = 1e-4 * Math.min(uf - u0, s - uf);
            double d = (-candidate.time(s, tau, depth, u0, uf + 2 * h) + 8 * candidate.time(s, tau, depth, u0, uf + h)
                    - 8 * candidate.time(s, tau, depth, u0, uf - h) + candidate.time(s, tau, depth, u0, uf - 2 * h)) / (12 * h);
            double expected = tau / (depth * uf * uf * (s - uf));
            worst = Math.max(worst, Math.abs(d - expected) / expected);
        }
        double uf = s * 0.99;
        double t17 = candidate.time(s, tau, depth, u0, uf);
        double t15 = ClosedForms.eq15Time(s, tau, depth, u0, uf);
        return measured(worst, f("max relative |d eq17/du_f − τ/(N u²(s−u))| = %.3g (N_l = %d); to u_f = 0.99 s eq 17 gives %.6g"
                + " and the exact eq 15 %.6g steps (eq 17 / eq 15 = %.4f)", worst, depth, t17, t15, t17 / t15));
    }

    /** A candidate top Hessian eigenvalue at the optimum, as a function of (s, N_l, τ), e.g. eq 41. */
    public interface TopEigenvalue {
        double at(double s, int depth, double tau);
    }

    /**
     * Prediction 16: the top eigenvalue of the finite-difference Hessian of eq 14's energy
     * {@code (1/2τ)(s − Π a_i)²} at a_opt = s^{1/(N_l−1)} against eq 41 (or another candidate, e.g. eq 42's large-depth
     * form N_l s²/τ); deviation |ln(λ_FD / candidate)|.
     */
    public static Measurement p16Eq41(double s, int depth, double tau, TopEigenvalue candidate) {
        int m = depth - 1;
        double aOpt = Math.pow(s, 1.0 / m);
        double[] a = new double[m];
        Arrays.fill(a, aOpt);
        double h = 1e-4 * aOpt;
        double[][] hess = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                hess[i][j] = (energy(a, s, tau, i, h, j, h) - energy(a, s, tau, i, h, j, -h) - energy(a, s, tau, i, -h, j, h)
                        + energy(a, s, tau, i, -h, j, -h)) / (4 * h * h);
            }
        }
        double[] eig = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(hess)).getEigenvalues();
        double top = Arrays.stream(eig).max().orElseThrow();
        double predicted = candidate.at(s, depth, tau);
        // A factor on a log scale: eq 41 is exact, its large-depth form eq 42 an order.
        double dev = Math.abs(Math.log(top / predicted));
        return measured(dev, f("N_l = %d, s = %g: top eigenvalue of the finite-difference Hessian (h = 1e-4 a_opt) %.8g, formula %.8g,"
                + " |ln(ratio)| %.3g; optimal rate ∝ 1/λ1 = %.4g (N_l s² = %.4g)", depth, s, top, predicted, dev, 1 / predicted,
                depth * s * s));
    }

    private static double energy(double[] a, double s, double tau, int i, double di, int j, double dj) {
        double[] p = a.clone();
        p[i] += di;
        p[j] += dj;
        return ScalarModes.eq14Energy(p, s) / tau;
    }

    /**
     * Prediction 17: at the optimised rate 1/(c λ1), the iterations from u0 to u_f (given per depth by
     * {@code iterations}: {@link ClosedForms#optimisedRateIterations} for eq 15, or measured gd) stay bounded
     * as N_l grows and approach eq 44's t∞. Measurement: |t(N_max) − t∞| / t∞; the text gives t(N) for
     * every depth and eq 45's t∞ − t3 against the measured t(N_max) − t(3).
     */
    public static Measurement p17FiniteDelay(double c, double s, double u0, double uf, int[] depths,
            java.util.function.IntToDoubleFunction iterations) {
        StringBuilder per = new StringBuilder();
        double last = Double.NaN;
        double t3 = iterations.applyAsDouble(3);
        double max = 0;
        for (int depth : depths) {
            last = iterations.applyAsDouble(depth);
            max = Math.max(max, last);
            per.append(f(" %d:%.5g", depth, last));
        }
        double tInf = ClosedForms.eq44(c, s, u0, uf);
        double dev = Math.abs(last - tInf) / tInf;
        return measured(dev, f("iterations at rate 1/(c λ1) (N_l:t)%s; eq 44 t∞ = %.5g, max over depths %.5g; t(N_max) − t(3) ="
                + " %.5g vs eq 45 %.5g (c = %g, s = %g, u0 = %g, u_f = %g)", per, tInf, max, last - t3, ClosedForms.eq45(c, s, u0, uf),
                c, s, u0, uf));
    }

    /**
     * Prediction 18: at fixed τ, eq 15's learning time ({@code time} per depth, e.g.
     * {@link ClosedForms#eq15Time}) falls like 1/N_l for large N_l. Measurement: the
     * relative change of N_l·t(N_l) between the two largest depths, plus the number of depths where t did
     * not fall.
     */
    public static Measurement p18ContinuousTimeDepth(double u0, double uf, int[] depths, java.util.function.IntToDoubleFunction time) {
        double previous = Double.POSITIVE_INFINITY;
        int rises = 0;
        double[] nt = new double[depths.length];
        StringBuilder per = new StringBuilder();
        for (int i = 0; i < depths.length; i++) {
            double t = time.applyAsDouble(depths[i]);
            rises += t < previous ? 0 : 1;
            previous = t;
            nt[i] = depths[i] * t;
            per.append(f(" %d:%.5g", depths[i], t));
        }
        double change = Math.abs(nt[nt.length - 1] / nt[nt.length - 2] - 1);
        return measured(change + rises, f("time from u0 = %g to u_f = %g (N_l:t)%s; N_l·t changes by %.3g between the last two"
                + " depths; %d depths where t did not fall", u0, uf, per, change, rises));
    }

    // ------------------------------------------------------------------ 22: depth trends

    /**
     * Prediction 22, Gaussian init: learning time grows with depth; the fraction of consecutive depths where
     * it did not. A depth that did not learn within the budget counts as infinitely slow.
     */
    public static Measurement p22Grows(int[] depths, double[] iterations) {
        int flat = 0;
        for (int i = 1; i < depths.length; i++) {
            flat += iterations[i] > iterations[i - 1] ? 0 : 1;
        }
        double dev = flat / (double) (depths.length - 1);
        return measured(dev, f("iterations by depth %s: %s; %d of %d steps in depth did not increase", Arrays.toString(depths),
                Arrays.toString(iterations), flat, depths.length - 1));
    }

    /** Prediction 22, orthogonal or pretrained init: learning time flat in depth; (max − min)/min. */
    public static Measurement p22Flat(int[] depths, double[] iterations) {
        double min = Arrays.stream(iterations).min().orElseThrow();
        double max = Arrays.stream(iterations).max().orElseThrow();
        double dev = (max - min) / min;
        return measured(dev, f("iterations by depth %s: %s; spread (max − min)/min = %.3g", Arrays.toString(depths),
                Arrays.toString(iterations), dev));
    }

    // ------------------------------------------------------------------ 26: App. A

    /**
     * Prediction 26 as printed: eq 26's time from eq 23's θ0 to the printed end {@code sinh θ_f = (1−ε)s/c0},
     * against the time eq 8 takes from (a0, b0) until ab = (1−ε)s (Dormand–Prince with an event); relative
     * difference.
     */
    public static Measurement p26AsPrinted(double a0, double b0, double s, double tau, double epsilon) {
        double c0 = Math.abs(a0 * a0 - b0 * b0);
        double printed = ClosedForms.eq26AsPrinted(s, tau, c0, ClosedForms.eq23Theta(a0, b0), ClosedForms.eq26EndAsPrinted(s, c0, epsilon));
        double direct = eq8Time(a0, b0, s, tau, (1 - epsilon) * s);
        double dev = Math.abs(printed - direct) / direct;
        return measured(dev, f("a0 = %g, b0 = %g (c0 = %.4g), s = %g, τ = %g, ε = %g: eq 26 as printed %.8g, eq 8 integrated %.8g;"
                + " relative difference %.3g; ab at the start %.4g vs the printed c0 sinh θ0 = %.4g", a0, b0, c0, s, tau, epsilon, printed,
                direct, dev, a0 * b0, ClosedForms.eq23ProductAsPrinted(c0, ClosedForms.eq23Theta(a0, b0))));
    }

    /** Prediction 26, second check: the derived correction of App. A against the same integration of eq 8. */
    public static Measurement p26Derived(double a0, double b0, double s, double tau, double epsilon) {
        double derived = ClosedForms.appendixATimeDerived(s, tau, a0, b0, (1 - epsilon) * s);
        double direct = eq8Time(a0, b0, s, tau, (1 - epsilon) * s);
        double dev = Math.abs(derived - direct) / direct;
        return measured(dev, f("derived App. A time %.10g vs eq 8 integrated %.10g: relative difference %.3g", derived, direct, dev));
    }

    /** The time eq 8 (τ da/dt = b(s − ab), τ db/dt = a(s − ab)) takes from (a0, b0) until ab = target. */
    static double eq8Time(double a0, double b0, double s, double tau, double target) {
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 2;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] d = ScalarModes.eq8(y[0], y[1], s);
                return new double[] {d[0] / tau, d[1] / tau};
            }
        };
        double[] hit = {Double.NaN};
        ODEEventDetector reach = new ODEEventDetector() {
            @Override
            public AdaptableInterval getMaxCheckInterval() {
                return AdaptableInterval.of(tau / s / 10);
            }

            @Override
            public int getMaxIterationCount() {
                return 200;
            }

            @Override
            public BracketedUnivariateSolver<UnivariateFunction> getSolver() {
                return new BracketingNthOrderBrentSolver(1e-14 * tau, 1e-14, 1e-300, 5);
            }

            @Override
            public ODEEventHandler getHandler() {
                return (state, detector, increasing) -> {
                    hit[0] = state.getTime();
                    return Action.STOP;
                };
            }

            @Override
            public double g(ODEStateAndDerivative state) {
                double[] y = state.getPrimaryState();
                return y[0] * y[1] - target;
            }
        };
        // A reference solution that eq 26 is compared with: the core's reference tolerance.
        double horizon = 1e6 * tau / s;
        DormandPrince853Integrator integrator = Integrators.dormandPrince(horizon, Integrators.REFERENCE_TOLERANCE);
        integrator.addEventDetector(reach);
        integrator.integrate(ode, new ODEState(0, new double[] {a0, b0}), horizon);
        return hit[0];
    }
}
