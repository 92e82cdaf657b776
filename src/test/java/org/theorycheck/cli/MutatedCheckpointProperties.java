package org.theorycheck.cli;

import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.core.experiment.ExperimentFile;
import org.theorycheck.theories.scansnap.text.TextCorpus;
import org.theorycheck.theories.scansnap.torch.TextCheckpoint;
import org.theorycheck.theories.scansnap.torch.TextFixture;
import org.theorycheck.theories.scansnap.torch.TextRun;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A checkpoint of a run on text that was damaged (truncated, bits flipped, bytes overwritten, inserted or removed,
 * junk appended) or that belongs to another run (a setting changed, or its fingerprint or format edited with the
 * checksum made to match) is refused by {@code train} with exit 2 and one line naming the checkpoint, writing
 * nothing; an intact one resumes to the very bytes of a run that was never stopped. Never a stack trace, never
 * other numbers. The run is the tiny text fixture (two layers of width 8, dropout and momentum on).
 */
class MutatedCheckpointProperties {

    private static final List<String> SETTINGS = List.of("transformer.dropout=0.3", "train.momentum=0.9", "train.steps=12",
            "train.record_every=2", "train.checkpoint_every=3");
    /** Not a record step and past a checkpoint: the killed run's checkpoint is at iteration 6. */
    private static final int KILLED_AT = 7;
    /** Changes of one setting each, with the key the refusal must name. */
    private static final List<String[]> OTHER_RUNS = List.of(new String[] {"seeds=2", "seeds was 1, is now 2"},
            new String[] {"train.eta_z=0.5", "train.eta_z was 1.0, is now 0.5"},
            new String[] {"train.steps=14", "train.steps was 12, is now 14"},
            new String[] {"transformer.dropout=0.1", "transformer.dropout was 0.3, is now 0.1"},
            new String[] {"corpus.min_count=2", "corpus.min_count was 1, is now 2"},
            new String[] {"transformer.dtype=float64", "transformer.dtype was float32, is now float64"});

    private static Path root;
    private static Path experiment;
    private static byte[] checkpoint;
    private static byte[] trace;
    private static byte[] maps;
    private static final AtomicInteger REFUSED = new AtomicInteger();
    private static final AtomicInteger RESUMED = new AtomicInteger();

    /** The uninterrupted run's outputs and the checkpoint of a run killed at iteration 7. */
    @BeforeContainer
    static void runOnceUninterruptedAndOnceKilled() throws IOException {
        root = Files.createTempDirectory("mutated-checkpoint");
        experiment = TextFixture.write(root);
        Path reference = root.resolve("reference");
        Cli.Outcome whole = train(reference);
        assertThat(whole.code()).as(whole.err()).isZero();
        trace = Files.readAllBytes(reference.resolve("trace.csv"));
        maps = Files.readAllBytes(reference.resolve("attention_maps.csv"));

        ExperimentConfig config = ScanSnapExperiments.read(experiment).withOverrides(SETTINGS).resolve();
        TextCorpus corpus = TextFixture.corpus(config, root);
        Path killed = TextCheckpoint.file(root.resolve("killed"));
        try {
            TextRun.run(config, corpus, 1, killed, null, step -> {
                if (step == KILLED_AT) {
                    throw new IllegalStateException("killed");
                }
            });
            throw new AssertionError("the run was not stopped");
        } catch (IllegalStateException e) {
            assertThat(e).hasMessage("killed");
        }
        checkpoint = Files.readAllBytes(killed);
        assertThat(TextCheckpoint.read(killed, config, corpus, 1).iteration()).isEqualTo(6);
    }

    @AfterContainer
    static void reportAndCleanUp() throws IOException {
        System.out.printf("MutatedCheckpointProperties: %d refused with one line, %d resumed to identical outputs%n",
                REFUSED.get(), RESUMED.get());
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Cli.Outcome train(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("train", experiment.toString()));
        args.addAll(SETTINGS);
        args.addAll(List.of(more));
        args.addAll(List.of("--out", out.toString()));
        return Cli.run(args.toArray(String[]::new));
    }

    /** Runs train into a directory holding {@code content} as its checkpoint; refused or resumed exactly. */
    private static Cli.Outcome trainFrom(byte[] content, String... more) throws IOException {
        Path out = Files.createDirectories(Files.createTempDirectory(root, "try"));
        Path file = TextCheckpoint.file(out);
        Files.write(file, content);
        Cli.Outcome o = train(out, more);
        assertThat(o.err()).doesNotContain("\tat ", "Exception");
        if (o.code() == Main.EXIT_BAD_INPUT) {
            assertThat(o.errorLines()).as(o.err()).singleElement().asString().startsWith("error: " + file + ": ")
                    .endsWith("run train with --restart to delete it and start from iteration 0, or give another --out to keep it");
            assertThat(out.resolve("trace.csv")).doesNotExist();
            assertThat(out.resolve("attention_maps.csv")).doesNotExist();
            REFUSED.incrementAndGet();
        } else {
            assertThat(o.code()).as(o.err()).isZero();
            assertThat(o.out()).contains("resuming from the checkpoint at step 6");
            assertThat(Files.readAllBytes(out.resolve("trace.csv"))).isEqualTo(trace);
            assertThat(Files.readAllBytes(out.resolve("attention_maps.csv"))).isEqualTo(maps);
            RESUMED.incrementAndGet();
        }
        return o;
    }

    @Property(tries = 40, seed = "20240601")
    void aDamagedCheckpointIsRefusedWithOneLine(@ForAll @IntRange(min = 0, max = 5) int kind, @ForAll long seed)
            throws IOException {
        byte[] damaged = damage(checkpoint, kind, new Random(seed));
        Cli.Outcome o = trainFrom(damaged);
        assertThat(o.code()).as("a damaged checkpoint never resumes").isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.errorLines().get(0)).contains("the checkpoint is damaged: ");
    }

    /** One damage of a kind chosen by {@code kind}, at places chosen by {@code random}; never the identity. */
    static byte[] damage(byte[] bytes, int kind, Random random) {
        int at = random.nextInt(bytes.length);
        switch (kind) {
            case 0 -> {
                return Arrays.copyOf(bytes, at);
            }
            case 1 -> {
                byte[] out = bytes.clone();
                out[at] ^= (byte) (1 << random.nextInt(8));
                return out;
            }
            case 2 -> {
                byte[] out = bytes.clone();
                int length = 1 + random.nextInt(Math.min(64, bytes.length - at));
                byte[] noise = new byte[length];
                do {
                    random.nextBytes(noise);
                } while (Arrays.equals(noise, 0, length, bytes, at, at + length));
                System.arraycopy(noise, 0, out, at, length);
                return out;
            }
            case 3 -> {
                byte[] noise = new byte[1 + random.nextInt(16)];
                random.nextBytes(noise);
                return concat(Arrays.copyOf(bytes, at), noise, Arrays.copyOfRange(bytes, at, bytes.length));
            }
            case 4 -> {
                int length = 1 + random.nextInt(Math.min(64, bytes.length - at));
                return concat(Arrays.copyOf(bytes, at), Arrays.copyOfRange(bytes, at + length, bytes.length));
            }
            default -> {
                byte[] noise = new byte[1 + random.nextInt(64)];
                random.nextBytes(noise);
                return concat(bytes, noise);
            }
        }
    }

    @Property(tries = 12, seed = "20240602")
    void theCheckpointOfAnotherRunIsRefusedNamingTheKey(@ForAll @IntRange(min = 0, max = 100) int which) throws IOException {
        String[] other = OTHER_RUNS.get(which % OTHER_RUNS.size());
        Cli.Outcome o = trainFrom(checkpoint, other[0]);
        assertThat(o.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.errorLines().get(0)).contains("this checkpoint belongs to another run: " + other[1] + "; ");
    }

    @Property(tries = 1)
    void anIntactCheckpointResumesToTheBytesOfAnUninterruptedRun() throws IOException {
        assertThat(trainFrom(checkpoint).code()).isZero();
    }

    /** Edits with the checksum made to match: the file is whole, but says it is of another run or another format. */
    @Property(tries = 1)
    void anEditedFingerprintOrFormatIsRefusedAsAnotherRun() throws IOException {
        String text = new String(checkpoint, StandardCharsets.ISO_8859_1);
        byte[] otherSeed = withChecksum(text.replace("\nseeds=1\n", "\nseeds=9\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(trainFrom(otherSeed).errorLines().get(0)).contains("another run: seeds was 9, is now 1; ");

        int version = "theorycheck text-run checkpoint".length();
        byte[] otherFormat = checkpoint.clone();
        ByteBuffer.wrap(otherFormat).putInt(version, 1);
        assertThat(trainFrom(withChecksum(otherFormat)).errorLines().get(0))
                .contains("this checkpoint was written in format 1 by another version of theorycheck, which reads format 2");
    }

    /** The bytes with their last eight (the CRC-32 of the rest) recomputed. */
    private static byte[] withChecksum(byte[] bytes) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - Long.BYTES);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, bytes.length - Long.BYTES);
        new DataOutputStream(out).writeLong(crc.getValue());
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
