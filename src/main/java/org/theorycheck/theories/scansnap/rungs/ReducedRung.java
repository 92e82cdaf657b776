package org.theorycheck.theories.scansnap.rungs;

import org.theorycheck.theories.scansnap.train.YZDivergence;
import org.theorycheck.core.ode.DivergenceGuard;
import org.theorycheck.core.ode.GridSampler;
import org.theorycheck.core.ode.Integrators;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.experiment.ModelSpec;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.data.SyntheticFamily;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.model.YZModel;
import org.theorycheck.theories.scansnap.rungs.ContinuousTime;
import org.theorycheck.theories.scansnap.rungs.ContinuousRung;
import org.theorycheck.core.ladder.Divergence;
import org.theorycheck.core.ladder.DivergenceException.At;
import org.theorycheck.theories.scansnap.train.SgdRun;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rung 4: the reduced attention dynamics of Lemma 4 (Eqn. 10) with Theorem 1's decoder, integrated by an
 * adaptive Dormand–Prince 8(5,3) method and sampled at the SGD record steps by the integrator's dense
 * output. Rates are the continuous-time rates of {@link ContinuousTime}.
 *
 * <p>Assumptions on top of rung 3: the decoder is fast and starts at Y = 0 (Theorem 1's γ and β), so a
 * uniform initialisation enters through Z only; Y(0) is ignored. The initial Z is the one SGD starts
 * from with the same seed. Each snapshot has loss NaN (the rung has no decoder weights, so the loss is
 * {@link Trajectory.Undetermined undetermined}), the decoder residual of Lemma 5's one-class decoder at
 * h(t/K), and extras "h" (h(t/K)), "gamma", and per class n "B_n" and "xi_n". The integration stops with a
 * {@link org.theorycheck.core.ladder.DivergenceException} at the time the dynamics diverge ({@link DivergenceGuard});
 * classes whose decoder inputs coincide at t = 0, where Theorem 1's β is undefined, are bad input.
 */
public final class ReducedRung implements ContinuousRung {

    /** What the rung does not determine: the loss. */
    static final Set<Trajectory.Undetermined> UNDETERMINED = EnumSet.of(Trajectory.Undetermined.LOSS);

    /** Tolerances under which Eqn. 10's exact identities (row sums, Eqn. 110) hold to about 1e-10. */
    public static final double DEFAULT_TOLERANCE = Integrators.RUNG_TOLERANCE;

    private final double absoluteTolerance;
    private final double relativeTolerance;

    public ReducedRung() {
        this(DEFAULT_TOLERANCE, DEFAULT_TOLERANCE);
    }

    /** A rung integrating with the given absolute and relative local-error tolerances. */
    public ReducedRung(double absoluteTolerance, double relativeTolerance) {
        this.absoluteTolerance = absoluteTolerance;
        this.relativeTolerance = relativeTolerance;
    }

    @Override
    public String name() {
        return "reduced";
    }

    @Override
    public void requireApplicable(ExperimentConfig config) {
        config.requireSynthetic("rung " + name());
        ReducedRung.requireModelledVariant(config);
        ContinuousTime.requireApplicable(config.train(), config.source());
    }

    @Override
    public Trajectory runAt(ExperimentConfig config, long seed, double[] times) {
        return run(config, seed, times, List.of());
    }

    /**
     * As {@link #run(ExperimentConfig, long)}, with event detectors (e.g. {@link SnapTime#gammaPeak})
     * attached to the integration; their handlers decide what an event does.
     */
    public Trajectory run(ExperimentConfig config, long seed, double[] times, List<ODEEventDetector> detectors) {
        requireModelledVariant(config);
        SequenceClasses classes = SyntheticFamily.build(config.data());
        double etaY = ContinuousTime.etaY(config.train(), config.source());
        double etaZ = ContinuousTime.etaZ(config.train(), config.source());
        DecoderClosedForm decoder = new DecoderClosedForm(classes.vocabulary(), classes.classes(), etaY);
        ReducedAttentionDynamics dynamics = new ReducedAttentionDynamics(classes, decoder, etaZ);
        double[] initial = dynamics.initialState(
                initialZRows(classes.vocabulary(), config.model(), seed, classes.queryTokens()));
        requireInvertibleAtStart(config, dynamics, initial);
        int[] queries = classes.queryTokens();
        int m = classes.vocabulary();
        DivergenceGuard guard = new DivergenceGuard("the reduced state (z, B)", i -> i < queries.length * m
                ? "z (query " + queries[i / m] + ", token " + i % m + ")"
                : "B_" + (i - queries.length * m), YZDivergence.lowerRates(config.train()));

        int k = classes.classes();
        List<Trajectory.Snapshot> snapshots = new ArrayList<>();
        GridSampler.Sink sink = (t, state) -> {
            double[] xi = guard.at(t, () -> dynamics.xi(t, state));
            double[][] rows = new double[k][];
            double[] residual = new double[k];
            Map<String, Double> extras = new LinkedHashMap<>();
            extras.put("h", decoder.h(t / k));
            extras.put("gamma", decoder.gamma(t));
            for (int n = 0; n < k; n++) {
                rows[n] = dynamics.zRow(state, n);
                residual[n] = decoder.decoderResidual(t);
                extras.put("B_" + n, state[dynamics.bIndex(n)]);
                extras.put("xi_" + n, xi[n]);
            }
            Trajectory.Snapshot snapshot = new Trajectory.Snapshot(t, Double.NaN, rows, residual, extras);
            YZDivergence.requireRecorded(snapshot, classes, UNDETERMINED, At.time(t), Divergence.Precision.DOUBLE,
                    guard.advice());
            snapshots.add(snapshot);
        };
        double[] grid = times;
        double end = times[times.length - 1];
        DormandPrince853Integrator integrator =
                Integrators.dormandPrince(0, end, absoluteTolerance, relativeTolerance);
        integrator.addStepHandler(new GridSampler(grid, sink));
        detectors.forEach(integrator::addEventDetector);
        guard.integrate(integrator, dynamics, new ODEState(0, initial), end);
        return new Trajectory(name(), classes, snapshots, UNDETERMINED);
    }

    /**
     * Theorem 1's β = I − (I + E)⁻¹ needs the decoder inputs f_n to be linearly independent. Each class has
     * distinct tokens of its own, so they are, unless those tokens weigh too little against the common ones
     * for double precision to tell two classes apart: then the experiment is outside what the rung can
     * compute, and that is bad input, not a divergence.
     */
    private static void requireInvertibleAtStart(ExperimentConfig config, ReducedAttentionDynamics dynamics,
                                                 double[] initial) {
        try {
            dynamics.xi(0, initial);
        } catch (MathRuntimeException e) {
            throw new ConfigException(config.source(), 0, "data.distinct_weights", "the reduced rung needs the classes' "
                    + "decoder inputs f_n to be linearly independent, but at t = 0 the Gram matrix I + E is singular ("
                    + e.getMessage() + "): the distinct tokens weigh too little against the common ones "
                    + "(data.common_weight) for double precision to tell the classes apart; raise the distinct weights");
        }
    }

    /** Rows {@code rows} of Z(0) exactly as SGD draws it with this seed (zero, or YZModel's uniform draw). */
    static double[][] initialZRows(int vocabulary, ModelSpec model, long seed, int[] rows) {
        return YZModel.initialZRows(vocabulary, model, SgdRun.stream(seed), rows);
    }

    /** Eqn. 10 is derived for the l2-normalised attention without the residual connection. */
    static void requireModelledVariant(ExperimentConfig config) {
        if (!config.model().normalize()) {
            throw new ConfigException(config.source(), 0, "model.normalize",
                    "the reduced and closed-form rungs assume the l2-normalised attention (Lemma 2's f_n)");
        }
        if (config.model().residual()) {
            throw new ConfigException(config.source(), 0, "model.residual",
                    "the reduced and closed-form rungs do not model the residual variant (Sec. 7)");
        }
    }
}
