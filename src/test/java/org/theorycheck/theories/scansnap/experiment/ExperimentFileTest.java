package org.theorycheck.theories.scansnap.experiment;

import org.theorycheck.core.experiment.ExperimentValues;
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

    private static ExperimentConfig synSmall(String... overrides) {
        return ScanSnapExperiments.read(SYN_SMALL).withOverrides(List.of(overrides)).resolve();
    }

    private static ConfigException refusal(String... overrides) {
        try {
            synSmall(overrides);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("accepted " + List.of(overrides));
    }

    /** An integer key states its range; a float that is a whole number in it (1e6) is accepted. */
    @Test
    void integersStateTheirRangeAndAcceptWholeFloats() {
        assertThat(synSmall("train.steps=1e6", "train.record_every=1e5").train().steps()).isEqualTo(1_000_000);
        assertThat(synSmall("train.batch=64.0").train().batch()).isEqualTo(64);
        assertThat(refusal("train.steps=1e10").problem())
                .startsWith("must be an integer from 1 to 2,147,483,647, got 10000000000");
        assertThat(refusal("train.steps=3000000000").problem()).startsWith("must be an integer from 1 to 2,147,483,647, got 3000000000");
        assertThat(refusal("train.steps=1.5").problem()).contains("got 1.5, which is not a whole number");
        assertThat(refusal("train.steps=0").problem()).startsWith("must be an integer from 1 to 2,147,483,647, got 0");
        assertThat(refusal("data.common=-1").problem()).startsWith("must be an integer from 0 to 2,147,483,647, got -1");
        assertThat(refusal("train.steps=1e400").problem()).startsWith("must be an integer from 1 to 2,147,483,647, got ");
        assertThat(refusal("train.steps=abc").problem()).contains("got 'abc'");
    }

    /** train.steps=1e9 used to be "not an integer"; it is one, and its trace (0.5 KB a step) is what is refused. */
    @Test
    void aBillionStepsIsAnIntegerWhoseTraceDoesNotFit() {
        ConfigException e = refusal("train.steps=1e9");
        assertThat(e.key()).isEqualTo("train.steps");
        assertThat(e.problem()).contains("the trace (500,000,001 records", "raise train.record_every to at least");
    }

    /** Seeds and grids are bounded before anything is expanded (seeds=1..50000000 filled the heap). */
    @Test
    void seedsAndGridsAreBoundedWithTheBoundStated() {
        assertThat(synSmall("seeds=1..100000").seeds()).hasSize(ExperimentValues.MAX_RUNS);
        ConfigException seeds = refusal("seeds=1..50000000");
        assertThat(seeds.key()).isEqualTo("seeds");
        assertThat(seeds.problem()).startsWith("50,000,000 seeds; an experiment may have at most 100,000");
        assertThat(refusal("seeds=1..999999999999999999").problem()).startsWith("999,999,999,999,999,999 seeds");
        assertThat(synSmall("seeds=[1e3, 7]").seeds()).containsExactly(1000L, 7L);
        assertThat(synSmall("seeds=2e1").seeds()).containsExactly(20L);
        assertThat(refusal("seeds=[1.5]").problem()).startsWith("seeds must be integers from");
        assertThat(refusal("seeds=1e19").problem()).startsWith("seeds must be integers from");

        String ten = "[1,2,3,4,5,6,7,8,9,10]";
        ConfigException grid = refusal("train.batch=" + ten, "train.steps=" + ten, "train.record_every=" + ten, "data.context="
                + ten, "seeds=1..11");
        assertThat(grid.key()).isEqualTo("train.batch");
        assertThat(grid.problem()).contains("10 values of train.batch x 10 values of train.steps", "x 11 seeds = 110,000 runs",
                "a sweep may have at most 100,000");
        assertThat(SweepPlan.of(ScanSnapExperiments.read(SYN_SMALL).withOverrides(List.of("train.batch=" + ten, "train.steps="
                + ten, "seeds=1..3"))).runs()).hasSize(300);
        ConfigException overflowing = refusal("train.batch=" + ten, "train.steps=" + ten, "train.record_every=" + ten,
                "data.context=" + ten, "train.eta_z=" + ten, "train.momentum=[0,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8]",
                "data.common=" + ten, "data.distinct_per_next=" + ten);
        assertThat(overflowing.problem()).contains("x 3 seeds = 270,000,000 runs");
    }
}
