package org.theorycheck.core.ladder;

import org.junit.jupiter.api.Test;
import org.theorycheck.core.experiment.ConfigException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a run's files: each field checked, each failure naming the file, the line of the file and the column. */
class RunFilesTest {

    private static RunFiles files(String... nameAndText) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            texts.put(nameAndText[i], nameAndText[i + 1]);
        }
        return new RunFiles("toy", "run", name -> texts.containsKey(name)
                ? new RunFiles.Text(name, "run/" + name, texts.get(name), "") : null);
    }

    private static void refused(Runnable read, String message) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.getMessage()).isEqualTo(message));
    }

    @Test
    void anEmptyFieldIsUndefinedWhereAValueMayBeAndMissingWhereANumberIsNeeded() {
        RunFiles.Table trace = files("trace.csv", "step,a,b\n0,1.5,\n1,2.5,3\n").trace().expect(List.of("a", "b"), List.of());
        assertThat(trace.steps()).containsExactly(0, 1);
        assertThat(trace.numbers("a")).containsExactly(1.5, 2.5);
        assertThat(trace.values("b")).containsExactly(Double.NaN, 3);
        refused(() -> trace.numbers("b"), "run/trace.csv:2: b: is empty, but b needs a number here");
    }

    @Test
    void nanAndInfinityAreRefusedEvenWhereAValueMayBeUndefined() {
        RunFiles.Table trace = files("trace.csv", "step,a\n0,nan\n").trace().expect(List.of("a"), List.of());
        assertThatThrownBy(() -> trace.values("a")).hasMessageStartingWith("run/trace.csv:2: a: is nan; a value must be a finite "
                + "number (a value not defined at this step is an empty field)");
        RunFiles.Table inf = files("trace.csv", "step,a\n0,-Infinity\n").trace().expect(List.of("a"), List.of());
        assertThatThrownBy(() -> inf.numbers("a")).hasMessageContaining("a: is -Infinity");
    }

    @Test
    void linesAreTheFilesLinesWhateverItsBlankLinesByteOrderMarkAndQuotedBreaks() {
        RunFiles.Table trace = files("trace.csv", "\uFEFFstep,a\n0,\"x\ny\"\n\n1,oops\n").trace().expect(List.of("a"), List.of());
        assertThat(trace.texts("a")).containsExactly("x\ny", "oops");
        refused(() -> trace.numbers("a"), "run/trace.csv:2: a: 'x\ny' is not a number");
        assertThat(trace.line(1)).isEqualTo(5);
    }

    @Test
    void theColumnsAreDeclaredAndNoOtherIsAccepted() {
        RunFiles files = files("trace.csv", "step,a,c\n0,1,2\n");
        refused(() -> files.trace().expect(List.of("a"), List.of("b")), "run/trace.csv:1: c: is not a column of toy's trace.csv "
                + "(is it a run of another theory, or a misspelt name?); its columns are step, a and, optionally, b");
        refused(() -> files("trace.csv", "step,b\n0,1\n").trace().expect(List.of("a"), List.of("b")),
                "run/trace.csv:1: a: is missing; toy's trace.csv needs the columns step, a and, optionally, b");
        refused(() -> files("trace.csv", "step,a,a\n0,1,1\n").trace().expect(List.of("a"), List.of()),
                "run/trace.csv:1: a: appears twice in the header");
        RunFiles.Table undeclared = files("trace.csv", "step,a\n0,1\n").trace();
        assertThat(undeclared.steps()).containsExactly(0);
        assertThatThrownBy(() -> undeclared.numbers("a")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stepsIncreaseInTheTraceAndTablesRecordItsTimesInOrder() {
        refused(() -> files("trace.csv", "step\n0\n2\n2\n").steps(),
                "run/trace.csv:4: step: is 2 after 2 on line 3; the steps of trace.csv must increase, one row per recorded time");
        refused(() -> files("trace.csv", "step\n-1\n").steps(), "run/trace.csv:2: step: is -1; steps count updates from 0");
        refused(() -> files("trace.csv", "step\n").steps(), "run/trace.csv:1: step: the file has no rows below its header");
        RunFiles files = files("trace.csv", "step\n0\n0.5\n2\n", "t.csv", "step,k\n0,1\n2,1\n0.5,1\n", "u.csv", "step,k\n0,1\n1,1\n");
        assertThat(files.steps()).containsExactly(0, 0.5, 2);
        refused(() -> files.table("t").steps(), "run/t.csv:4: step: is 0.5 after 2 on line 3; the rows must be in step order");
        refused(() -> files.table("u").steps(), "run/u.csv:3: step: is 1, which is not a step of trace.csv; every table records "
                + "the times trace.csv records");
    }

    @Test
    void integersAreWholeNumbersInTheirRange() {
        RunFiles.Table t = files("trace.csv", "step,k\n0,3.0\n1,2\n").trace().expect(List.of("k"), List.of());
        assertThat(t.integers("k", 0, 3)).containsExactly(3, 2);
        refused(() -> t.integers("k", 0, 2), "run/trace.csv:2: k: is 3.0; expected a whole number from 0 to 2");
        RunFiles.Table half = files("trace.csv", "step,k\n0,1.5\n").trace().expect(List.of("k"), List.of());
        refused(() -> half.integers("k", 0, 9), "run/trace.csv:2: k: is 1.5; expected a whole number from 0 to 9");
    }

    @Test
    void aMissingTableNamesTheRunAndTheFilesReadAreListedInOrder() {
        RunFiles files = files("trace.csv", "step\n0\n", "a.csv", "step\n0\n");
        assertThat(files.hasTable("a")).isTrue();
        assertThat(files.hasTable("b")).isFalse();
        refused(() -> files.table("b"), "run: has no b.csv; a run of toy holds b.csv here (see docs/external-runs.md)");
        files.table("a");
        files.steps();
        assertThat(files.read()).extracting(RunFiles.Text::name).containsExactly("a.csv", "trace.csv");
    }
}
