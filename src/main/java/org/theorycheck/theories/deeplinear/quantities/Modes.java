package org.theorycheck.theories.deeplinear.quantities;

import java.util.Arrays;

import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.closedform.ClosedForms;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearRun;
import org.theorycheck.theories.deeplinear.ladder.ModeStart;
import org.theorycheck.theories.deeplinear.network.Initialisation;

/**
 * The modes a check reads: the recorded modes the network can learn (s_α &gt; 0 and α no more than the
 * narrowest width), each with its s_α and, where the run says it, its initial strength u0.
 *
 * @param alpha the modes, 1-based, in the order recorded
 * @param s     s_α of each
 * @param u0    u0 of each (the decoupled start's, or model.theory_u0); null where the run says neither
 */
record Modes(int[] alpha, double[] s, double[] u0) {

    static Modes of(DeepLinearExperiment experiment) {
        DeepLinearRun run = experiment.run();
        double[] all = ModeStart.singularValues(run);
        double[] start = ModeStart.initialStrengths(run);
        int narrowest = run.network().narrowest();
        int[] keep = Arrays.stream(run.modes()).filter(m -> all[m - 1] > 0 && m <= narrowest).toArray();
        double[] s = new double[keep.length];
        double[] u0 = start == null ? null : new double[keep.length];
        for (int i = 0; i < keep.length; i++) {
            s[i] = all[keep[i] - 1];
            if (u0 != null) {
                u0[i] = start[keep[i] - 1];
            }
        }
        return new Modes(keep, s, u0);
    }

    int size() {
        return alpha.length;
    }

    /** The half time the theory predicts for each mode: eq 11 for N_l = 3, eq 15's integral otherwise. */
    double[] predictedHalfTimes(DeepLinearRun run) {
        double[] t = new double[alpha.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = ClosedForms.halfTime(s[i], run.tau(), run.network().depth(), u0[i]);
        }
        return t;
    }

    /**
     * Throws a bad-input error unless the experiment's start gives each mode a u0 (a decoupled start, or
     * model.theory_u0) and records at least {@code least} modes the network can learn.
     */
    static void require(DeepLinearExperiment experiment, String quantity, int least) {
        DeepLinearRun run = experiment.run();
        if (!(run.init() instanceof Initialisation.Decoupled) && Double.isNaN(run.theoryU0())) {
            throw experiment.error("model.theory_u0", quantity + " compares with the theory's u0: give model.theory_u0 for a "
                    + run.init() + " start");
        }
        long learnable = Arrays.stream(run.modes()).filter(m -> m <= run.network().narrowest()).count();
        if (learnable < least) {
            throw experiment.error("trace.modes", quantity + " needs at least " + least + " recorded modes the network can"
                    + " learn (α up to the narrowest width " + run.network().narrowest() + "); got " + Arrays.toString(run.modes()));
        }
    }
}
