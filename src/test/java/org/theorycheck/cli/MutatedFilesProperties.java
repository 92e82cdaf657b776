package org.theorycheck.cli;

import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.experiment.ExperimentFile;
import org.theorycheck.core.sweep.SweepPlan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random mutations of the bundled claim and experiment files — a line dropped or duplicated, a key
 * or a value mistyped, a value replaced by one of the wrong type or out of range — are either refused
 * with exit 2, one error line naming the file and a line, and nothing written, or they are valid and
 * run. Valid mutations run cheaply: experiments with a tiny budget (2 steps, batch 4, T−1 = 15, one
 * seed, vocabularies up to {@value #RUN_VOCABULARY}, corpus experiments only loaded; a mutated rate may make that run diverge, exit 3),
 * claims through {@code verify --dry-run} (everything but the measurement) and, for claims whose checks
 * take milliseconds, through {@code verify} itself. The counts are printed after the properties.
 */
class MutatedFilesProperties {

    private static final Path THEOREMS = Path.of("theorems/scan-and-snap");
    private static final Path EXPERIMENTS = Path.of("experiments/scan-and-snap");
    /** Claims whose every check takes milliseconds, so their valid mutations run in full. */
    private static final List<String> QUICK_CLAIMS = List.of("lemma9-gamma-stages.yaml", "lemma7-discrete-vs-continuous.yaml");
    /** Values that a mutation writes in place of another: wrong types, out of range, misspelt, empty. */
    private static final List<String> VALUES = List.of("abc", "-1", "0", "1.5", "2", "50", "1000000000", "[1, 2]",
            "{a: 1}", "true", "''", "NaN", "1e400", "decreasing", "HOLDS", "FAILS", "sgd", "flow", "train.eta_y", "null");
    private static final Pattern KEY_LINE = Pattern.compile("^(\\s*(?:- )?)([A-Za-z_][\\w.]*)(:\\s*)(.*)$");
    /** An experiment budget small enough that any valid mutation trains in milliseconds. */
    private static final List<String> TINY = List.of("train.steps=2", "train.record_every=1", "train.batch=4",
            "data.context=15", "seeds=1");

    /** Valid experiments with a larger vocabulary are only loaded: allocating their M×M matrices takes seconds. */
    private static final int RUN_VOCABULARY = 2000;

    private static final AtomicInteger TRIED = new AtomicInteger();
    private static final AtomicInteger REJECTED = new AtomicInteger();
    private static final AtomicInteger LOADED = new AtomicInteger();
    private static final AtomicInteger RAN = new AtomicInteger();

    private static List<Path> yaml(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file's text with one mutation chosen by {@code seed}; null if the mutation leaves it unchanged. */
    static String mutate(String text, long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (!l.isEmpty() && !l.startsWith("#")) {
                candidates.add(i);
            }
        }
        int at = candidates.get(random.nextInt(candidates.size()));
        String line = lines.get(at);
        Matcher m = KEY_LINE.matcher(line);
        switch (random.nextInt(5)) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, line);
            case 2 -> {
                if (!m.matches()) {
                    return null;
                }
                lines.set(at, m.group(1) + typo(m.group(2), random) + m.group(3) + m.group(4));
            }
            case 3 -> {
                if (!m.matches() || m.group(4).isEmpty() || m.group(4).equals(">")) {
                    return null;
                }
                lines.set(at, m.group(1) + m.group(2) + m.group(3) + VALUES.get(random.nextInt(VALUES.size())));
            }
            default -> {
                if (!m.matches() || m.group(4).isEmpty() || m.group(4).equals(">")) {
                    return null;
                }
                lines.set(at, m.group(1) + m.group(2) + m.group(3) + typo(m.group(4), random));
            }
        }
        String mutated = String.join("\n", lines);
        return mutated.equals(text) ? null : mutated;
    }

    /** One character replaced by a letter, digit or sign. */
    private static String typo(String s, Random random) {
        String pool = "abcdefghijklmnopqrstuvwxyz0123456789-.";
        int i = random.nextInt(s.length());
        return s.substring(0, i) + pool.charAt(random.nextInt(pool.length())) + s.substring(i + 1);
    }

    private static Path write(Path dir, Path original, String text) throws IOException {
        Path f = Files.createDirectories(dir.resolve(original.getParent())).resolve(original.getFileName());
        Files.writeString(f, text);
        return f;
    }

    /** A refusal: exit 2, one error line "file:line: ...", nothing on standard output. */
    private static void assertRefused(Cli.Outcome o, Path file) {
        assertThat(o.out()).as(o.err()).isEmpty();
        assertThat(o.errorLines()).as(o.err()).hasSize(1);
        assertThat(o.errorLines().get(0)).as("names the file and a line").containsPattern(Pattern.quote(file.toString()) + ":[1-9]\\d*: ");
        REJECTED.incrementAndGet();
    }

    @Property(tries = 100, seed = "20231101")
    void aMutatedClaimFileIsRefusedWithItsLineOrIsValid(@ForAll @IntRange(min = 0, max = 1000) int which,
                                                        @ForAll long seed) throws IOException {
        List<Path> claims = yaml(THEOREMS);
        Path original = claims.get(which % claims.size());
        String mutated = mutate(Files.readString(original), seed);
        if (mutated == null) {
            return;
        }
        TRIED.incrementAndGet();
        Path dir = Files.createTempDirectory("mutated-claim");
        Path file = write(dir, original, mutated);
        Path table = dir.resolve("table.md");
        Cli.Outcome loaded = Cli.run("verify", "--dry-run", file.toString());
        if (loaded.code() == 2) {
            assertRefused(loaded, file);
            Cli.Outcome run = Cli.run("verify", file.toString(), "--out", table.toString());
            assertThat(run.code()).isEqualTo(2);
            assertThat(table).doesNotExist();
            return;
        }
        assertThat(loaded.code()).as(loaded.err()).isZero();
        assertThat(file.getParent().toFile().list()).containsExactly(file.getFileName().toString());
        LOADED.incrementAndGet();
        if (QUICK_CLAIMS.contains(original.getFileName().toString())) {
            Cli.Outcome run = Cli.run("verify", file.toString(), "--threads", "1", "--out", table.toString());
            assertThat(run.code()).as(run.err()).isIn(0, 1);
            assertThat(table).isRegularFile();
            assertThat(Files.readString(table)).doesNotContain("| ERROR");
            RAN.incrementAndGet();
        }
    }

    @Property(tries = 100, seed = "20231102")
    void aMutatedExperimentFileIsRefusedWithItsLineOrTrains(@ForAll @IntRange(min = 0, max = 1000) int which,
                                                           @ForAll long seed) throws IOException {
        List<Path> experiments = yaml(EXPERIMENTS);
        Path original = experiments.get(which % experiments.size());
        String text = Files.readString(original);
        String mutated = mutate(text, seed);
        if (mutated == null) {
            return;
        }
        TRIED.incrementAndGet();
        Path dir = Files.createTempDirectory("mutated-experiment");
        Path file = write(dir, original, mutated);
        Path out = dir.resolve("out");
        String command = text.contains("\nsweep:") ? "sweep" : "train";
        int vocabulary = 0;
        boolean onCorpus = false;
        boolean valid;
        try {
            for (SweepPlan.Cell<ExperimentConfig> cell : SweepPlan.of(ScanSnapExperiments.read(file)).cells()) {
                if (cell.config().corpus() != null) {
                    onCorpus = true;
                } else {
                    vocabulary = Math.max(vocabulary, cell.config().data().vocabulary());
                }
            }
            valid = true;
        } catch (ConfigException e) {
            valid = false;
        }
        if (!valid) {
            Cli.Outcome o = Cli.run(command, file.toString(), "--out", out.toString());
            assertThat(o.code()).as(o.err()).isEqualTo(2);
            assertRefused(o, file);
            assertThat(out).doesNotExist();
            return;
        }
        LOADED.incrementAndGet();
        // a corpus experiment's run needs the corpus and a language model: loading validated it, which is what is fuzzed
        if (onCorpus || vocabulary > RUN_VOCABULARY) {
            return;
        }
        List<String> tiny = new ArrayList<>(List.of(command, file.toString()));
        tiny.addAll(TINY);
        tiny.addAll(List.of("--out", out.toString()));
        Cli.Outcome run = Cli.run(tiny.toArray(String[]::new));
        // 3: a mutated rate can make the run diverge, which is detected and named.
        assertThat(run.code()).as(run.err()).isIn(0, 3);
        RAN.incrementAndGet();
    }

    @AfterContainer
    static void counts() {
        System.out.printf("mutated files: %d tried, %d refused with exit 2 and file:line, %d valid (loaded), %d of them run%n",
                TRIED.get(), REJECTED.get(), LOADED.get(), RAN.get());
    }
}
