package org.theorycheck.theories.scansnap.train;

import org.theorycheck.core.ladder.DivergenceException;
import org.junit.jupiter.api.Test;
import org.theorycheck.theories.scansnap.TestExperiments;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.data.SyntheticFamily;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.model.RowSums;
import org.theorycheck.theories.scansnap.model.YZModel;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The training loop: recording schedule, divergence detection, and bit-for-bit reproducibility. */
class TrainerTest {

    @Test
    void sameSeedGivesBitIdenticalTrajectoriesAndParameters() {
        for (String init : List.of("zero", "uniform")) {
            ExperimentConfig config = TestExperiments.synSmall("model.init=" + init, "train.steps=20", "train.record_every=1");
            YZModel[] finals = new YZModel[2];
            Trajectory[] runs = new Trajectory[2];
            for (int i = 0; i < 2; i++) {
                SequenceClasses classes = SyntheticFamily.build(config.data());
                var rng = SgdRun.stream(7);
                finals[i] = YZModel.initial(classes.vocabulary(), config.model(), rng);
                runs[i] = SgdRun.run(config, classes, finals[i], rng, s -> { });
            }
            assertThat(finals[1].y()).isEqualTo(finals[0].y());
            assertThat(finals[1].z()).isEqualTo(finals[0].z());
            assertThat(runs[1].size()).isEqualTo(runs[0].size());
            for (int k = 0; k < runs[0].size(); k++) {
                Trajectory.Snapshot a = runs[0].at(k);
                Trajectory.Snapshot b = runs[1].at(k);
                assertThat(Double.doubleToRawLongBits(b.loss())).isEqualTo(Double.doubleToRawLongBits(a.loss()));
                assertThat(b.zRows()).isDeepEqualTo(a.zRows());
                assertThat(b.decoderResidual()).isEqualTo(a.decoderResidual());
            }
            // negative control: another seed gives another trajectory
            Trajectory other = SgdRun.run(config, 8, s -> { });
            assertThat(other.last().zRows()).isNotEqualTo(runs[0].last().zRows());
        }
    }

    @Test
    void recordsStepZeroEveryRecordEveryAndTheLastStep() {
        ExperimentConfig config = TestExperiments.synSmall("train.steps=7", "train.record_every=3");
        Trajectory t = SgdRun.run(config, 1, s -> { });
        assertThat(t.steps()).containsExactly(0, 3, 6, 7);
        assertThat(t.at(0).zRows()[0]).as("step 0 is the initial (zero) state").containsOnly(0.0);
        assertThat(t.at(0).loss()).as("at zero init every output is equally likely")
                .isCloseTo(Math.log(34), org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void onStepSeesEveryStepInOrder() {
        List<Integer> seen = new ArrayList<>();
        SgdRun.run(TestExperiments.synSmall("train.steps=5"), 1, seen::add);
        assertThat(seen).containsExactly(1, 2, 3, 4, 5);
    }

    /** trace.csv's extra columns come in one order, whatever the JVM (they once followed Map.of's salted order). */
    @Test
    void rowSumDriftColumnsComeYThenZ() {
        assertThat(SgdRun.run(TestExperiments.synSmall("train.steps=2"), 1, s -> { }).extraNames())
                .containsExactly(RowSums.DRIFT_Y, RowSums.DRIFT_Z);
    }

    @Test
    void nonFiniteGradientStopsWithTheStepAndTheTensor() {
        ExperimentConfig config = TestExperiments.synSmall("train.steps=10");
        SequenceClasses classes = SyntheticFamily.build(config.data());
        int m = classes.vocabulary();
        int contextual = classes.support(0)[0];
        int query = classes.queryToken(0);
        GradientSource poisonedAtStep3 = new GradientSource() {
            int calls;

            @Override
            public double gradient(double[][] y, double[][] z, double[][] gradY, double[][] gradZ) {
                calls++;
                gradY[contextual][5] = 0.01;
                if (calls == 3) {
                    gradZ[query][2] = Double.NaN;
                }
                return 1.0;
            }
        };
        assertThatThrownBy(() -> Trainer.train("sgd", classes, new YZModel(m, config.model()), config.train(),
                poisonedAtStep3, s -> { }))
                .isInstanceOfSatisfying(DivergenceException.class, e -> {
                    assertThat(e.step()).isEqualTo(3);
                    assertThat(e.quantity()).isEqualTo("gradient of Z");
                    assertThat(e.getMessage()).contains("step 3", "gradient of Z", "(" + query + ", 2)");
                });
    }

    @Test
    void nonFiniteLossAndOverflowingParametersAreCaught() {
        ExperimentConfig config = TestExperiments.synSmall("train.steps=10", "train.momentum=0");
        SequenceClasses classes = SyntheticFamily.build(config.data());
        int m = classes.vocabulary();
        assertThatThrownBy(() -> Trainer.train("sgd", classes, new YZModel(m, config.model()), config.train(),
                (y, z, gy, gz) -> Double.POSITIVE_INFINITY, s -> { }))
                .isInstanceOfSatisfying(DivergenceException.class, e -> {
                    assertThat(e.step()).isEqualTo(1);
                    assertThat(e.quantity()).isEqualTo("loss");
                });
        // a finite gradient that pushes Y past the bound of Divergence on the first step (and past the largest
        // double on the second, where the check before the bound caught it)
        int l = classes.support(0)[0];
        assertThatThrownBy(() -> Trainer.train("sgd", classes, new YZModel(m, config.model()), config.train(),
                (y, z, gy, gz) -> {
                    gy[l][0] = -Double.MAX_VALUE;
                    return 1.0;
                }, s -> { }))
                .isInstanceOfSatisfying(DivergenceException.class, e -> {
                    assertThat(e.step()).isEqualTo(1);
                    assertThat(e.quantity()).isEqualTo("Y");
                    assertThat(e.entry()).isEqualTo("(" + l + ", 0)");
                    assertThat(e.getMessage()).contains("overflows (" + Double.MAX_VALUE, "2^52", "train.eta_y");
                });
    }
}
