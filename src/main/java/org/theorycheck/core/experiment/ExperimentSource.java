package org.theorycheck.core.experiment;

import org.theorycheck.core.io.InputFiles;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An experiment file's text and the overrides given with it: everything needed to set a run up again
 * on another machine, which may not have the file.
 *
 * @param source    the file's name, for messages
 * @param text      its YAML text
 * @param overrides the {@code key=value} overrides, in order
 */
public record ExperimentSource(String source, String text, List<String> overrides) implements Serializable {

    public ExperimentSource {
        overrides = List.copyOf(overrides);
    }

    /**
     * Reads the file; a missing or unreadable file, one over {@link InputFiles#YAML_MAX_BYTES} or one that is not
     * text is a {@link ConfigException}.
     */
    public static ExperimentSource read(Path path, List<String> overrides) {
        return new ExperimentSource(path.toString(), InputFiles.readText(path, "an experiment file", InputFiles.YAML_MAX_BYTES),
                overrides);
    }

    /** The parsed file, read with a theory's schema, with the overrides applied (not yet validated). */
    public <E extends Experiment> ExperimentFile<E> file(ExperimentSchema<E> schema) {
        return ExperimentFile.parse(source, text, schema).withOverrides(overrides);
    }

    /** The {@code theory} key of the file, if it has one (the overrides cannot set it). */
    public Optional<String> declaredTheory() {
        return ExperimentFile.declaredTheory(source, text);
    }
}
