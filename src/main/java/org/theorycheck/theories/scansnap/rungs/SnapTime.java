package org.theorycheck.theories.scansnap.rungs;

import org.theorycheck.core.ode.DivergenceGuard;
import java.util.List;

import java.util.ArrayList;


import org.theorycheck.theories.scansnap.experiment.TrainSpec;

import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;

import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.events.ODEEventHandler;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.theorycheck.core.ode.Integrators;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.model.Trajectory;

import java.util.OptionalDouble;

/**
 * Snap-time detection (Theorem 4), in SGD steps. Two detectors:
 * <ul>
 *   <li>for the ODE rungs 4 and 5, the peak of the speed control γ(t), as an {@link ODEEventDetector}
 *       whose switching function is dγ/dt (detection only; the handler a caller supplies reacts);</li>
 *   <li>for any trajectory, the knee of B_n(t) against ln t (see {@link #knee}).</li>
 * </ul>
 * The paper's prediction t0 ≈ 2K ln M/η_Y ({@link DecoderClosedForm#snapTime()}) is reported beside each.
 */
public final class SnapTime {

    private static final int MAX_ITERATIONS = 200;
    private static final double RELATIVE_ACCURACY = 1e-14;
    private static final double ABSOLUTE_ACCURACY = 1e-12;
    private static final int SOLVER_ORDER = 5;
    private static final double REFERENCE_TOLERANCE = Integrators.REFERENCE_TOLERANCE;

    private SnapTime() {}

    /**
     * A measured snap time and the paper's prediction.
     *
     * @param measured  the detected time in SGD steps (NaN when the detector found none in the horizon)
     * @param predicted Theorem 4's t0 ≈ 2K ln M/η_Y in SGD steps
     * @param method    how {@code measured} was obtained
     */
    public record SnapEstimate(double measured, double predicted, String method) {}

    /**
     * A detector of γ's maximum on the global clock: its switching function is dγ/dt
     * ({@link DecoderClosedForm#gammaRate}), which changes sign exactly once, from + to −, because its sign
     * is that of 1 − u + (M−1)e^{−u} and u = M h(t/K) increases. It can be attached to any integration
     * whose time is the global clock; it reads only the time of the state.
     *
     * @param handler decides what the event does (e.g. record the time and continue or stop)
     */
    public static ODEEventDetector gammaPeak(DecoderClosedForm decoder, ODEEventHandler handler) {
        double maxCheck = decoder.scanBoundary() / 8;
        return new ODEEventDetector() {
            @Override
            public AdaptableInterval getMaxCheckInterval() {
                return AdaptableInterval.of(maxCheck);
            }

            @Override
            public int getMaxIterationCount() {
                return MAX_ITERATIONS;
            }

            @Override
            public BracketedUnivariateSolver<UnivariateFunction> getSolver() {
                return new BracketingNthOrderBrentSolver(RELATIVE_ACCURACY, ABSOLUTE_ACCURACY, SOLVER_ORDER);
            }

            @Override
            public ODEEventHandler getHandler() {
                return handler;
            }

            @Override
            public double g(ODEStateAndDerivative state) {
                return decoder.gammaRate(state.getTime());
            }
        };
    }

    /**
     * The time of γ's peak found by the {@link #gammaPeak} detector on a quadrature dΓ/dt = γ(t) over
     * [0, horizon]; empty if γ still rises at the horizon.
     *
     * @throws org.theorycheck.core.ladder.DivergenceException if γ is not finite on the way (M η_Y t overflows)
     */
    public static OptionalDouble gammaPeakTime(DecoderClosedForm decoder, double horizon) {
        double[] found = {Double.NaN};
        DormandPrince853Integrator integrator = Integrators.dormandPrince(horizon, REFERENCE_TOLERANCE);
        integrator.addEventDetector(gammaPeak(decoder, (state, detector, increasing) -> {
            found[0] = state.getTime();
            return Action.STOP;
        }));
        OrdinaryDifferentialEquation quadrature = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 1;
            }

            @Override
            public double[] computeDerivatives(double t, double[] state) {
                return new double[] {decoder.gamma(t)};
            }
        };
        new DivergenceGuard("the quadrature of gamma", i -> "", "lower η_Y = " + decoder.etaY()
                + " per unit of continuous time (train.eta_y, or train.eta_ratio × train.eta_z, over 1 − train.momentum)")
                .integrate(integrator, quadrature, new ODEState(0, new double[1]), horizon);
        return Double.isNaN(found[0]) ? OptionalDouble.empty() : OptionalDouble.of(found[0]);
    }

    /**
     * Every estimate that applies to a trajectory of {@code config}: the peak of γ (for SGD-type
     * optimisers, whose continuous-time rate is defined), then the knee of each class's B_n or largest
     * distinct-logit gain. Each carries the paper's t0 = 2K ln M/η_Y (continuous-time η_Y).
     */
    public static List<SnapEstimate> estimates(Trajectory trajectory, ExperimentConfig config) {
        List<SnapEstimate> out = new ArrayList<>();
        if (config.train().optimizer() != TrainSpec.Optimizer.SGD) {
            return out;
        }
        DecoderClosedForm decoder = new DecoderClosedForm(config.data().vocabulary(), config.data().classes(),
                ContinuousTime.etaY(config.train(), config.source()));
        out.add(fromGammaPeak(decoder, config.train().steps()));
        for (int n = 0; n < trajectory.classes().classes(); n++) {
            out.add(fromTrajectory(trajectory, n, decoder.snapTime()));
        }
        return out;
    }

    /** The γ-peak estimate with the paper's t0 beside it. */
    public static SnapEstimate fromGammaPeak(DecoderClosedForm decoder, double horizon) {
        return new SnapEstimate(gammaPeakTime(decoder, horizon).orElse(Double.NaN), decoder.snapTime(),
                "peak of gamma(t) (event detector on d gamma/dt)");
    }

    /**
     * The knee of a series b(t) against ln t. Over the samples with t &gt; 0, the local slope between
     * neighbours, σ_j = (b_{j+1} − b_j)/(ln t_{j+1} − ln t_j), is placed at the midpoint
     * τ_j = (ln t_j + ln t_{j+1})/2. With σ_max the largest slope, the knee is the first point after the
     * maximum where the slope falls below σ_max/2, located by linear interpolation of σ in τ between
     * the two midpoints that bracket σ_max/2, and returned as e^τ.
     *
     * @return the knee time, or NaN when b never rises or its slope never halves within the series
     */
    public static double knee(double[] t, double[] b) {
        if (t.length != b.length) {
            throw new IllegalArgumentException("times and values differ in length: " + t.length + " vs " + b.length);
        }
        int first = 0;
        while (first < t.length && !(t[first] > 0)) {
            first++;
        }
        int count = t.length - first - 1;
        if (count < 2) {
            return Double.NaN;
        }
        double[] tau = new double[count];
        double[] slope = new double[count];
        int top = 0;
        for (int j = 0; j < count; j++) {
            int i = first + j;
            double lo = Math.log(t[i]);
            double hi = Math.log(t[i + 1]);
            tau[j] = (lo + hi) / 2;
            slope[j] = (b[i + 1] - b[i]) / (hi - lo);
            if (slope[j] > slope[top]) {
                top = j;
            }
        }
        double half = slope[top] / 2;
        if (!(half > 0)) {
            return Double.NaN;
        }
        for (int j = top + 1; j < count; j++) {
            if (slope[j] < half) {
                double w = (slope[j - 1] - half) / (slope[j - 1] - slope[j]);
                return Math.exp(tau[j - 1] + w * (tau[j] - tau[j - 1]));
            }
        }
        return Double.NaN;
    }

    /**
     * The knee ({@link #knee}) of class n's B_n(t) on a trajectory: the extra "B_n" where the rung records
     * it (rungs 4 and 5), otherwise the largest distinct-token logit gain max_{l∈G_DT(n)} (z_ml(t) − z_ml(0))
     * = ½ ln max_l χ_l(t), which Eqn. 12 bounds by B_n from above.
     *
     * @param predicted the paper's t0 for the trajectory's experiment, reported beside the measurement
     */
    public static SnapEstimate fromTrajectory(Trajectory trajectory, int n, double predicted) {
        double[] t = trajectory.steps();
        String name = "B_" + n;
        if (trajectory.extraNames().contains(name)) {
            return new SnapEstimate(knee(t, trajectory.extraSeries(name)), predicted, "knee of " + name + " vs ln t");
        }
        SequenceClasses classes = trajectory.classes();
        int[] distinct = classes.distinctTokens(n);
        double[] gain = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int l : distinct) {
                best = Math.max(best, trajectory.z(i, n, l) - trajectory.z(0, n, l));
            }
            gain[i] = best;
        }
        return new SnapEstimate(knee(t, gain), predicted, "knee of max distinct logit gain of class " + n + " vs ln t");
    }
}
