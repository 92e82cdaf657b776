package org.theorycheck.core.experiment;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

    /** Reads the file; a missing or unreadable file is a {@link ConfigException}. */
    public static ExperimentSource read(Path path, List<String> overrides) {
        String source = path.toString();
        try {
            return new ExperimentSource(source, Files.readString(path), overrides);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, 0, "", "no such file");
        } catch (IOException e) {
            throw new ConfigException(source, 0, "", "cannot read: " + e.getMessage());
        }
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
