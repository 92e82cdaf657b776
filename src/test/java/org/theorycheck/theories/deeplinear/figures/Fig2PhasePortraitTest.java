package org.theorycheck.theories.deeplinear.figures;

import org.junit.jupiter.api.Test;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearRun;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.ladder.Ladder;
import org.theorycheck.theories.deeplinear.network.Initialisation;
import org.theorycheck.theories.deeplinear.network.Network;
import org.theorycheck.theories.deeplinear.task.TaskSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class Fig2PhasePortraitTest {

    /** Two Dormand–Prince integrations at relative tolerance 1e-10, compared over ten time constants. */
    private static final double INTEGRATORS = 1e-8;

    /**
     * The portrait's trajectory is the flow rung's: from a = 0.3, b = 0.2 (a decoupled start of u0 = 0.06 with
     * a² − b² = 0.05), a(t) b(t) is the rung's u_1(t) for the 1–1–1 network on s = 1 at λ = 1 (τ = 1).
     */
    @Test
    void theTrajectoryIsTheFlowRungsInTheABPlane() {
        DeepLinearRun run = new DeepLinearRun(new TaskSpec.Synthetic(1, 1, new double[] {1}, TaskSpec.InputBasis.ONE_HOT, 1),
                new Network(new int[] {1, 1, 1}), new Initialisation.Decoupled(0.06, 0.05), 1, 10, 1, new int[] {1}, 1, Double.NaN);
        DeepLinearTrace flow = Ladder.byName("flow").orElseThrow().run(run, 1);
        double[][] ab = Fig2PhasePortrait.trajectory(0.3, 0.2, flow.steps());
        double[] u = flow.series(DeepLinearTrace.mode(1));
        for (int i = 0; i < u.length; i++) {
            assertThat(ab[0][i] * ab[1][i]).as("t = %s", flow.steps()[i]).isCloseTo(u[i], within(INTEGRATORS));
        }
        assertThat(u[u.length - 1]).as("learned").isCloseTo(1, within(1e-3));
    }

    /** Eq 8 keeps a² − b²; the trajectory does to the integrator's tolerance, and reaches ab = s. */
    @Test
    void aTrajectoryKeepsItsHyperbolaAndEndsOnTheFixedPoints() {
        double[] t = {0, 2.5, 5, 10};
        double[][] ab = Fig2PhasePortrait.trajectory(1.8, -1.6, t);
        for (int i = 0; i < t.length; i++) {
            assertThat(ab[0][i] * ab[0][i] - ab[1][i] * ab[1][i]).isCloseTo(1.8 * 1.8 - 1.6 * 1.6, within(INTEGRATORS));
        }
        assertThat(ab[0][3] * ab[1][3]).isCloseTo(Fig2PhasePortrait.S, within(1e-6));
        assertThat(ab[1][1]).as("b changed sign on the way").isPositive();
    }
}
