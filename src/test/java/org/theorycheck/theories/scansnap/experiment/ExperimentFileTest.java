package org.theorycheck.theories.scansnap.experiment;

import org.theorycheck.core.experiment.SweepAxis;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.experiment.ExperimentFile;
import org.junit.jupiter.api.Test;
import org.theorycheck.core.sweep.SweepPlan;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Experiment files and overrides resolve to what DESIGN.md and the paper (§1.3) say. */
class ExperimentFileTest {

    static final Path SYN_SMALL = Path.of("experiments", "scan-and-snap", "syn-small.yaml");
    static final Path FIG6 = Path.of("experiments", "scan-and-snap", "fig6-syn-medium.yaml");

    @Test
    void synSmallIsThePapersFig4LeftSetting() {
        ExperimentConfig c = ScanSnapExperiments.read(SYN_SMALL).resolve();
        assertThat(c.data()).isEqualTo(new DataSpec(2, 1, 10, 0, 10, 1.0, 0.1, 1.0, 127));
        assertThat(c.data().vocabulary()).isEqualTo(34);
        assertThat(c.model()).isEqualTo(new ModelSpec(true, false, ModelSpec.Init.ZERO));
        assertThat(c.train()).isEqualTo(new TrainSpec(TrainSpec.Optimizer.SGD, 0.9, 1.0, 1.0, 128, 100, 2));
        assertThat(c.seeds()).containsExactly(1L, 2L, 3L);
        assertThat(c.sweep()).isEmpty();
    }

    @Test
    void fig6IsThePapersSynMediumGrid() {
        SweepPlan<ExperimentConfig> plan = SweepPlan.of(ScanSnapExperiments.read(FIG6));
        assertThat(plan.keys()).containsExactly("data.queries", "train.eta_z", "train.eta_ratio");
        assertThat(plan.cells()).hasSize(64);
        assertThat(plan.runs()).hasSize(640);
        assertThat(plan.base().seeds()).hasSize(10);
        for (SweepPlan.Cell<ExperimentConfig> cell : plan.cells()) {
            ExperimentConfig c = cell.config();
            int q = Integer.parseInt(cell.values().get("data.queries"));
            assertThat(c.data().vocabulary()).isEqualTo(Map.of(1, 33, 3, 79, 5, 125, 10, 240).get(q));
            assertThat(c.model().init()).isEqualTo(ModelSpec.Init.UNIFORM);
            assertThat(c.train().momentum()).isEqualTo(0.9);
            assertThat(c.train().etaY()).isEqualTo(c.train().etaZ() * Double.parseDouble(cell.values().get("train.eta_ratio")));
        }
        // the last axis varies fastest
        assertThat(plan.cells().get(1).values()).containsExactly(Map.entry("data.queries", "1"),
                Map.entry("train.eta_z", "0.5"), Map.entry("train.eta_ratio", "2"));
    }

    @Test
    void overridesFixSweepAndReplaceTheirRival() {
        ExperimentFile<ExperimentConfig> f = ScanSnapExperiments.read(FIG6);
        ExperimentConfig fixed = f.withOverrides(List.of("data.queries=3", "train.eta_z=2", "train.eta_ratio=5", "seeds=[1,5]"))
                .resolve();
        assertThat(fixed.sweep()).isEmpty();
        assertThat(fixed.data().queries()).isEqualTo(3);
        assertThat(fixed.train().etaY()).isEqualTo(10.0);
        assertThat(fixed.seeds()).containsExactly(1L, 5L);

        ExperimentConfig swept = ScanSnapExperiments.read(SYN_SMALL).withOverrides(List.of("train.batch=[8,16]", "seeds=2..4")).resolve();
        assertThat(swept.sweep()).containsExactly(new SweepAxis("train.batch", List.of("8", "16")));
        assertThat(swept.seeds()).containsExactly(2L, 3L, 4L);

        ExperimentConfig direct = ScanSnapExperiments.read(SYN_SMALL).withOverrides(List.of("train.eta_y=3")).resolve();
        assertThat(direct.train().etaY()).as("eta_y replaces the file's eta_ratio").isEqualTo(3.0);
    }

    @Test
    void duplicateKeyNamesBothLines() {
        assertThatThrownBy(() -> ExperimentFile.parse("x.yaml", "train:\n  batch: 8\n  batch: 9\n", ScanSnapExperiments.SCHEMA).resolve())
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.key()).isEqualTo("train.batch");
                    assertThat(e.problem()).contains("line 2");
                });
    }

    @Test
    void defaultsFillWhatAFileLeavesOut() {
        ExperimentConfig c = ExperimentFile.parse("tiny.yaml", "data:\n  queries: 2\n", ScanSnapExperiments.SCHEMA).resolve();
        assertThat(c.name()).isEqualTo("tiny");
        assertThat(c.data().queries()).isEqualTo(2);
        assertThat(c.train().batch()).isEqualTo(128);
        assertThat(c.seeds()).containsExactly(1L);
    }
}
