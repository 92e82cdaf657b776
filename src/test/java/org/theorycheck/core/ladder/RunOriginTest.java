package org.theorycheck.core.ladder;

import org.junit.jupiter.api.Test;
import org.theorycheck.core.experiment.ConfigException;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code run.fingerprint} written beside a run's files, read back, and the first key in which two differ. */
class RunOriginTest {

    private static final String FINGERPRINT = "train.rate=0.5\ntrain.steps=4\nrung=sgd\n";

    @Test
    void itsTextReadsBackAsItWasWritten() {
        RunOrigin written = new RunOrigin("toy", "four-steps", "sgd", 3, FINGERPRINT, "", Map.of(), Map.of());
        RunOrigin read = RunOrigin.parse("run/run.fingerprint", written.text());
        assertThat(read.theory()).isEqualTo("toy");
        assertThat(read.experiment()).isEqualTo("four-steps");
        assertThat(read.rung()).isEqualTo("sgd");
        assertThat(read.seed()).isEqualTo(3);
        assertThat(read.fingerprint()).isEqualTo(FINGERPRINT);
        assertThat(read.line("rung")).isEqualTo(6);
        assertThat(read.difference(FINGERPRINT, "there", "fix it")).isNull();
    }

    @Test
    void theFirstKeyThatDiffersIsNamedWithItsLine() {
        RunOrigin read = RunOrigin.parse("o", "theory: toy\nexperiment: e\nrung: sgd\nseed: 1\n" + FINGERPRINT);
        ConfigException e = read.difference("train.rate=0.5\ntrain.steps=8\nrung=sgd\n", "in the check's", "fix it");
        assertThat(e.getMessage()).isEqualTo("o:6: train.steps: 4 here, 8 in the check's; fix it");
        assertThat(read.difference("train.rate=0.5\ntrain.steps=4\nrung=sgd\nmodel.start=0\n", "there", "fix it").getMessage())
                .isEqualTo("o: model.start: not in this file, 0 there; fix it");
    }

    @Test
    void aDamagedFileIsRefusedWithItsLine() {
        assertThatThrownBy(() -> RunOrigin.parse("o", "theory: toy\nexperiment: e\nrung: sgd\nseed: 1\nnonsense\n"))
                .hasMessageStartingWith("o:5: is neither a field");
        assertThatThrownBy(() -> RunOrigin.parse("o", "theory: toy\nexperiment: e\nrung: sgd\n"))
                .hasMessageStartingWith("o: seed: is missing");
        assertThatThrownBy(() -> RunOrigin.parse("o", "theory: toy\nexperiment: e\nrung: sgd\nseed: one\n"))
                .hasMessageStartingWith("o:4: seed: 'one' is not a whole number");
        assertThatThrownBy(() -> RunOrigin.parse("o", "theory: toy\ntheory: toy\n")).hasMessageStartingWith("o:2: theory: appears twice");
    }
}
