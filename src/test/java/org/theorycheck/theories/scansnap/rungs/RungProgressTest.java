package org.theorycheck.theories.scansnap.rungs;

import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import org.theorycheck.core.ladder.Rung;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.core.experiment.ExperimentFile;
import org.theorycheck.theories.scansnap.model.Trajectory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A rung that reports progress reports non-decreasing times up to the last step, and computes the same trajectory. */
class RungProgressTest {

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "map", "flow"})
    void progressRunsToTheLastStepAndChangesNothing(String name) {
        ExperimentConfig config = ScanSnapExperiments.read(Path.of("experiments/scan-and-snap/syn-small.yaml"))
                .withOverrides(List.of("train.steps=6", "train.record_every=2")).resolve();
        Rung<ExperimentConfig, ScanSnapTrace> rung = Rungs.byName(name).orElseThrow();
        List<Double> reached = new ArrayList<>();
        Trajectory withProgress = (Trajectory) rung.run(config, 1, reached::add);
        Trajectory without = (Trajectory) rung.run(config, 1);
        assertThat(reached).isNotEmpty().isSorted();
        assertThat(reached.get(reached.size() - 1)).isEqualTo(6.0);
        for (int i = 0; i < without.size(); i++) {
            assertThat(withProgress.at(i).zRows()[0]).containsExactly(without.at(i).zRows()[0]);
        }
    }
}
