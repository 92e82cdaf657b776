package org.theorycheck.transformer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theorycheck.config.ConfigException;
import org.theorycheck.config.ExperimentConfig;
import org.theorycheck.data.text.TextCorpus;

import java.io.IOException;
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
        ExperimentConfig config = experiment();
        TextCorpus corpus = TextFixture.corpus(config, tmp);
        Path file = TextCheckpoint.file(tmp.resolve("run"));
        runUntilKilled(config, corpus, file);
        assertThatThrownBy(() -> TextCheckpoint.read(file, config, corpus, SEED + 1))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problem())
                        .startsWith("this checkpoint belongs to another run (its seed 7, this run's seed 8)")
                        .contains("use another --out directory, delete it or run train with --restart"));
        ExperimentConfig other = experiment("train.eta_z=0.5");
        assertThatThrownBy(() -> TextCheckpoint.read(file, other, corpus, SEED))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problem())
                        .contains("another run (its train TrainSpec[", "etaZ=1.0", "this run's train TrainSpec[", "etaZ=0.5"));
        // how often checkpoints are kept changes no number: such a run resumes
        assertThat(TextCheckpoint.read(file, experiment("train.checkpoint_every=3"), corpus, SEED).iteration())
                .isEqualTo(KILLED_AT / EVERY * EVERY);
        assertThat(TextCheckpoint.read(TextCheckpoint.file(tmp.resolve("none")), config, corpus, SEED)).isNull();
    }

    @Test
    void aDamagedCheckpointIsRefusedWithOneMessage() throws IOException {
        ExperimentConfig config = experiment();
        TextCorpus corpus = TextFixture.corpus(config, tmp);
        Path file = TextCheckpoint.file(tmp.resolve("run"));
        runUntilKilled(config, corpus, file);
        byte[] whole = Files.readAllBytes(file);

        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        assertDamaged(file, config, corpus, "checksum does not match");
        Files.write(file, Arrays.copyOf(whole, 20));
        assertDamaged(file, config, corpus, "ends early");
        Files.write(file, new byte[0]);
        assertDamaged(file, config, corpus, "ends early");
        byte[] flipped = whole.clone();
        flipped[whole.length * 2 / 3] ^= 1;
        Files.write(file, flipped);
        assertDamaged(file, config, corpus, "checksum does not match");
        Files.writeString(file, "step,loss,val_perplexity\n" + "0,1.0,2.0\n".repeat(10));
        assertDamaged(file, config, corpus, "not a checkpoint of a run on text");
    }

    private static void assertDamaged(Path file, ExperimentConfig config, TextCorpus corpus, String why) {
        assertThatThrownBy(() -> TextCheckpoint.read(file, config, corpus, SEED))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo(file.toString());
                    assertThat(e.problem()).startsWith("the checkpoint is damaged: ").contains(why)
                            .endsWith("; delete it or run train with --restart");
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
