package org.theorycheck.cli;

import org.theorycheck.core.experiment.ExperimentFile;
import org.theorycheck.core.experiment.ExperimentSource;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The positional arguments shared by commands that run an experiment: CONFIG and key=value overrides. */
final class ExperimentArguments {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "Experiment file (YAML), e.g. experiments/syn-small.yaml.")
    Path config;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE",
            description = "Overrides by dotted key, e.g. train.eta_z=2 data.queries=[1,3] seeds=1..3.")
    List<String> overrides = new ArrayList<>();

    /** The file with the overrides applied (not yet validated). */
    ExperimentFile load() {
        return source().file();
    }

    /** The file's text and the overrides, as a task that runs elsewhere needs them. */
    ExperimentSource source() {
        return ExperimentSource.read(config, overrides);
    }
}
