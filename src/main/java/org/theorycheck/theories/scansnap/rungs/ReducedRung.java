package org.theorycheck.theories.scansnap.rungs;

import org.theorycheck.core.ode.GridSampler;
import org.theorycheck.core.ode.Integrators;
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
import org.theorycheck.theories.scansnap.train.SgdRun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rung 4: the reduced attention dynamics of Lemma 4 (Eqn. 10) with Theorem 1's decoder, integrated by an
 * adaptive Dormand–Prince 8(5,3) method and sampled at the SGD record steps by the integrator's dense
 * output. Rates are the continuous-time rates of {@link ContinuousTime}.
 *
 * <p>Assumptions on top of rung 3: the decoder is fast and starts at Y = 0 (Theorem 1's γ and β), so a
 * uniform initialisation enters through Z only; Y(0) is ignored. The initial Z is the one SGD starts
 * from with the same seed. Each snapshot has loss NaN (the rung has no decoder weights), the decoder
 * residual of Lemma 5's one-class decoder at h(t/K), and extras "h" (h(t/K)), "gamma", and per class n
 * "B_n" and "xi_n".
 */
public final class ReducedRung implements ContinuousRung {

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
        ContinuousTime.requireSgd(config.train(), config.source());
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

        int k = classes.classes();
        List<Trajectory.Snapshot> snapshots = new ArrayList<>();
        GridSampler.Sink sink = (t, state) -> {
            double[] xi = dynamics.xi(t, state);
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
            snapshots.add(new Trajectory.Snapshot(t, Double.NaN, rows, residual, extras));
        };
        double[] grid = times;
        double end = times[times.length - 1];
        DormandPrince853Integrator integrator = Integrators.dormandPrince(0, end, absoluteTolerance, relativeTolerance);
        integrator.addStepHandler(new GridSampler(grid, sink));
        detectors.forEach(integrator::addEventDetector);
        integrator.integrate(dynamics, new ODEState(0, initial), end);
        return new Trajectory(name(), classes, snapshots);
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
