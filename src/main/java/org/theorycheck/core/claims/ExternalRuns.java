package org.theorycheck.core.claims;

import org.theorycheck.core.Theory;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.io.InputFiles;
import org.theorycheck.core.ladder.RunFiles;
import org.theorycheck.core.ladder.RunOrigin;
import org.theorycheck.core.ladder.Trace;
import org.theorycheck.core.ladder.TraceCsv;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The runs a check with {@code rung: external} reads from files: one directory per seed, each holding what
 * {@code train --out} writes for the theory. {@code runs: PATH} names {@code PATH/seed-<n>} for each seed; a
 * {@code runs:} with a glob ({@code out/lr0.1-s*}) names the directories it matches, each ending in its seed.
 *
 * <p>The runs are read and checked when the claim file loads, before anything runs: the directories, the
 * {@value RunOrigin#FILE} files beside the runs (runs of two experiments, rungs, seeds or theories mixed), the times
 * (increasing, ending at the experiment's last step) and the theory's reading of every file. The text of every file
 * read is kept, so that the check measures the very bytes whose checksums its evidence names, on whatever machine it
 * runs.
 */
public final class ExternalRuns implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Bytes one file of a run may have: 256 MiB. */
    static final long FILE_MAX_BYTES = 256L << 20;
    /** Hexadecimal digits of each SHA-256 the evidence shows. */
    private static final int SHOWN_DIGITS = 16;
    private static final Pattern TRAILING_NUMBER = Pattern.compile("(\\d+)$");

    /** One seed's run: its directory as the user named it and the files its theory read. */
    private record Run(long seed, String directory, List<RunFiles.Text> files) implements Serializable {}

    private final String pattern;
    private final String fingerprint;
    private final List<Run> runs;

    private ExternalRuns(String pattern, String fingerprint, List<Run> runs) {
        this.pattern = pattern;
        this.fingerprint = fingerprint;
        this.runs = List.copyOf(runs);
    }

    /**
     * Finds, reads and checks the run of each of {@code seeds}.
     *
     * @param pattern    the check's {@code runs:} value
     * @param experiment the check's experiment (one configuration)
     * @param claimFile  the claim file, and {@code line} the line of its {@code runs:}, for messages about directories
     * @throws ConfigException naming the file, line and column (or the claim file's {@code runs:}) of what is wrong
     */
    static <E extends Experiment, T extends Trace> ExternalRuns read(String pattern, Theory<E, T> theory, E experiment,
                                                                     List<Long> seeds, String claimFile, int line) {
        Site site = new Site(claimFile, line, pattern);
        Map<Long, Path> directories = directories(pattern, seeds, site);
        List<RunOrigin> origins = origins(directories, site);
        checkOrigins(origins, directories, theory.id(), experiment, site);
        List<Run> runs = new ArrayList<>();
        for (Map.Entry<Long, Path> e : directories.entrySet()) {
            runs.add(read(e.getKey(), e.getValue(), theory, experiment, site));
        }
        return new ExternalRuns(pattern, experiment.fingerprint(), runs);
    }

    private static <E extends Experiment, T extends Trace> Run read(long seed, Path dir, Theory<E, T> theory, E experiment,
                                                                    Site site) {
        Map<String, Optional<RunFiles.Text>> cache = new LinkedHashMap<>();
        Function<String, RunFiles.Text> fromDisk = name -> cache.computeIfAbsent(name, n -> {
            Path file = dir.resolve(n);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String text = InputFiles.readText(file, "a file of a run", FILE_MAX_BYTES);
            return Optional.of(new RunFiles.Text(n, file.toString(), text, sha256(text)));
        }).orElse(null);
        RunFiles files = new RunFiles(theory.id(), dir.toString(), fromDisk);
        try {
            if (fromDisk.apply(TraceCsv.TRACE) == null) {
                throw new ConfigException(dir.toString(), 0, "", "has no " + TraceCsv.TRACE + "; a run's directory holds the files "
                        + "train --out writes for theory " + theory.id() + " (see docs/external-runs.md)");
            }
            double[] steps = files.steps();
            double last = steps[steps.length - 1];
            if (last != experiment.steps()) {
                RunFiles.Table trace = files.trace();
                throw trace.error(trace.rows() - 1, "step", (last < experiment.steps()
                        ? "the run ends at step " + TraceCsv.step(last) + ", but the check's experiment runs "
                        : "the run goes on to step " + TraceCsv.step(last) + ", past the ") + experiment.steps()
                        + " steps " + (last < experiment.steps() ? "" : "of the check's experiment ")
                        + "(" + experiment.source() + "); give runs of the whole experiment, or give the check overrides "
                        + "that make its experiment the runs' one");
            }
            theory.readTrace(experiment, files);
        } catch (ConfigException e) {
            throw site.about(e);
        }
        return new Run(seed, dir.toString(), files.read());
    }

    /** The run of {@code seed}, read from the text its files had when the claim file was loaded. */
    <E extends Experiment, T extends Trace> T trace(Theory<E, T> theory, E experiment, long seed) {
        Run run = runs.stream().filter(r -> r.seed() == seed).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "runs: " + pattern + " were read for the seeds " + seeds() + ", not for seed " + seed));
        Map<String, RunFiles.Text> byName = new LinkedHashMap<>();
        run.files().forEach(f -> byName.put(f.name(), f));
        return theory.readTrace(experiment, new RunFiles(theory.id(), run.directory(), byName::get));
    }

    /** The check's experiment's fingerprint: the only configuration these runs are of. */
    String fingerprint() {
        return fingerprint;
    }

    /** The seeds read, in order. */
    List<Long> seeds() {
        return runs.stream().map(Run::seed).toList();
    }

    /** What names these runs in a cache of runs: the pattern and the checksums of every file read. */
    String identity() {
        StringBuilder sb = new StringBuilder(pattern);
        for (Run r : runs) {
            r.files().forEach(f -> sb.append('|').append(r.directory()).append('/').append(f.name()).append('=').append(f.sha256()));
        }
        return sb.toString();
    }

    /**
     * Where the runs came from, for a table's evidence column: every file read, each with the first 16 hexadecimal digits of
     * its SHA-256 (as {@code sha256sum FILE | cut -c1-16} prints them).
     */
    public String evidence() {
        List<String> directories = new ArrayList<>();
        for (Run r : runs) {
            directories.add(r.directory() + ": " + String.join(", ", r.files().stream()
                    .map(f -> f.name() + " " + f.sha256().substring(0, SHOWN_DIGITS)).toList()));
        }
        return "runs read from files (SHA-256) " + String.join("; ", directories);
    }

    /** The check's {@code runs:} value. */
    public String pattern() {
        return pattern;
    }

    private static Map<Long, Path> directories(String pattern, List<Long> seeds, Site site) {
        Map<Long, Path> out = new TreeMap<>();
        if (isGlob(pattern)) {
            Map<Long, Path> matched = glob(pattern, site);
            List<Long> unlisted = matched.keySet().stream().filter(s -> !seeds.contains(s)).toList();
            if (!unlisted.isEmpty()) {
                throw site.error("matches runs of the seeds " + unlisted + ", which the check's experiment does not list ("
                        + seeds + "); list them in its seeds (overrides: [seeds=...]) or narrow the pattern");
            }
            for (long seed : seeds) {
                Path dir = matched.get(seed);
                if (dir == null) {
                    throw site.error("no run of seed " + seed + ": no directory that the pattern matches ends in " + seed
                            + " (the seeds of the check's experiment: " + seeds + ")");
                }
                out.put(seed, dir);
            }
        } else {
            Path base = Path.of(pattern);
            if (!Files.isDirectory(base)) {
                throw site.error(Files.exists(base) ? "is a file; runs: names a directory that holds seed-<n>/ for each seed, "
                        + "or a glob of run directories" : "no such directory (paths are relative to the working directory)");
            }
            for (long seed : seeds) {
                Path dir = base.resolve("seed-" + seed);
                if (!Files.isDirectory(dir)) {
                    throw site.error("no run of seed " + seed + ": " + dir + (Files.exists(dir) ? " is a file" : " does not exist")
                            + "; runs: " + pattern + " reads " + base.resolve("seed-<n>") + " for each seed of the check's experiment "
                            + seeds);
                }
                out.put(seed, dir);
            }
        }
        for (Path dir : out.values()) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isEmpty()) {
                    throw site.error(dir + " is empty; a run's directory holds the files train --out writes (trace.csv and the "
                            + "trace's tables)");
                }
            } catch (IOException e) {
                throw site.error("cannot list " + dir + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static boolean isGlob(String pattern) {
        return pattern.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /** The directories a glob matches, by the number their names end in. */
    private static Map<Long, Path> glob(String pattern, Site site) {
        String[] parts = pattern.split("/", -1);
        int first = 0;
        while (first < parts.length && !isGlob(parts[first])) {
            first++;
        }
        String base = String.join("/", java.util.Arrays.copyOfRange(parts, 0, first));
        Path start = base.isEmpty() ? Path.of(".") : Path.of(base);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        Map<Long, Path> out = new TreeMap<>();
        if (!Files.isDirectory(start)) {
            throw site.error(start + " (where the pattern starts) is not a directory");
        }
        List<Path> found;
        try (Stream<Path> s = Files.walk(start, parts.length - first)) {
            found = s.map(p -> base.isEmpty() ? start.relativize(p) : p).filter(matcher::matches).filter(Files::isDirectory)
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw site.error("cannot list the directories below " + start + ": " + e.getMessage());
        }
        if (found.isEmpty()) {
            throw site.error("matches no directory");
        }
        for (Path dir : found) {
            Matcher m = TRAILING_NUMBER.matcher(dir.getFileName().toString());
            if (!m.find()) {
                throw site.error("matches " + dir + ", whose name ends in no number; each directory a pattern matches is the run "
                        + "of the seed its name ends in (run-s3, seed-3)");
            }
            long seed = Long.parseLong(m.group(1));
            Path other = out.put(seed, dir);
            if (other != null) {
                throw site.error("matches two runs of seed " + seed + ": " + other + " and " + dir);
            }
        }
        return out;
    }

    /** The {@value RunOrigin#FILE} of each run, in seed order; none if no run has one. */
    private static List<RunOrigin> origins(Map<Long, Path> directories, Site site) {
        List<RunOrigin> origins = new ArrayList<>();
        Path with = null;
        Path without = null;
        for (Path dir : directories.values()) {
            Path file = dir.resolve(RunOrigin.FILE);
            if (Files.isRegularFile(file)) {
                origins.add(RunOrigin.parse(file.toString(), InputFiles.readText(file, "a run's " + RunOrigin.FILE + " file",
                        InputFiles.YAML_MAX_BYTES)));
                with = with == null ? dir : with;
            } else {
                without = without == null ? dir : without;
            }
        }
        if (with != null && without != null) {
            throw site.error(with + " holds " + RunOrigin.FILE + " (theorycheck wrote it) and " + without + " has none: runs "
                    + "from two sources are mixed; give the runs of one experiment, all written by theorycheck or all by another tool");
        }
        return origins;
    }

    private static void checkOrigins(List<RunOrigin> origins, Map<Long, Path> directories, String theory, Experiment experiment,
                                     Site site) {
        if (origins.isEmpty()) {
            return;
        }
        List<Long> seeds = new ArrayList<>(directories.keySet());
        RunOrigin first = origins.get(0);
        for (int i = 0; i < origins.size(); i++) {
            RunOrigin o = origins.get(i);
            if (!o.theory().equals(theory)) {
                throw site.about(new ConfigException(o.file(), o.line("theory"), "theory", o.theory() + " here, but the check is "
                        + "of theory " + theory + ": these are runs of another theory"));
            }
            if (!o.rung().equals(first.rung())) {
                throw site.about(new ConfigException(o.file(), o.line("rung"), "rung", o.rung() + " here, " + first.rung() + " in "
                        + first.file() + ": runs of two rungs are mixed in runs: " + site.pattern()));
            }
            ConfigException mixed = o.difference(first.fingerprint(), "in " + first.file(), "files of two different experiments "
                    + "are mixed in runs: " + site.pattern() + "; give the runs of one experiment");
            if (mixed != null) {
                throw site.about(mixed);
            }
            if (o.seed() != seeds.get(i)) {
                throw site.about(new ConfigException(o.file(), o.line("seed"), "seed", o.seed() + " here, but the directory holds "
                        + "the run of seed " + seeds.get(i) + " for runs: " + site.pattern() + "; put each run in the directory of its seed"));
            }
        }
        if (!first.rung().equals(experiment.rung())) {
            throw site.about(new ConfigException(first.file(), first.line("rung"), "rung", first.rung() + " here, but the runs of "
                    + "the check's experiment are rung " + experiment.rung() + " (its rung key): these files were computed on "
                    + "another rung"));
        }
        ConfigException other = first.difference(experiment.fingerprint(), "in the check's experiment (" + experiment.source()
                + " with the check's overrides)", "the check's experiment must be the one the runs were computed with: give the "
                + "check overrides with the runs' values, or point runs: at runs of this experiment");
        if (other != null) {
            throw site.about(other);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The claim file's {@code runs:}, for messages. */
    private record Site(String claimFile, int line, String pattern) {

        ConfigException error(String problem) {
            return new ConfigException(claimFile, line, "checks.runs", pattern + ": " + problem);
        }

        /** An error in a file of the runs, with the check that reads them. */
        ConfigException about(ConfigException e) {
            return new ConfigException(e.file(), e.line(), e.key(), e.problem() + " (in the runs of the check at " + claimFile
                    + ":" + line + ")");
        }
    }
}
