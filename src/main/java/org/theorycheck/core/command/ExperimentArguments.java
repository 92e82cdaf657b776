package org.theorycheck.core.command;

import org.theorycheck.core.Theories;
import org.theorycheck.core.Theory;
import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.experiment.ExperimentFile;
import org.theorycheck.core.experiment.ExperimentSchema;
import org.theorycheck.core.experiment.ExperimentSource;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The positional arguments shared by commands that run an experiment: CONFIG and key=value overrides.
 * A picocli mixin, for the command line's commands and for those a theory adds.
 */
public final class ExperimentArguments {

    @Parameters(index = "0", paramLabel = "CONFIG",
            description = "Experiment file (YAML), e.g. experiments/<theory>/NAME.yaml; its theory is its "
                    + "theory: key, else its folder experiments/<theory>/.")
    Path config;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE",
            description = "Overrides by dotted key, e.g. train.steps=50 train.batch=[8,16] seeds=1..3.")
    List<String> overrides = new ArrayList<>();

    /** The file's text and the overrides, as a task that runs elsewhere needs them. */
    public ExperimentSource source() {
        return ExperimentSource.read(config, overrides);
    }

    /** The theory the file belongs to. */
    public Theory<?, ?> theory() {
        return Theories.discovered().ofExperiment(source());
    }

    /** The file read with a theory's schema, with the overrides applied (not yet validated). */
    public <E extends Experiment> ExperimentFile<E> load(ExperimentSchema<E> schema) {
        return source().file(schema);
    }
}
