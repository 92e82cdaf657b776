package org.theorycheck.theories.scansnap.rungs;

import org.theorycheck.theories.scansnap.train.YZDivergence;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.data.SyntheticFamily;
import org.theorycheck.theories.scansnap.data.TokenRole;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.rungs.ContinuousTime;
import org.theorycheck.theories.scansnap.rungs.ContinuousRung;
import org.theorycheck.core.ladder.Divergence;
import org.theorycheck.core.ladder.DivergenceException.At;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rung 5: Appendix F's closed forms (Eqns. 122–129) and Theorem 4's regimes (Eqn. 14), evaluated at the
 * SGD record steps with the continuous-time rates of {@link ContinuousTime}.
 *
 * <p>What this simplified model assumes, beyond rung 4: every class behaves like the others; all common
 * tokens act as one whose logit shift z(t) is shared; the normalisers ‖c̃_n‖ stay at their initial
 * values (ρ₀, see {@link AppendixF#inverseRhoSquared}), so the growth of distinct tokens does not feed
 * back into the overlaps; β_{nn'} ≈ f_nᵀf_{n'}; and C₀ = ρ₀⁴/K as Eqn. 13 states, whatever the number of
 * classes per query. The model therefore determines only the common tokens' logits. In each snapshot's
 * rows: common tokens of the query's classes carry z_ml(0) + z(t); distinct tokens, which the closed
 * forms do not determine (Eqn. 12 only bounds them), are NaN; tokens outside the supports of the query's
 * classes keep z_ml(0), since Eqn. 10 moves them at rate f_nl = 0.
 *
 * <p>Extras: "h" (h(t/K)), "gamma", "Gamma" (Eqn. 128), "xi" (Eqn. 123), "z_common" (z(t)), per class n
 * "B_n" (Eqn. 129 measured from B_n(0) = 0, i.e. ¼ ln(1 + 4Γ/C₀)), "B_scan" and "B_snap" (Eqn. 14's two
 * regimes, also measured from 0; "B_snap" is left out at t = 0, where its ln(M η_Y t/K) is undefined), and
 * the constant "C0". Loss is NaN; the decoder residual is that of Lemma 5's one-class decoder. The loss and
 * the distinct tokens' logits (so the distinct-token entropy and the attention c) are
 * {@link Trajectory.Undetermined undetermined}, written as empty fields. Every value the rung determines is
 * checked at every time ({@link Divergence}): at rates where M η_Y t overflows, h(t) does.
 */
public final class ClosedFormRung implements ContinuousRung {

    /** What the rung does not determine: the loss and the distinct tokens' logits. */
    static final Set<Trajectory.Undetermined> UNDETERMINED =
            EnumSet.of(Trajectory.Undetermined.LOSS, Trajectory.Undetermined.DISTINCT_LOGITS);

    @Override
    public String name() {
        return "closed";
    }

    @Override
    public void requireApplicable(ExperimentConfig config) {
        config.requireSynthetic("rung " + name());
        ReducedRung.requireModelledVariant(config);
        ContinuousTime.requireApplicable(config.train(), config.source());
    }

    @Override
    public Trajectory runAt(ExperimentConfig config, long seed, double[] times) {
        ReducedRung.requireModelledVariant(config);
        SequenceClasses classes = SyntheticFamily.build(config.data());
        double etaY = ContinuousTime.etaY(config.train(), config.source());
        double etaZ = ContinuousTime.etaZ(config.train(), config.source());
        int m = classes.vocabulary();
        int k = classes.classes();
        int[] queryOfClass = new int[k];
        for (int n = 0; n < k; n++) {
            queryOfClass[n] = classes.queryToken(n);
        }
        double[][] initialRows = ReducedRung.initialZRows(m, config.model(), seed, queryOfClass);
        double c0;
        try {
            c0 = AppendixF.paperC0(classes, initialRows);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(config.source(), 0, "data", "the closed-form rung needs "
                    + "at least two classes that share a contextual token: " + e.getMessage());
        }
        if (!Double.isFinite(c0)) {
            throw new ConfigException(config.source(), 0, "data.common_weight", "the closed-form rung's C₀ = ρ₀⁴/K "
                    + "(Eqn. 13) overflows: the classes' common tokens weigh too little against their distinct ones "
                    + "for their overlap 1/ρ₀² to be squared in double precision; raise the common weight");
        }
        String advice = YZDivergence.lowerRates(config.train());
        DecoderClosedForm decoder = new DecoderClosedForm(m, k, etaY);
        AppendixF closed = new AppendixF(decoder, etaZ, c0);
        boolean[][] moving = movingTokens(classes);

        List<Trajectory.Snapshot> snapshots = new ArrayList<>();
        for (double t : times) {
            double shift = closed.commonLogit(t);
            double[][] rows = new double[k][];
            double[] residual = new double[k];
            for (int n = 0; n < k; n++) {
                double[] row = initialRows[n].clone();
                for (int l = 0; l < m; l++) {
                    if (moving[n][l]) {
                        row[l] = classes.role(l) == TokenRole.COMMON ? row[l] + shift : Double.NaN;
                    }
                }
                rows[n] = row;
                residual[n] = decoder.decoderResidual(t);
            }
            Map<String, Double> extras = new LinkedHashMap<>();
            extras.put("h", decoder.h(t / k));
            extras.put("gamma", decoder.gamma(t));
            extras.put("Gamma", closed.bigGamma(t));
            extras.put("xi", closed.xi(t));
            extras.put("z_common", shift);
            for (int n = 0; n < k; n++) {
                extras.put("B_" + n, closed.b(t));
            }
            extras.put("B_scan", closed.scanRegimeB(t));
            if (t > 0) {
                extras.put("B_snap", closed.snapRegimeB(t));
            }
            extras.put("C0", c0);
            Trajectory.Snapshot snapshot = new Trajectory.Snapshot(t, Double.NaN, rows, residual, extras);
            YZDivergence.requireRecorded(snapshot, classes, UNDETERMINED, At.time(t), Divergence.Precision.DOUBLE, advice);
            snapshots.add(snapshot);
        }
        return new Trajectory(name(), classes, snapshots, UNDETERMINED);
    }

    /** Per class n, the tokens that Eqn. 10 can move in row ψ(n): the union of its query's class supports. */
    private static boolean[][] movingTokens(SequenceClasses classes) {
        int k = classes.classes();
        boolean[][] moving = new boolean[k][classes.vocabulary()];
        for (int n = 0; n < k; n++) {
            for (int other : classes.classesOfQuery(classes.queryToken(n))) {
                for (int l : classes.support(other)) {
                    moving[n][l] = true;
                }
            }
        }
        return moving;
    }
}
