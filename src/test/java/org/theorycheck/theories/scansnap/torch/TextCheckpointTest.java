package org.theorycheck.theories.scansnap.torch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.text.TextCorpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A run on text that is stopped and resumed from its last checkpoint ends with the numbers of a run that was
 * never stopped, bit for bit, with dropout and momentum on (so that the random stream and the momentum buffers
 * matter); a checkpoint of another run, or a damaged one, is refused with one clear message.
 */
class TextCheckpointTest {

    private static final long SEED = 7;
    private static final int STEPS = 30;
    private static final int EVERY = 5;
    /** Not a record step and past a checkpoint: the records and updates after the checkpoint are lost. */
    private static final int KILLED_AT = 17;
    /** The two ways on that every refusal names. */
    private static final String ADVICE = "run train with --restart to delete it and start from iteration 0, or give another "
            + "--out to keep it";

    @TempDir
    Path tmp;

    private ExperimentConfig experiment(String... overrides) throws IOException {
        List<String> all = new ArrayList<>(List.of("transformer.dropout=0.3", "train.momentum=0.9", "train.steps=" + STEPS,
                "train.record_every=4", "train.checkpoint_every=" + EVERY));
        all.addAll(List.of(overrides));
        return TextFixture.experiment(tmp, all.toArray(String[]::new));
    }

    /** A stand-in for a kill: thrown from the step callback. */
    private static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** A run of {@link #experiment()} stopped at KILLED_AT, and the file holding its checkpoint. */
    private record Stopped(ExperimentConfig config, TextCorpus corpus, Path file) {
        /** Its checkpoint, read for the given experiment and seed. */
        TextCheckpoint read(ExperimentConfig experiment, long seed) {
            return TextCheckpoint.read(file, experiment, corpus, seed);
        }
    }

    private Stopped stopped() throws IOException {
        ExperimentConfig config = experiment();
        TextCorpus corpus = TextFixture.corpus(config, tmp);
        Path file = TextCheckpoint.file(tmp.resolve("run"));
        runUntilKilled(config, corpus, file);
        return new Stopped(config, corpus, file);
    }

    /** Runs until KILLED_AT, leaving the checkpoint of the last multiple of EVERY before it at {@code file}. */
    private static void runUntilKilled(ExperimentConfig config, TextCorpus corpus, Path file) {
        assertThatThrownBy(() -> TextRun.run(config, corpus, SEED, file, null, step -> {
            if (step == KILLED_AT) {
                throw new Killed();
            }
        })).isInstanceOf(Killed.class);
    }

    @Test
    void aResumedRunEndsWithTheNumbersOfAnUninterruptedOne() throws IOException {
        resumesExactly(experiment());
    }

    @Test
    void inDoublePrecisionToo() throws IOException {
        resumesExactly(experiment("transformer.dtype=float64"));
    }

    private void resumesExactly(ExperimentConfig config) throws IOException {
        TextCorpus corpus = TextFixture.corpus(config, tmp);
        Path uninterruptedFile = TextCheckpoint.file(tmp.resolve("uninterrupted"));
        List<String> uninterrupted = exactly(TextRun.run(config, corpus, SEED, uninterruptedFile, null, step -> { }));
        assertThat(exactly(TextRun.run(config, corpus, SEED, step -> { }))).as("checkpoints change no number")
                .isEqualTo(uninterrupted);
        assertThat(uninterruptedFile).as("the last checkpoint, before the last iteration").exists();
        assertThat(TextCheckpoint.read(uninterruptedFile, config, corpus, SEED).iteration()).isEqualTo(STEPS - EVERY);

        Path file = TextCheckpoint.file(tmp.resolve("killed"));
        runUntilKilled(config, corpus, file);
        TextCheckpoint checkpoint = TextCheckpoint.read(file, config, corpus, SEED);
        assertThat(checkpoint.iteration()).isEqualTo(KILLED_AT / EVERY * EVERY);
        List<Integer> told = new ArrayList<>();
        List<TextRun.Record> resumed = TextRun.run(config, corpus, SEED, file, checkpoint, told::add);
        assertThat(told).first().isEqualTo(checkpoint.iteration() + 1);
        assertThat(told).last().isEqualTo(STEPS);
        assertThat(exactly(resumed)).isEqualTo(uninterrupted);
    }

    @Test
    void aCheckpointOfAnotherRunIsRefused() throws IOException {
        Stopped run = stopped();
        assertThatThrownBy(() -> run.read(run.config(), SEED + 1))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problem())
                        .isEqualTo("this checkpoint belongs to another run: seeds was 7, is now 8; " + ADVICE));
        ExperimentConfig other = experiment("train.eta_z=0.5", "train.steps=40");
        assertThatThrownBy(() -> run.read(other, SEED))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problem())
                        .isEqualTo("this checkpoint belongs to another run: train.eta_z was 1.0, is now 0.5; train.eta_y was 1.0, "
                                + "is now 0.5; train.steps was 30, is now 40; " + ADVICE));
        assertThatThrownBy(() -> run.read(experiment("corpus.map_window=1", "transformer.dropout=0.1"), SEED))
                .hasMessageContaining("corpus.map_window was 0, is now 1; transformer.dropout was 0.3, is now 0.1;")
                .hasMessageNotContaining("Spec[");
        // how often checkpoints are kept changes no number: such a run resumes
        assertThat(run.read(experiment("train.checkpoint_every=3"), SEED).iteration()).isEqualTo(KILLED_AT / EVERY * EVERY);
        assertThat(TextCheckpoint.read(TextCheckpoint.file(tmp.resolve("none")), run.config(), run.corpus(), SEED)).isNull();
    }

    @Test
    void aDamagedCheckpointIsRefusedWithOneMessage() throws IOException {
        Stopped run = stopped();
        byte[] whole = Files.readAllBytes(run.file());
        assertDamaged(run, Arrays.copyOf(whole, whole.length / 2), "checksum does not match");
        assertDamaged(run, Arrays.copyOf(whole, 20), "ends early");
        assertDamaged(run, new byte[0], "ends early");
        byte[] flipped = whole.clone();
        flipped[whole.length * 2 / 3] ^= 1;
        assertDamaged(run, flipped, "checksum does not match");
        assertDamaged(run, ("step,loss,val_perplexity\n" + "0,1.0,2.0\n".repeat(10)).getBytes(StandardCharsets.UTF_8),
                "not a checkpoint of a run on text");
    }

    /** Writes {@code content} as the run's checkpoint and requires that reading it says {@code why}. */
    private static void assertDamaged(Stopped run, byte[] content, String why) throws IOException {
        Files.write(run.file(), content);
        assertThatThrownBy(() -> run.read(run.config(), SEED))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo(run.file().toString());
                    assertThat(e.problem()).startsWith("the checkpoint is damaged: ").contains(why)
                            .endsWith("; " + ADVICE);
                });
    }

    /** Every number of every record, written so that two lists are equal only if the numbers are, bit for bit. */
    private static List<String> exactly(List<TextRun.Record> records) {
        List<String> lines = new ArrayList<>();
        for (TextRun.Record r : records) {
            lines.add(r.step() + " " + Double.doubleToRawLongBits(r.loss()) + " " + Double.doubleToRawLongBits(r.perplexity())
                    + " " + bits(r.entropy()) + " " + bits(r.change()) + " " + bits(r.map()));
        }
        return lines;
    }

    private static String bits(double[] values) {
        return Arrays.toString(Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray());
    }
}
