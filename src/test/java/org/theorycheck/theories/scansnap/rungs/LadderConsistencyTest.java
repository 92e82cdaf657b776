package org.theorycheck.theories.scansnap.rungs;

import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.core.experiment.ExperimentFile;
import org.theorycheck.theories.scansnap.data.ContextSampler;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.data.SyntheticFamily;
import org.theorycheck.theories.scansnap.model.ExpectedGradient;
import org.theorycheck.theories.scansnap.model.MovingRows;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.model.YZGradient;
import org.theorycheck.theories.scansnap.model.YZModel;
import org.theorycheck.theories.scansnap.train.SgdRun;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The links of the ladder, one assertion each (Neural Tangents' consistency-ladder style): sampled
 * gradients converge to the expected-gradient map's at the Hoeffding rate (rung 1 → 2), and the gradient
 * flow tracks the map with an error of first order in the learning rate (rung 2 → 3).
 */
class LadderConsistencyTest {

    private static ExperimentConfig synSmall(String... overrides) {
        return ScanSnapExperiments.read(Path.of("experiments/scan-and-snap/syn-small.yaml")).withOverrides(List.of(overrides)).resolve();
    }

    /** max_i |g_T − g_∞| over Y and Z for class n, one sampled context of length T−1. */
    private static double gap(SequenceClasses classes, YZModel model, int n, int context, UniformRandomProvider rng) {
        int m = classes.vocabulary();
        int[] support = classes.support(n);
        double[] counts = new double[support.length];
        new ContextSampler(classes, context, rng).nextContext(n, counts);
        double[] p = new double[support.length];
        for (int i = 0; i < support.length; i++) {
            p[i] = classes.probability(n, support[i]);
        }
        YZGradient g = new YZGradient(m, true, false);
        double[][] sampled = {new double[m * m], new double[m * m]};
        double[][] exact = {new double[m * m], new double[m * m]};
        g.accumulate(model.y(), model.z(), classes.queryToken(n), classes.nextToken(n), support, counts, support.length, 1,
                sampled[0], sampled[1]);
        g.accumulate(model.y(), model.z(), classes.queryToken(n), classes.nextToken(n), support, p, support.length, 1,
                exact[0], exact[1]);
        double worst = 0;
        for (int t = 0; t < 2; t++) {
            for (int i = 0; i < m * m; i++) {
                worst = Math.max(worst, Math.abs(sampled[t][i] - exact[t][i]));
            }
        }
        return worst;
    }

    /** Sum over tokens of the largest change of any gradient entry per unit change of that token's frequency. */
    private static double sensitivity(SequenceClasses classes, YZModel model, int n) {
        int m = classes.vocabulary();
        int[] support = classes.support(n);
        YZGradient g = new YZGradient(m, true, false);
        double[] p = new double[support.length];
        for (int i = 0; i < support.length; i++) {
            p[i] = classes.probability(n, support[i]);
        }
        double[][] base = {new double[m * m], new double[m * m]};
        g.accumulate(model.y(), model.z(), classes.queryToken(n), classes.nextToken(n), support, p, support.length, 1,
                base[0], base[1]);
        double h = 1e-6;
        double total = 0;
        for (int l = 0; l < support.length; l++) {
            double[] q = p.clone();
            q[l] += h;
            double[][] moved = {new double[m * m], new double[m * m]};
            g.accumulate(model.y(), model.z(), classes.queryToken(n), classes.nextToken(n), support, q, support.length, 1,
                    moved[0], moved[1]);
            double worst = 0;
            for (int t = 0; t < 2; t++) {
                for (int i = 0; i < m * m; i++) {
                    worst = Math.max(worst, Math.abs(moved[t][i] - base[t][i]) / h);
                }
            }
            total += worst;
        }
        return total;
    }

    @Test
    void sampledGradientsConvergeToTheExpectedOneAtTheHoeffdingRate() {
        ExperimentConfig config = synSmall("model.init=uniform");
        SequenceClasses classes = SyntheticFamily.build(config.data());
        UniformRandomProvider rng = SgdRun.stream(11);
        YZModel model = YZModel.initial(classes.vocabulary(), config.model(), rng);
        int draws = 20;
        int context = 100_000;
        double small = 0;
        double large = 0;
        for (int d = 0; d < draws; d++) {
            small += gap(classes, model, d % 2, 1_000, rng) / draws;
            double g = gap(classes, model, d % 2, context, rng);
            large += g / draws;
            // Lemma 18 with a union bound over the support: every frequency is within eps of P(l|n) with
            // probability 0.95, so to first order the gradient moves by at most eps * sensitivity.
            int support = classes.support(d % 2).length;
            double eps = Math.sqrt(Math.log(2 * support / 0.05) / (2.0 * context));
            assertThat(g).as("draw %d", d).isLessThan(eps * sensitivity(classes, model, d % 2));
        }
        // 100 times more tokens shrink the gap about 10 times (the 1/sqrt(T) rate).
        assertThat(small / large).isBetween(5.0, 20.0);
    }

    @Test
    void theExpectedGradientIsTheClassAverage() {
        ExperimentConfig config = synSmall("model.init=uniform");
        SequenceClasses classes = SyntheticFamily.build(config.data());
        YZModel model = YZModel.initial(classes.vocabulary(), config.model(), SgdRun.stream(3));
        int m = classes.vocabulary();
        YZGradient g = new YZGradient(m, true, false);
        int[] all = java.util.stream.IntStream.range(0, m).toArray();
        double[][] gyRows = MovingRows.rowsOf(null, m, all);
        double[][] gzRows = MovingRows.rowsOf(null, m, all);
        new ExpectedGradient(classes, g).accumulate(MovingRows.rowsOf(model.y(), m, all),
                MovingRows.rowsOf(model.z(), m, all), gyRows, gzRows);
        double[] gy = new double[m * m];
        double[] gz = new double[m * m];
        MovingRows.writeBack(gyRows, all, gy);
        MovingRows.writeBack(gzRows, all, gz);
        double[] sy = new double[m * m];
        double[] sz = new double[m * m];
        for (int n = 0; n < classes.classes(); n++) {
            int[] support = classes.support(n);
            double[] p = new double[support.length];
            for (int i = 0; i < support.length; i++) {
                p[i] = 3 * classes.probability(n, support[i]);
            }
            g.accumulate(model.y(), model.z(), classes.queryToken(n), classes.nextToken(n), support, p, support.length,
                    1.0 / classes.classes(), sy, sz);
        }
        for (int i = 0; i < m * m; i++) {
            assertThat(gy[i]).isCloseTo(sy[i], org.assertj.core.data.Offset.offset(1e-15));
            assertThat(gz[i]).isCloseTo(sz[i], org.assertj.core.data.Offset.offset(1e-15));
        }
    }

    /** max |z_flow − z_map| over classes, tokens and record steps, relative to the largest movement. */
    private static double flowMapGap(double eta) {
        int steps = (int) Math.round(2 / eta);
        ExperimentConfig config = synSmall("train.momentum=0", "train.eta_z=" + eta, "train.eta_ratio=1",
                "train.steps=" + steps, "train.record_every=" + steps);
        Trajectory map = new ExpectedGradientMap().run(config, 1);
        Trajectory flow = new GradientFlow().run(config, 1);
        double gap = 0;
        double moved = 0;
        for (int n = 0; n < map.classes().classes(); n++) {
            for (int l : map.classes().support(n)) {
                gap = Math.max(gap, Math.abs(map.z(1, n, l) - flow.z(1, n, l)));
                moved = Math.max(moved, Math.abs(map.z(1, n, l) - map.z(0, n, l)));
            }
        }
        return gap / moved;
    }

    @Test
    void theFlowTracksTheMapToFirstOrderInTheRate() {
        List<Double> gaps = new ArrayList<>();
        for (double eta : new double[] {0.2, 0.1, 0.05, 0.025}) {
            gaps.add(flowMapGap(eta));
        }
        for (int i = 1; i < gaps.size(); i++) {
            double order = Math.log(gaps.get(i - 1) / gaps.get(i)) / Math.log(2);
            assertThat(order).as("observed order between rates %s", gaps).isBetween(0.8, 1.2);
        }
    }
}
