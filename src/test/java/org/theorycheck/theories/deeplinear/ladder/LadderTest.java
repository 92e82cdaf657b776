package org.theorycheck.theories.deeplinear.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.theorycheck.core.ladder.DivergenceException;
import org.theorycheck.theories.deeplinear.closedform.ClosedForms;
import org.theorycheck.theories.deeplinear.network.Initialisation;
import org.theorycheck.theories.deeplinear.network.Network;
import org.theorycheck.theories.deeplinear.task.TaskSpec;

/** Each rung against the one below it, on a small task: the ladder's links, one assertion each. */
class LadderTest {

    static final TaskSpec TASK = new TaskSpec.Synthetic(4, 5, new double[] {3, 2, 1, 0.5}, TaskSpec.InputBasis.ONE_HOT, 21);
    static final Network NET = new Network(new int[] {4, 3, 5});
    static final DeepLinearRun DECOUPLED = DeepLinearRun.of(TASK, NET, Initialisation.Decoupled.balanced(1e-3), 0.01, 800, 1, 2, 3, 4)
            .withRecordEvery(10);
    static final DeepLinearRun RANDOM = DeepLinearRun.of(TASK, NET, new Initialisation.SmallGaussian(0.03), 0.01, 800, 1, 2, 3, 4)
            .withRecordEvery(10).withTheoryU0(1e-3);

    /**
     * How closely two ODE rungs computing the same motion agree, relative to s_1: the global error of the
     * core's rung tolerance (1e-10 local, absolute and relative) over a few hundred steps of these flows,
     * measured up to 3.2e-8 (the 5-layer flow); the gaps the ladder is about are 1e-3 and up.
     */
    static final double ODE_AGREEMENT = 1e-7;

    static DeepLinearTrace run(String rung, DeepLinearRun run) {
        return Ladder.byName(rung).orElseThrow().run(run, 1);
    }

    /** max over records and the named modes of |x − y|, relative to the largest singular value. */
    static double modeGap(DeepLinearTrace x, DeepLinearTrace y, int... modes) {
        double worst = 0;
        for (int m : modes) {
            double[] a = x.series(DeepLinearTrace.mode(m));
            double[] b = y.series(DeepLinearTrace.mode(m));
            for (int i = 0; i < a.length; i++) {
                worst = Math.max(worst, Math.abs(a[i] - b[i]) / 3);
            }
        }
        return worst;
    }

    @Test
    void everyRungWritesTheSameSeriesOnTheSameAxis() {
        DeepLinearTrace gd = run("gd", DECOUPLED);
        for (var rung : Ladder.rungs()) {
            DeepLinearTrace t = rung.run(DECOUPLED, 1);
            assertThat(t.series().keySet()).as(rung.name()).containsExactlyElementsOf(gd.series().keySet());
            assertThat(t.steps()).as(rung.name()).containsExactly(gd.steps());
        }
        assertThat(gd.series().keySet()).contains("u_1", "loss", "conserved_drift", "offdiag", "offdiag_layers", "best_rank_gap");
        assertThat(gd.steps()[gd.steps().length - 1]).isEqualTo(800);
    }

    @Test
    void balancedDecoupledGdIsExactlyTheDiscreteMap() {
        DeepLinearTrace gd = run("gd", DECOUPLED.withRecordEvery(1));
        double worst = 0;
        for (int m = 1; m <= 3; m++) {
            double s = new double[] {3, 2, 1}[m - 1];
            double u = 1e-3;
            double[] series = gd.series(DeepLinearTrace.mode(m));
            for (int k = 0; k < series.length; k++) {
                worst = Math.max(worst, Math.abs(series[k] - u) / s);
                u = ClosedForms.discreteMap(u, s, 0.01);
            }
        }
        assertThat(worst).as("prediction 10: equality to round-off").isLessThan(1e-13);
        assertThat(maxAbs(gd.series("u_4"))).as("mode 4 has no hidden unit: stays at round-off").isLessThan(1e-15);
    }

    @Test
    void closedFormEqualsDecoupledEqualsModesEqualsFlowOnTheDecoupledManifold() {
        DeepLinearTrace closed = run("closed", DECOUPLED);
        DeepLinearTrace decoupled = run("decoupled", DECOUPLED);
        DeepLinearTrace modes = run("modes", DECOUPLED);
        DeepLinearTrace flow = run("flow", DECOUPLED);
        DeepLinearTrace gd = run("gd", DECOUPLED);
        assertThat(modeGap(closed, decoupled, 1, 2, 3)).as("eq 12 vs eq 8").isLessThan(ODE_AGREEMENT);
        assertThat(modeGap(decoupled, modes, 1, 2, 3)).as("eq 8 vs eq 5").isLessThan(ODE_AGREEMENT);
        assertThat(modeGap(modes, flow, 1, 2, 3)).as("eq 5 vs eq 2").isLessThan(ODE_AGREEMENT);
        double gdGap = modeGap(flow, gd, 1, 2, 3);
        assertThat(gdGap).as("gd vs flow: O(λ s) = 0.03 relative, not round-off").isBetween(1e-3, 0.1);
        for (DeepLinearTrace t : List.of(flow, gd, modes)) {
            double[] off = t.series("offdiag_layers");
            double[] norm = t.series("wtot_norm");
            for (int i = 0; i < off.length; i++) {
                assertThat(off[i]).as(t.rung() + ": prediction 9, the manifold is invariant").isLessThan(1e-12 * Math.max(1, norm[i]));
            }
        }
        assertThat(max(flow.series("conserved_drift"))).as("prediction 8 on the flow").isLessThan(1e-8);
        double[] loss = closed.series("loss");
        double[] gdLoss = gd.series("loss");
        assertThat(Math.abs(loss[0] - gdLoss[0]) / loss[0]).as("one loss definition on every rung").isLessThan(1e-12);
    }

    @Test
    void flowAndModesAgreeFromASmallRandomStartAndTheTheoryRungsDoNot() {
        DeepLinearTrace flow = run("flow", RANDOM);
        DeepLinearTrace modes = run("modes", RANDOM);
        DeepLinearTrace decoupled = run("decoupled", RANDOM);
        assertThat(modeGap(flow, modes, 1, 2, 3, 4)).as("eq 5 is eq 2 rotated, from any start").isLessThan(ODE_AGREEMENT);
        assertThat(max(flow.series("offdiag"))).as("a random start is off the manifold").isGreaterThan(1e-3);
        assertThat(modeGap(flow, decoupled, 1, 2, 3)).as("the decoupled theory only approximates a random start").isGreaterThan(1e-3);
        DeepLinearTrace longer = run("flow", RANDOM.withSteps(2000).withRecordEvery(200));
        assertThat(longer.last("best_rank_gap")).as("prediction 11: converges to eq 7 (the last part is mode 4,"
                + " pushed out of the 3 hidden units at a rate set by s_3 − s_4)").isLessThan(1e-3);
        assertThat(longer.series("best_rank_gap")[0]).isGreaterThan(1);
    }

    @Test
    void sgdWithTheWholeBatchIsGdAndOnlineSgdIsNear() {
        DeepLinearRun run = RANDOM.withSteps(300).withRecordEvery(30);
        DeepLinearTrace gd = run("gd", run);
        DeepLinearTrace full = run("sgd", run.withBatch(4));
        assertThat(modeGap(gd, full, 1, 2, 3, 4)).as("batch = P: gd from the samples").isLessThan(1e-12);
        DeepLinearTrace online = run("sgd", run.withBatch(1));
        double gap = modeGap(gd, online, 1, 2, 3);
        assertThat(gap).as("online SGD: one epoch = one gd step to first order in λ").isBetween(1e-6, 0.05);
    }

    @Test
    void sameSeedSameBitsAndOtherSeedsDiffer() {
        for (var rung : Ladder.rungs()) {
            DeepLinearRun run = RANDOM.withSteps(50).withRecordEvery(25);
            assertThat(rung.run(run, 3)).as(rung.name()).isEqualTo(rung.run(run, 3));
        }
        DeepLinearRun run = RANDOM.withSteps(50).withRecordEvery(25);
        assertThat(run("gd", run).series("u_1")).isNotEqualTo(Ladder.byName("gd").orElseThrow().run(run, 4).series("u_1"));
        assertThat(run("sgd", run.withBatch(1)).series("u_1"))
                .isNotEqualTo(Ladder.byName("sgd").orElseThrow().run(run.withBatch(1), 4).series("u_1"));
    }

    @Test
    void deepNetworksFollowEq15AndEq17IsOnlyItsLargeDepthForm() {
        Network deep = new Network(new int[] {4, 3, 3, 3, 5});
        DeepLinearRun run = DeepLinearRun.of(TASK, deep, Initialisation.Decoupled.balanced(0.05), 0.01, 600, 1, 2, 3).withRecordEvery(10);
        DeepLinearTrace flow = run("flow", run);
        DeepLinearTrace decoupled = run("decoupled", run);
        DeepLinearTrace closed = run("closed", run);
        assertThat(modeGap(flow, decoupled, 1, 2, 3)).as("eq 13 on the manifold is eq 15").isLessThan(ODE_AGREEMENT);
        assertThat(modeGap(decoupled, closed, 1, 2, 3)).as("eq 17 (from eq 16) is not eq 15 at N_l = 5").isGreaterThan(1e-2);
    }

    @Test
    void unbalancedModesFollowEq8AndTheClosedRungShowsAppendixAAsPrintedDoesNot() {
        DeepLinearRun run = DeepLinearRun.of(TASK, NET, new Initialisation.Decoupled(0.05, 0.4), 0.01, 600, 1, 2, 3).withRecordEvery(10);
        DeepLinearTrace flow = run("flow", run);
        DeepLinearTrace decoupled = run("decoupled", run);
        DeepLinearTrace closed = run("closed", run);
        assertThat(modeGap(flow, decoupled, 1, 2, 3)).as("eq 2 on the manifold is eq 8, a ≠ b too").isLessThan(ODE_AGREEMENT);
        assertThat(closed.series("u_1")[0]).as("eqs 23-26 as printed start from c0 sinh θ0 = 2 a0 b0, not a0 b0")
                .isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(modeGap(decoupled, closed, 1, 2, 3)).as("the printed App. A is a ladder gap").isGreaterThan(1e-2);
        assertThat(max(decoupled.series("conserved_drift"))).as("a² − b² conserved along eq 8").isLessThan(1e-9);
    }

    @Test
    void divergenceIsNamedWithItsStep() {
        DeepLinearRun tooFast = DECOUPLED.withTheoryU0(Double.NaN);
        DeepLinearRun fast = new DeepLinearRun(TASK, NET, Initialisation.Decoupled.balanced(0.5), 2.0, 200, 10,
                new int[] {1}, 1, Double.NaN);
        assertThat(tooFast.rate()).isEqualTo(0.01);
        assertThatThrownBy(() -> run("gd", fast)).isInstanceOfSatisfying(DivergenceException.class,
                e -> assertThat(e.step()).as("named with its step").isBetween(1, 200)).hasMessageContaining("diverged at step")
                .hasMessageContaining("W_").hasMessageContaining("train.rate");
        assertThatThrownBy(() -> run("sgd", fast)).isInstanceOf(DivergenceException.class).hasMessageContaining("diverged at t = ")
                .hasMessageContaining("train.rate");
    }

    @Test
    void rungsRefuseWhatTheyCannotRun() {
        Network deep = new Network(new int[] {4, 3, 3, 5});
        assertThatThrownBy(() -> run("modes", DeepLinearRun.of(TASK, deep, Initialisation.Decoupled.balanced(1e-3), 0.01, 10, 1)))
                .hasMessageContaining("eq 5").hasMessageContaining("N_l = 3");
        assertThatThrownBy(() -> run("closed", DeepLinearRun.of(TASK, NET, Initialisation.Decoupled.balanced(2.5), 0.01, 10, 1)))
                .hasMessageContaining("model.u0").hasMessageContaining("(0, s_2 = 2.0)");
        assertThatThrownBy(() -> run("decoupled", RANDOM.withTheoryU0(Double.NaN))).hasMessageContaining("model.theory_u0");
        assertThatThrownBy(() -> run("sgd", RANDOM.withBatch(3))).hasMessageContaining("train.batch: 3 must divide")
                .hasMessageContaining("P = 4");
        assertThatThrownBy(() -> run("gd", DeepLinearRun.of(TASK, NET, Initialisation.Decoupled.balanced(1e-3), 0.01, 10, 5)))
                .hasMessageContaining("trace.modes").hasMessageContaining("4 modes");
        assertThatThrownBy(() -> DeepLinearRun.of(TASK, NET, Initialisation.Decoupled.balanced(1e-3), 0, 10, 1))
                .hasMessageContaining("train.rate");
        TaskSpec rotated = new TaskSpec.Synthetic(4, 5, new double[] {3, 2}, TaskSpec.InputBasis.ROTATED, 1);
        assertThat(run("decoupled", DeepLinearRun.of(rotated, NET, Initialisation.Decoupled.balanced(1e-3), 0.01, 10, 1)).last("u_1"))
                .as("whitened inputs are Σ11 = I to round-off: accepted").isPositive();
    }

    static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }
}
