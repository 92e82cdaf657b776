package org.theorycheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.theorycheck.theories.scansnap.TestExperiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input (DESIGN.md, quality bar): one message naming the file, the line and the key; exit code 2;
 * no output directory. Both commands validate everything before they write anything.
 */
class BadInputTest {

    @TempDir
    Path tmp;

    /**
     * An edit of experiments/scan-and-snap/syn-small.yaml: the line starting with {@code find} (after indentation) is
     * replaced by {@code replacement} (several lines allowed); the error must name {@code key} on the
     * line where {@code expectLineOf} ends up.
     */
    record Edit(String name, String find, String replacement, String key, String expectLineOf) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> fileErrors() {
        return Stream.of(
                new Edit("unknown key", "batch:", "  batch: 128\n  batchsize: 8", "train.batchsize", "batchsize:"),
                new Edit("wrong type", "batch:", "  batch: abc", "train.batch", "batch:"),
                new Edit("zero batch", "batch:", "  batch: 0", "train.batch", "batch:"),
                new Edit("weights not ascending", "distinct_weights:", "  distinct_weights: [1.0, 0.1]",
                        "data.distinct_weights", "distinct_weights:"),
                new Edit("zero distinct weight", "distinct_weights:", "  distinct_weights: [0, 1.0]",
                        "data.distinct_weights", "distinct_weights:"),
                new Edit("negative common weight", "common_weight:", "  common_weight: -1", "data.common_weight",
                        "common_weight:"),
                new Edit("negative rate", "eta_z:", "  eta_z: -0.5", "train.eta_z", "eta_z:"),
                new Edit("both eta_y and eta_ratio", "eta_ratio:", "  eta_ratio: 1.0\n  eta_y: 2.0", "train.eta_y",
                        "eta_y:"),
                new Edit("momentum out of range", "momentum:", "  momentum: 1.0", "train.momentum", "momentum:"),
                new Edit("unknown init", "init:", "  init: gaussian", "model.init", "init:"),
                new Edit("sweep of an unknown key", "seeds:", "seeds: 1..3\nsweep:\n  train.batchsize: [1, 2]",
                        "sweep.train.batchsize", "train.batchsize:"),
                new Edit("bad value in one sweep cell", "seeds:", "seeds: 1..3\nsweep:\n  train.batch: [8, abc]",
                        "train.batch", "train.batch:"),
                new Edit("malformed YAML in a value", "batch:", "  batch: [1, 2", "train.batch", "batch:"),
                new Edit("malformed YAML between keys", "steps:", "  steps: 100\n\tbad: 1", "", "bad:"))
                .flatMap(e -> Stream.of(Arguments.of(e, "train"), Arguments.of(e, "sweep")));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("fileErrors")
    void fileErrorNamesFileLineAndKey(Edit edit, String command) throws IOException {
        List<String> lines = edited(edit);
        Path file = Files.createDirectories(tmp.resolve("experiments/scan-and-snap")).resolve("bad.yaml");
        Files.write(file, lines);
        int line = lineOf(lines, edit.expectLineOf());
        Path out = tmp.resolve("out");
        Cli.Outcome o = Cli.run(command, file.toString(), "--out", out.toString());
        assertThat(o.code()).as(o.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        if (command.equals("train") && edit.name().equals("bad value in one sweep cell")) {
            // train refuses a swept key before it looks at the cells
            assertThat(o.errorLines()).singleElement().asString().contains(file.toString(), "train.batch");
        } else if (edit.name().startsWith("malformed YAML")) {
            // the parser places a syntax error on the line where it got stuck: the edited one or the next
            assertThat(o.errorLines()).singleElement().asString()
                    .containsAnyOf(file + ":" + line + ":", file + ":" + (line + 1) + ":")
                    .contains(edit.key());
        } else {
            assertThat(o.errorLines()).singleElement().asString()
                    .contains(file + ":" + line + ":")
                    .contains(edit.key() + ":");
        }
        assertThat(out).doesNotExist();
    }

    @Test
    void overrideNamingNoKey() {
        Path out = tmp.resolve("out");
        for (String command : List.of("train", "sweep")) {
            Cli.Outcome o = Cli.run(command, TestExperiments.SYN_SMALL.toString(), "train.batchsize=8", "--out", out.toString());
            assertThat(o.code()).isEqualTo(Main.EXIT_BAD_INPUT);
            assertThat(o.errorLines()).singleElement().asString()
                    .contains(TestExperiments.SYN_SMALL.toString(), "train.batchsize", "train.batchsize=8");
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void overrideWithWrongTypeNamesTheKeyAndTheOverride() {
        Path out = tmp.resolve("out");
        Cli.Outcome o = Cli.run("train", TestExperiments.SYN_SMALL.toString(), "train.batch=abc", "--out", out.toString());
        assertThat(o.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.errorLines()).singleElement().asString().contains("train.batch", "override train.batch=abc");
        assertThat(out).doesNotExist();
    }

    @Test
    void overrideThatIsNotKeyEqualsValue() {
        Path out = tmp.resolve("out");
        Cli.Outcome o = Cli.run("sweep", TestExperiments.SYN_SMALL.toString(), "train.batch", "--out", out.toString());
        assertThat(o.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.errorLines()).singleElement().asString().contains("train.batch");
        assertThat(out).doesNotExist();
    }

    @Test
    void aModelThatCannotFitIsRefusedBeforeAllocationWithTheKeyToLower() {
        Path out = tmp.resolve("out");
        for (List<String> command : List.of(List.of("train"), List.of("sweep"), List.of("integrate", "--rung=flow"))) {
            List<String> args = new java.util.ArrayList<>(command);
            args.addAll(List.of("experiments/scan-and-snap/syn-small.yaml", "data.queries=100000", "--out", out.toString()));
            Cli.Outcome o = Cli.run(args.toArray(String[]::new));
            assertThat(o.code()).as(command + ": " + o.err()).isEqualTo(Main.EXIT_BAD_INPUT);
            assertThat(o.errorLines()).singleElement().asString()
                    .contains("experiments/scan-and-snap/syn-small.yaml: data.queries: ", "1,200,010 tokens", "at most 46340", "lower data.queries");
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void missingFile() {
        Path out = tmp.resolve("out");
        Path missing = tmp.resolve("no-such.yaml");
        for (String command : List.of("train", "sweep")) {
            Cli.Outcome o = Cli.run(command, missing.toString(), "--out", out.toString());
            assertThat(o.code()).isEqualTo(Main.EXIT_BAD_INPUT);
            assertThat(o.errorLines()).singleElement().asString().contains(missing.toString());
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void productOfRatesMustBeFinite() {
        Path out = tmp.resolve("out");
        Cli.Outcome o = Cli.run("train", TestExperiments.SYN_SMALL.toString(), "train.eta_z=1e300", "train.eta_ratio=1e300",
                "--out", out.toString());
        assertThat(o.code()).as(o.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.errorLines()).singleElement().asString().contains("train.eta_ratio");
        assertThat(out).doesNotExist();
    }

    /** Negative control: the unedited file is accepted by both commands (so the failures above are the edits'). */
    @Test
    void unEditedFileIsAccepted() {
        Path out = tmp.resolve("out");
        Cli.Outcome o = Cli.run("train", TestExperiments.SYN_SMALL.toString(), "train.steps=2", "--out", out.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(out.resolve("trace.csv")).exists();
    }

    private static List<String> edited(Edit edit) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean replaced = false;
        for (String l : Files.readAllLines(TestExperiments.SYN_SMALL)) {
            if (!replaced && l.strip().startsWith(edit.find())) {
                lines.addAll(List.of(edit.replacement().split("\n")));
                replaced = true;
            } else {
                lines.add(l);
            }
        }
        assertThat(replaced).as("the edit applies to the file").isTrue();
        return lines;
    }

    private static int lineOf(List<String> lines, String start) {
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(start)) {
                found = i + 1;
            }
        }
        assertThat(found).isPositive();
        return found;
    }
}
