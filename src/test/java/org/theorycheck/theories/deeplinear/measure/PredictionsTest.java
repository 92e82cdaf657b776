package org.theorycheck.theories.deeplinear.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.theories.deeplinear.RandomStreams;
import org.theorycheck.theories.deeplinear.closedform.ClosedForms;
import org.theorycheck.theories.deeplinear.closedform.ScalarModes;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearRun;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.ladder.Ladder;
import org.theorycheck.theories.deeplinear.linalg.Matrix;
import org.theorycheck.theories.deeplinear.linalg.Orthogonal;
import org.theorycheck.theories.deeplinear.network.Gradient;
import org.theorycheck.theories.deeplinear.network.Initialisation;
import org.theorycheck.theories.deeplinear.network.Network;
import org.theorycheck.theories.deeplinear.task.Statistics;
import org.theorycheck.theories.deeplinear.task.Task;
import org.theorycheck.theories.deeplinear.task.TaskSpec;

/**
 * Every prediction's measurement on a default setting (the value it must have if the prediction holds)
 * and on a negative control (an input that violates it must give a large deviation). The default
 * settings' deviations are printed at the end.
 */
class PredictionsTest {

    static final Map<String, Measurement> MEASURED = new LinkedHashMap<>();

    static Measurement keep(String prediction, Measurement d) {
        MEASURED.put(prediction, d);
        return d;
    }

    @AfterAll
    static void print() {
        MEASURED.forEach((k, d) -> System.out.printf("%-6s %-10.3g %s%n", k, d.value(), d.text()));
    }

    static final TaskSpec TASK = new TaskSpec.Synthetic(4, 5, new double[] {3, 2, 1, 0.5}, TaskSpec.InputBasis.ONE_HOT, 21);
    static final Network NET = new Network(new int[] {4, 3, 5});
    static final DeepLinearRun DECOUPLED = DeepLinearRun.of(TASK, NET, Initialisation.Decoupled.balanced(1e-3), 0.01, 800, 1, 2, 3)
            .withRecordEvery(1);
    static final DeepLinearRun RANDOM = DeepLinearRun.of(TASK, NET, new Initialisation.SmallGaussian(0.02), 0.01, 1500, 1, 2, 3)
            .withRecordEvery(5).withTheoryU0(1e-3);

    static DeepLinearTrace run(String rung, DeepLinearRun run) {
        return Ladder.byName(rung).orElseThrow().run(run, 1);
    }

    /** A hand-made trace with the given mode series and the other series zero. */
    static DeepLinearTrace handMade(double[] steps, Map<String, double[]> series) {
        LinkedHashMap<String, double[]> all = new LinkedHashMap<>(series);
        return new DeepLinearTrace("hand-made", steps, all);
    }

    @Test
    void p1p2p3TheReferenceVectors() {
        assertThat(ClosedForms.eq12(1, 1, 1e-4, 5)).isCloseTo(0.6877797168, within(1e-10));
        assertThat(ClosedForms.eq12(1, 1, 1e-4, 10)).isCloseTo(0.9999793909, within(1e-10));
        assertThat(ClosedForms.eq11(1, 1, 1e-4, 1 - 1e-4)).isCloseTo(9.2102403670, within(1e-9));
        assertThat(ClosedForms.tHalf(1, 1, 1e-4)).isCloseTo(4.6051201835, within(1e-9));
        assertThat(ClosedForms.tHalf(3, 2000, 1e-6)).isCloseTo(4971.374, within(1e-3));

        Measurement p1 = keep("1", Predictions.p1Eq12SolvesEq10(t -> ClosedForms.eq12(1, 1, 1e-4, t), 1, 1, 1e-4, 20));
        assertThat(p1.value()).isLessThan(1e-10);
        assertThat(Predictions.p1Eq12SolvesEq10(t -> 1 * Math.exp(t) / (Math.exp(t) - 1 + 1e4), 1, 1, 1e-4, 20).value())
                .as("negative control: e^{st/τ} instead of e^{2st/τ}").isGreaterThan(0.1);

        Measurement p2 = keep("2", Predictions.p2Eq11InvertsEq12(uf -> ClosedForms.eq11(1, 1, 1e-4, uf),
                t -> ClosedForms.eq12(1, 1, 1e-4, t), 15));
        assertThat(p2.value()).as("eq 11's log argument cancels near t = 0: 1e-9 relative there").isLessThan(1e-8);
        assertThat(Predictions.p2Eq11InvertsEq12(uf -> 2 * ClosedForms.eq11(1, 1, 1e-4, uf), t -> ClosedForms.eq12(1, 1, 1e-4, t), 15)
                .value()).as("negative control: τ/s instead of τ/2s").isGreaterThan(0.5);

        DeepLinearTrace decoupled = run("decoupled", DECOUPLED);
        Measurement p3 = keep("3", Predictions.p3HalfTime(decoupled, 1, 3, 100, 1e-3));
        assertThat(p3.value()).as(p3.text()).isLessThan(1e-4);
        assertThat(Predictions.p3HalfTime(decoupled, 1, 2, 100, 1e-3).value()).as("negative control: the wrong s").isGreaterThan(0.3);
        Measurement p3gd = keep("3-gd", Predictions.p3HalfTime(run("gd", DECOUPLED), 1, 3, 100, 1e-3));
        assertThat(p3gd.value()).as("gd: discretisation O(λs)").isBetween(1e-4, 0.05);
    }

    @Test
    void p4p5p6OrderAndShape() {
        DeepLinearTrace decoupled = run("decoupled", DECOUPLED);
        double[] s = {3, 2, 1};
        double[] tHalf = new double[3];
        for (int m = 1; m <= 3; m++) {
            tHalf[m - 1] = TraceReading.crossing(decoupled, m, s[m - 1] / 2);
        }
        Measurement p4 = keep("4", Predictions.p4InverseS(s, tHalf, 100, 1e-3));
        assertThat(p4.value()).as(p4.text()).isLessThan(1e-4);
        double[] sqrt = {tHalf[0], tHalf[0] * Math.sqrt(1.5), tHalf[0] * Math.sqrt(3)};
        assertThat(Predictions.p4InverseS(s, sqrt, 100, 1e-3).value()).as("negative control: t ∝ 1/√s").isGreaterThan(0.2);

        Measurement p5 = keep("5", Predictions.p5StrongerFirst(s, tHalf));
        assertThat(p5.value()).isZero();
        assertThat(Predictions.p5StrongerFirst(s, new double[] {tHalf[2], tHalf[1], tHalf[0]}).value())
                .as("negative control: weakest first").isEqualTo(1.0);

        Measurement p6 = keep("6", Predictions.p6Sigmoid(decoupled, 1, 3));
        assertThat(p6.value()).as(p6.text()).isLessThan(0.01);
        double[] steps = {0, 1, 2, 3, 4, 5};
        DeepLinearTrace bumpy = handMade(steps, Map.of("u_1", new double[] {0.01, 0.5, 0.3, 2.9, 3.2, 2.95}));
        assertThat(Predictions.p6Sigmoid(bumpy, 1, 3).value()).as("negative control: overshoot and reversal").isGreaterThan(1);
    }

    @Test
    void p7p8p9p10Invariants() {
        DeepLinearRun unbalanced = DeepLinearRun.of(TASK, NET, new Initialisation.Decoupled(1e-2, 0.3), 0.01, 800, 1, 2, 3).withRecordEvery(10);
        DeepLinearTrace mode8 = run("decoupled", unbalanced);
        Measurement p7 = keep("7", Predictions.p7ModeInvariant(mode8, 3));
        assertThat(p7.value()).isLessThan(1e-8);
        Measurement p7deep = keep("7-eq14", Predictions.p7Eq14Invariants(new double[] {0.3, 0.5, 0.7, 0.4}, 2, 20));
        assertThat(p7deep.value()).as(p7deep.text()).isLessThan(1e-8);
        DeepLinearTrace drifting = handMade(new double[] {0, 1}, Map.of("conserved_drift", new double[] {0, 0.3}));
        assertThat(Predictions.p7ModeInvariant(drifting, 3).value()).as("negative control").isGreaterThan(0.05);

        Task task = TASK.build();
        UniformRandomProvider rng = RandomStreams.INIT.stream(2);
        Matrix w21 = Orthogonal.gaussian(3, 4, 0.5, rng);
        Matrix w32 = Orthogonal.gaussian(5, 3, 0.5, rng);
        Matrix a = Orthogonal.gaussian(6, 4, 1, rng);
        Statistics general = new Statistics(a.transposeTimes(a), task.statistics().sigma31(), false);
        double rate = 0.02;
        Gradient gradient = new Gradient(NET, general);
        double[][] w = {w21.data().clone(), w32.data().clone()};
        double[][] g = gradient.newWeightArrays();
        gradient.compute(w, g);
        Matrix w21After = w21.plus(new Matrix(3, 4, g[0]).scale(rate));
        Matrix w32After = w32.plus(new Matrix(5, 3, g[1]).scale(rate));
        Measurement p8 = keep("8-gd", Predictions.p8GdStep(w21, w32, w21After, w32After, general, rate));
        assertThat(p8.value()).as(p8.text()).isLessThan(1e-10);
        Matrix nudged = w21After.plus(Orthogonal.gaussian(3, 4, 1e-2, rng));
        assertThat(Predictions.p8GdStep(w21, w32, nudged, w32After, general, rate).value()).as("negative control: not a gd step")
                .isGreaterThan(0.1);
        DeepLinearTrace flow = run("flow", DECOUPLED.withRecordEvery(10));
        Measurement p8flow = keep("8-flow", Predictions.p8FlowDrift(flow));
        assertThat(p8flow.value()).isLessThan(1e-8);
        DeepLinearTrace gdFast = run("gd", DeepLinearRun.of(TASK, NET, new Initialisation.SmallGaussian(0.3), 0.15, 100, 1).withRecordEvery(10));
        assertThat(Predictions.p8FlowDrift(gdFast).value()).as("negative control: gd at a large rate drifts by λ² terms").isGreaterThan(1e-3);

        Measurement p9 = keep("9", Predictions.p9Manifold(run("gd", DECOUPLED.withRecordEvery(10))));
        assertThat(p9.value()).isLessThan(1e-12);
        assertThat(Predictions.p9Manifold(run("gd", RANDOM)).value()).as("negative control: a random start").isGreaterThan(1e-3);

        TaskSpec one = new TaskSpec.Synthetic(2, 2, new double[] {1, 0.5}, TaskSpec.InputBasis.ONE_HOT, 1);
        DeepLinearRun map = DeepLinearRun.of(one, new Network(new int[] {2, 2, 2}), Initialisation.Decoupled.balanced(1e-4), 0.01, 700, 1)
                .withRecordEvery(1);
        DeepLinearTrace gd = run("gd", map);
        Measurement p10 = keep("10", Predictions.p10DiscreteMap(gd, 1, 1, 0.01, 1e-4));
        assertThat(p10.value()).isLessThan(1e-13);
        assertThat(p10.text()).contains("first reaches s/2 at step 463").contains("t_half = 460.5");
        assertThat(TraceReading.firstStepAtLeast(gd, 1, 0.5)).isEqualTo(463);
        assertThat(Predictions.p10DiscreteMap(run("flow", map), 1, 1, 0.01, 1e-4).value()).as("negative control: the flow is not the map")
                .isGreaterThan(1e-3);
    }

    @Test
    void p11p12p13Convergence() {
        DeepLinearTrace flow = run("flow", RANDOM);
        Measurement p11 = keep("11", Predictions.p11BestRank(flow));
        assertThat(p11.value()).as(p11.text()).isLessThan(1e-3);
        assertThat(Predictions.p11BestRank(run("flow", RANDOM.withSteps(50).withRecordEvery(5))).value())
                .as("negative control: stopped early").isGreaterThan(0.5);

        DeepLinearTrace modes = run("modes", RANDOM);
        Measurement p12 = keep("12-E", Predictions.p12EnergyDecreases(modes));
        assertThat(p12.value()).isLessThanOrEqualTo(1e-12);
        DeepLinearTrace rising = handMade(new double[] {0, 1, 2}, Map.of("loss", new double[] {10, 8, 9}));
        assertThat(Predictions.p12EnergyDecreases(rising).value()).as("negative control").isGreaterThan(0.05);
        UniformRandomProvider rng = RandomStreams.INIT.stream(4);
        double[] state = Orthogonal.gaussian(1, 3 * 4 + 5 * 3, 0.7, rng).data();
        double[] s = {3, 2, 1, 0.5};
        Measurement p12g = keep("12-grad", Predictions.p12Eq5IsGradientOfEq6(state, 4, 3, 5, s, Predictions.eq5(4, 3, 5, s)));
        assertThat(p12g.value()).as(p12g.text()).isLessThan(1e-8);
        var cooperativeOnly = Predictions.eq5(4, 3, 5, new double[] {3, 2, 1, 0.5});
        double[] noCompetition = state.clone();
        assertThat(Predictions.p12Eq5IsGradientOfEq6(state, 4, 3, 5, s, y -> {
            double[] r = cooperativeOnly.apply(y);
            r[0] += 0.5;
            return r;
        }).value()).as("negative control: a perturbed right-hand side").isGreaterThan(0.05);
        assertThat(noCompetition).isEqualTo(state);

        Measurement p13 = keep("13", Predictions.p13HalfTimeDelay(run("gd", RANDOM), new int[] {1, 2, 3}, new double[] {3, 2, 1},
                new double[] {ClosedForms.tHalf(3, 100, 1e-3), ClosedForms.tHalf(2, 100, 1e-3), ClosedForms.tHalf(1, 100, 1e-3)}));
        assertThat(p13.replicates() == Measurement.Replicates.UNDECIDED).isFalse();
        double[] steps = {0, 100, 200, 300, 400};
        DeepLinearTrace late = handMade(steps, Map.of("u_1", new double[] {0, 0.1, 0.2, 1.0, 3}));
        assertThat(Predictions.p13HalfTimeDelay(late, new int[] {1}, new double[] {3}, new double[] {ClosedForms.tHalf(3, 100, 1e-3)}).value())
                .as("negative control: twice as late").isGreaterThan(0.5);
    }

    @Test
    void p14ToP18DepthForms() {
        Measurement p14 = keep("14", Predictions.p14Eq15(2, ScalarModes::eq15));
        assertThat(p14.value()).isLessThan(1e-12);
        assertThat(Predictions.p14Eq15(2, ScalarModes::eq16).value()).as("negative control: eq 16 in place of eq 15").isGreaterThan(0.1);

        Measurement p15 = keep("15", Predictions.p15Eq17(2, 100, 6, 1e-2, ClosedForms::eq17));
        assertThat(p15.value()).as(p15.text()).isLessThan(1e-6);
        assertThat(Predictions.p15Eq17(2, 100, 6, 1e-2, ClosedForms::eq15Time).value()).as("negative control: eq 15's integral")
                .isGreaterThan(0.05);

        for (int depth : new int[] {3, 5, 10}) {
            Measurement p16 = keep("16-N" + depth, Predictions.p16Eq41(1.7, depth, 3, ClosedForms::eq41));
            assertThat(p16.value()).as(p16.text()).isLessThan(1e-6);
        }
        assertThat(Predictions.p16Eq41(1.7, 5, 3, (s, n, tau) -> n * s * s / tau).value())
                .as("negative control: the asymptotic N s²/τ at N_l = 5").isGreaterThan(0.1);

        int[] depths = {3, 5, 10, 30, 100, 1000};
        Measurement p17 = keep("17", Predictions.p17FiniteDelay(1, 1, 1e-3, 1 - 1e-3, depths,
                n -> ClosedForms.optimisedRateIterations(1, 1, n, 1e-3, 1 - 1e-3)));
        assertThat(p17.value()).as(p17.text()).isLessThan(0.02);
        assertThat(Predictions.p17FiniteDelay(1, 1, 1e-3, 1 - 1e-3, depths, n -> ClosedForms.eq15Time(1, 1, n, 1e-3, 1 - 1e-3)).value())
                .as("negative control: a fixed rate, not 1/(c λ1)").isGreaterThan(0.9);

        Measurement p18 = keep("18", Predictions.p18ContinuousTimeDepth(1e-3, 1 - 1e-3, new int[] {10, 30, 100, 300, 1000},
                n -> ClosedForms.eq15Time(1, 100, n, 1e-3, 1 - 1e-3)));
        assertThat(p18.value()).as(p18.text() + ": N·t settles slowly (log corrections)").isLessThan(0.05);
        assertThat(Predictions.p18ContinuousTimeDepth(1e-3, 1 - 1e-3, new int[] {10, 30, 100, 300, 1000},
                n -> ClosedForms.optimisedRateIterations(1, 1, n, 1e-3, 1 - 1e-3)).value())
                .as("negative control: iterations at the optimised rate do not fall like 1/N").isGreaterThan(0.5);
    }

    @Test
    void p22LearningTimeAgainstDepth() {
        Task task = new TaskSpec.Synthetic(8, 8, new double[] {4, 3, 2.5, 2, 1.5, 1, 0.8, 0.6}, TaskSpec.InputBasis.ONE_HOT, 5).build();
        double threshold = 0.05 * task.outputEnergy();
        double[] rates = LearningTimeVsDepth.logGrid(1e-3, 0.3, 12);
        int[] depths = {3, 5, 8, 12, 16};
        double[] gaussian = iterations(new LearningTimeVsDepth(task, 8, new Initialisation.ScaledGaussian(), rates, threshold, 3000, 1), depths);
        double[] orthogonal = iterations(new LearningTimeVsDepth(task, 8, new Initialisation.RandomOrthogonal(1), rates, threshold, 3000, 1),
                depths);
        Measurement grows = keep("22-gauss", Predictions.p22Grows(depths, gaussian));
        Measurement flat = keep("22-orth", Predictions.p22Flat(depths, orthogonal));
        assertThat(Predictions.p22Grows(depths, new double[] {50, 40, 40, 30, 30}).value()).as("negative control").isEqualTo(1.0);
        assertThat(Predictions.p22Flat(depths, new double[] {10, 20, 40, 80, 160}).value()).as("negative control").isGreaterThan(10);
        assertThat(grows.replicates() == Measurement.Replicates.UNDECIDED || flat.replicates() == Measurement.Replicates.UNDECIDED).isFalse();
        assertThat(orthogonal).as("orthogonal: every depth learned within the budget").doesNotContain(Double.POSITIVE_INFINITY);
        assertThat(gaussian[0]).as("scaled Gaussian learns the shallow net").isFinite();
    }

    static double[] iterations(LearningTimeVsDepth experiment, int[] depths) {
        List<LearningTimeVsDepth.Point> points = experiment.run(depths);
        return points.stream().mapToDouble(p -> p.iterations() < 0 ? Double.POSITIVE_INFINITY : p.iterations()).toArray();
    }

    @Test
    void p26AppendixAAsPrintedFailsAndTheCorrectionHolds() {
        Measurement printed = keep("26", Predictions.p26AsPrinted(1.0, 0.5, 2, 1, 0.01));
        Measurement derived = keep("26-derived", Predictions.p26Derived(1.0, 0.5, 2, 1, 0.01));
        assertThat(printed.value()).as(printed.text()).isGreaterThan(0.1);
        assertThat(derived.value()).as(derived.text()).isLessThan(1e-7);
        assertThat(Predictions.p26Derived(0.5, 1.0, 2, 1, 0.01).value()).as("a² < b² (eq 24's branch)").isLessThan(1e-7);
    }
}
