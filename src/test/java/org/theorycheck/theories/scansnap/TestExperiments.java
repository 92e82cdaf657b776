package org.theorycheck.theories.scansnap;

import org.theorycheck.core.experiment.ExperimentFile;
import org.theorycheck.core.experiment.ExperimentSource;
import org.theorycheck.core.sweep.SweepPlan;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;

import java.nio.file.Path;
import java.util.List;

/** Experiment configurations for tests: the project's own experiment files, with overrides. */
public final class TestExperiments {

    private TestExperiments() {}

    /** experiments/scan-and-snap/syn-small.yaml (paper Fig. 4, left), resolved. */
    public static final Path SYN_SMALL = Path.of("experiments", "scan-and-snap", "syn-small.yaml");

    public static ExperimentConfig synSmall(String... overrides) {
        return ScanSnapExperiments.read(SYN_SMALL).withOverrides(List.of(overrides)).resolve();
    }

    /** The sweep plan that {@code sweep FILE OVERRIDES…} makes, its runs reporting Scan and Snap's observables. */
    public static SweepPlan<ExperimentConfig> plan(Path file, List<String> overrides) {
        ExperimentFile<ExperimentConfig> f = ExperimentSource.read(file, overrides).file(ScanSnapExperiments.SCHEMA);
        return SweepPlan.of(f, new ScanSnapTheory().observables().names(f.resolve()));
    }
}
