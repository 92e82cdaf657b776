package org.theorycheck.theories.scansnap;

import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.core.experiment.ExperimentFile;

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
}
