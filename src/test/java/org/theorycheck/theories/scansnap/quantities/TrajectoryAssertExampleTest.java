package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import org.junit.jupiter.api.Test;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.core.experiment.ExperimentFile;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.rungs.ExpectedGradientMap;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.theorycheck.theories.scansnap.quantities.TrajectoryAssert.assertThat;

/** How to write a claim in Java: Theorems 2 and 3 on the expected-gradient map of Syn-Small. */
class TrajectoryAssertExampleTest {

    private static final Trajectory MAP = new ExpectedGradientMap().run(
            ScanSnapExperiments.read(Path.of("experiments/scan-and-snap/syn-small.yaml")).withOverrides(List.of("train.steps=40")).resolve(), 1);

    @Test
    void discriminativeAndFrequencyBiasOnTheMap() {
        for (int n = 0; n < MAP.classes().classes(); n++) {
            assertThat(MAP).distinctTokens(n).allIncrease().areOrderedByProbability();
            assertThat(MAP).commonTokens(n).allDecrease();
        }
        assertThat(MAP).keepsRowSumsWithin(1e-9);
    }

    @Test
    void theAssertionsCanFail() {
        assertThatThrownBy(() -> assertThat(MAP).commonTokens(0).allIncrease())
                .isInstanceOf(AssertionError.class).hasMessageContaining("does not increase");
        ExperimentConfig config = ScanSnapExperiments.read(Path.of("experiments/scan-and-snap/syn-small.yaml"))
                .withOverrides(List.of("train.steps=1", "model.init=uniform")).resolve();
        Trajectory random = new ExpectedGradientMap().run(config, 1);
        assertThatThrownBy(() -> assertThat(random).distinctTokens(0).areOrderedByProbability())
                .isInstanceOf(AssertionError.class);
    }
}
