package org.theorycheck.theories.deeplinear.ladder;

import java.util.Arrays;

import org.theorycheck.theories.deeplinear.network.Initialisation;
import org.theorycheck.theories.deeplinear.task.TaskSpec;

/**
 * What the theory says a run's modes start from and go to, for the quantities and the summaries that
 * compare a trace with eqs 10–12 and 15: the singular values s_α, and each mode's composite initial strength
 * u0 = Π_l a_l.
 */
public final class ModeStart {

    private ModeStart() {}

    /**
     * s_1 ≥ … ≥ s_r of Σ31, r = min(N1, N3): a synthetic task's are its settings (the rest 0), any other task's
     * are computed from its data.
     */
    public static double[] singularValues(DeepLinearRun run) {
        if (run.task() instanceof TaskSpec.Synthetic synthetic) {
            return Arrays.copyOf(synthetic.singularValues(), Math.min(synthetic.inputs(), synthetic.outputs()));
        }
        return run.task().build().svd().s();
    }

    /**
     * Each mode's u0 = Π_l a_l, as the decoupled and closed rungs start it (decoupled strengths, or
     * {@code model.theory_u0} on the modes the network can learn; 0 for the others); null when the run says
     * neither.
     */
    public static double[] initialStrengths(DeepLinearRun run) {
        if (!(run.init() instanceof Initialisation.Decoupled) && Double.isNaN(run.theoryU0())) {
            return null;
        }
        return composite(Start.modeStrengths(run, singularValues(run), "closed"));
    }

    /** Each mode's composite strength Π_l a[l][α] from its per-layer strengths. */
    static double[] composite(double[][] a) {
        double[] u = new double[a[0].length];
        for (int k = 0; k < u.length; k++) {
            u[k] = 1;
            for (double[] layer : a) {
                u[k] *= layer[k];
            }
        }
        return u;
    }
}
