package org.theorycheck.theories.scansnap.torch;

import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.core.experiment.ExperimentFile;
import org.theorycheck.theories.scansnap.text.CorpusReader;
import org.theorycheck.theories.scansnap.text.TextCorpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A tiny text experiment for tests that train on text in seconds: a Brown-format corpus of ten files that
 * are one and the same text (11 vocabulary entries), one column (batch = eval_batch = 1), windows of
 * {@link #BPTT} tokens, the first training window mapped, and a 2-layer model of width 8.
 */
public final class TextFixture {

    static final int BPTT = 8;

    private TextFixture() {}

    /** The experiment, written under {@code tmp} with its corpus, with overrides {@code key=value} applied. */
    public static ExperimentConfig experiment(Path tmp, String... overrides) throws IOException {
        return ScanSnapExperiments.read(write(tmp)).withOverrides(List.of(overrides)).resolve();
    }

    /** Writes the experiment file and its corpus under {@code tmp}; returns the experiment file. */
    public static Path write(Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("brown"));
        String text = "\tThe/at dog/nn saw/vbd a/at cat/nn ./.\n\n\tA/at cat/nn saw/vbd the/at dog/nn and/cc ran/vbd ./.\n"
                + "\tIt/pps ran/vbd ./.\n\tThe/at cat/nn ran/vbd and/cc the/at dog/nn saw/vbd it/ppo ./.\n";
        for (int i = 1; i <= 10; i++) {
            Files.writeString(dir.resolve(String.format("ca%02d", i)), text);
        }
        Path file = tmp.resolve("text.yaml");
        Files.writeString(file, "theory: scan-and-snap\nname: text\nrung: transformer\ncorpus:\n  name: brown\n  dir: " + dir + "\n  batch: 1\n"
                + "  eval_batch: 1\n  bptt: " + BPTT + "\n  eval_windows: 1\n  map_window: 0\n"
                + "transformer:\n  emsize: 8\n  heads: 1\n  hidden: 8\n  layers: 2\n  positional: true\n  ff_rate: 2.0\n"
                + "  clip: 0.5\ntrain:\n  momentum: 0.0\n  eta_z: 1.0\n  steps: 6\n  record_every: 2\n");
        return file;
    }

    /** The experiment's corpus, read from where {@link #experiment} wrote it. */
    public static TextCorpus corpus(ExperimentConfig config, Path tmp) {
        return CorpusReader.load(config.corpus(), tmp, config.source());
    }
}
