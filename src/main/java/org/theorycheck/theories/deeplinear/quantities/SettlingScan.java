package org.theorycheck.theories.deeplinear.quantities;

import java.util.function.IntFunction;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Format;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.ladder.DivergenceException;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.measure.TraceReading;
import org.theorycheck.theories.deeplinear.network.Initialisation;

/**
 * What the checks of learning time against depth (predictions 17, 18) share: one balanced mode from a
 * decoupled start at u0, the check rung run at each depth, and the time mode 1 settles within s − u0 of s
 * for good ({@link TraceReading#settling}).
 *
 * @param times per depth, the settling time in steps; null when {@code ended} says why there are none
 * @param ended the check's measurement when a depth ends it: undecided (it does not reach s − u0 within
 *              {@code train.steps}), or +∞ (it diverges, or reaches s − u0 without staying there)
 */
record SettlingScan(double[] times, Measurement ended) {

    /** Throws a bad-input error unless the experiment starts balanced and decoupled and gives the depth as {@code model.depth}. */
    static void require(DeepLinearExperiment experiment, String quantity) {
        if (!(experiment.run().init() instanceof Initialisation.Decoupled d) || d.imbalance() != 0) {
            throw experiment.error("model.init", quantity + " starts every mode at u0 on the balanced manifold: model.init: decoupled");
        }
        if (experiment.gives("model.widths")) {
            throw experiment.error("model.widths", quantity + " sets the depth itself: give model.depth and model.hidden, not model.widths");
        }
    }

    /** The decoupled start's u0. */
    static double u0(DeepLinearExperiment experiment) {
        return ((Initialisation.Decoupled) experiment.run().init()).u0();
    }

    /**
     * Runs the check rung at each depth, with {@code model.depth} and the overrides {@code also} gives for it.
     *
     * @param s mode 1's singular value
     */
    static SettlingScan of(CheckContext<DeepLinearExperiment, DeepLinearTrace> context, int[] depths, IntFunction<String[]> also,
            double s) {
        DeepLinearExperiment e = context.config();
        double uf = s - u0(e);
        long seed = context.seeds().get(0);
        double[] times = new double[depths.length];
        for (int i = 0; i < depths.length; i++) {
            String[] extra = also.apply(depths[i]);
            String[] overrides = new String[extra.length + 1];
            overrides[0] = "model.depth=" + depths[i];
            System.arraycopy(extra, 0, overrides, 1, extra.length);
            String at = String.join(", ", overrides);
            try {
                times[i] = TraceReading.settling(context.trace(context.rung(), context.configWith(overrides), seed, DeepLinearTrace.class),
                        1, s, uf);
            } catch (DivergenceException diverged) {
                return infinite(at + ": " + diverged.getMessage());
            }
            if (Double.isNaN(times[i])) {
                return new SettlingScan(null, Measurement.decision(null, at + ": mode 1 does not reach u_f = " + Format.number(uf)
                        + " within train.steps = " + e.steps(), "", ""));
            }
            if (Double.isInfinite(times[i])) {
                return infinite(at + ": mode 1 reaches u_f = " + Format.number(uf) + " but does not stay within s − u0 of s");
            }
        }
        return new SettlingScan(times, null);
    }

    private static SettlingScan infinite(String text) {
        return new SettlingScan(null, Measurement.of(Double.POSITIVE_INFINITY, text, Double.POSITIVE_INFINITY, text));
    }

    /** The settling time at {@code depth}, one of the depths scanned. */
    double at(int[] depths, int depth) {
        for (int i = 0; i < depths.length; i++) {
            if (depths[i] == depth) {
                return times[i];
            }
        }
        throw new IllegalArgumentException("no depth " + depth + " was scanned");
    }

    /** The whole numbers of a list parameter. */
    static int[] toInts(double[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) values[i];
        }
        return out;
    }
}
