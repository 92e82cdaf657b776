package org.theorycheck.core.ladder;

import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.experiment.ExperimentValues;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a run's files were computed with, written beside them as {@value #FILE} by {@code train} and {@code integrate}:
 * the theory, the experiment's name, the rung, the seed, and the experiment's {@link Experiment#fingerprint()
 * fingerprint} (every key that changes a run, resolved). A check that reads runs from files compares it across its
 * runs and with its own experiment, so that the runs of two experiments mixed in one directory, or runs of another
 * rung, seed or theory, are refused instead of measured together.
 *
 * <p>It is a file of its own, not a comment in {@code trace.csv}, so that the trace files keep their bytes (and
 * their checksums) and every CSV reader reads them as before. Runs written by other tools have none: theirs is not
 * checked.
 *
 * @param theory      the theory's id
 * @param experiment  the experiment's name
 * @param rung        the rung that computed the run
 * @param seed        its seed
 * @param fingerprint the experiment's fingerprint: {@code key=value} lines
 * @param file        where it was read from, for messages ("" if it was not read)
 * @param fieldLines  the line of each field (theory, experiment, rung, seed) in that file
 * @param keyLines    the line of each fingerprint key in that file
 */
public record RunOrigin(String theory, String experiment, String rung, long seed, String fingerprint, String file,
                        Map<String, Integer> fieldLines, Map<String, Integer> keyLines) {

    /** The file's name in a run's directory. */
    public static final String FILE = "run.fingerprint";

    private static final String COMMENT = """
            # What the files in this directory were computed with (theorycheck train or integrate): the theory, the
            # experiment, the rung and the seed, then every key of the experiment that changes a run. verify reads it
            # when a check's runs: name this directory, and refuses runs of another experiment, rung, seed or theory.
            """;
    private static final Set<String> HEADER = Set.of("theory", "experiment", "rung", "seed");

    public RunOrigin {
        fieldLines = Map.copyOf(fieldLines);
        keyLines = Map.copyOf(keyLines);
    }

    /** The origin of a run about to be written. */
    public static RunOrigin of(String theory, Experiment experiment, String rung, long seed) {
        return new RunOrigin(theory, experiment.name(), rung, seed, experiment.fingerprint(), "", Map.of(), Map.of());
    }

    /** The file's text. */
    public String text() {
        return COMMENT + "theory: " + theory + "\nexperiment: " + experiment + "\nrung: " + rung + "\nseed: " + seed + "\n"
                + fingerprint;
    }

    /**
     * Reads {@link #text()} back.
     *
     * @param file how messages name the file
     * @throws ConfigException naming the line of anything that is not a field of the form
     */
    public static RunOrigin parse(String file, String text) {
        Map<String, String> header = new LinkedHashMap<>();
        Map<String, Integer> at = new LinkedHashMap<>();
        Map<String, Integer> keys = new LinkedHashMap<>();
        StringBuilder fingerprint = new StringBuilder();
        String[] all = text.split("\r?\n", -1);
        for (int i = 0; i < all.length; i++) {
            String line = all[i];
            int number = i + 1;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(": ");
            int equals = line.indexOf('=');
            if (colon > 0 && (equals < 0 || colon < equals) && HEADER.contains(line.substring(0, colon))) {
                String field = line.substring(0, colon);
                if (header.put(field, line.substring(colon + 2).trim()) != null) {
                    throw new ConfigException(file, number, field, "appears twice");
                }
                at.put(field, number);
            } else if (equals > 0) {
                String key = line.substring(0, equals);
                if (keys.put(key, number) != null) {
                    throw new ConfigException(file, number, key, "appears twice");
                }
                fingerprint.append(line).append('\n');
            } else {
                throw new ConfigException(file, number, "", "is neither a field (theory:, experiment:, rung:, seed:) nor an "
                        + "experiment key (key=value); this file is written by theorycheck train, and a run without it is "
                        + "read as well: delete it rather than edit it");
            }
        }
        for (String field : HEADER) {
            if (!header.containsKey(field)) {
                throw new ConfigException(file, 0, field, "is missing; the file names the theory, experiment, rung and seed of "
                        + "the run it describes");
            }
        }
        long seed;
        try {
            seed = Long.parseLong(header.get("seed"));
        } catch (NumberFormatException e) {
            throw new ConfigException(file, at.get("seed"), "seed", "'" + header.get("seed") + "' is not a whole number");
        }
        return new RunOrigin(header.get("theory"), header.get("experiment"), header.get("rung"), seed, fingerprint.toString(),
                file, at, keys);
    }

    /** The line of a field (theory, experiment, rung, seed) in the file read, or 0. */
    public int line(String field) {
        return fieldLines.getOrDefault(field, 0);
    }

    /**
     * The first key whose value differs between this fingerprint and {@code other}'s, as "key: value here, other value
     * {@code there}", with its line in this file; null if the fingerprints are equal.
     *
     * @param there how the message names the other fingerprint, e.g. "in the check's experiment"
     */
    public ConfigException difference(String other, String there, String advice) {
        Map<String, String> mine = ExperimentValues.fingerprintEntries(fingerprint);
        Map<String, String> theirs = ExperimentValues.fingerprintEntries(other);
        for (Map.Entry<String, String> e : mine.entrySet()) {
            String value = theirs.get(e.getKey());
            if (!e.getValue().equals(value)) {
                return new ConfigException(file, keyLines.getOrDefault(e.getKey(), 0), e.getKey(), e.getValue() + " here, " + (value == null
                        ? "no such key" : value) + " " + there + "; " + advice);
            }
        }
        for (Map.Entry<String, String> e : theirs.entrySet()) {
            if (!mine.containsKey(e.getKey())) {
                return new ConfigException(file, 0, e.getKey(), "not in this file, " + e.getValue() + " " + there + "; " + advice);
            }
        }
        return null;
    }
}
