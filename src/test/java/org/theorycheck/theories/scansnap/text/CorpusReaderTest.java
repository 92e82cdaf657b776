package org.theorycheck.theories.scansnap.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.theories.scansnap.experiment.CorpusSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reading conventions of the issue on small corpora the test writes. */
class CorpusReaderTest {

    @TempDir
    Path tmp;

    /**
     * Twelve Brown-style files, given out of order, among names that are not token files: sorted, they
     * are ca01 … ca09, cb01, cb02, cr99, so ca09 (index 8) is valid, cb01 (index 9) test, the rest train.
     * File {@code name} holds the sentence "Name/np saw/vbd x/nn ./." with x its index's parity word.
     */
    private Path brownFixture() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("brown"));
        List<String> names = List.of("cr99", "cb02", "ca05", "ca01", "ca02", "ca03", "ca04", "cb01", "ca06", "ca07", "ca08", "ca09");
        for (String n : names) {
            Files.writeString(dir.resolve(n), "\n\n\t" + n.toUpperCase() + "/np saw/vbd It/pps ./.\n\n\tthe/at end/nn\n");
        }
        for (String other : List.of("README", "cats.txt", "cs01", "ca1", "ca001", "CA03")) {
            Files.writeString(dir.resolve(other), "not a token file");
        }
        return dir;
    }

    private static CorpusSpec brown(Path dir, int minCount, int batch, int evalBatch, int bptt) {
        return new CorpusSpec(CorpusSpec.Name.BROWN, dir.toString(), minCount, batch, evalBatch, bptt, 1, 0);
    }

    private static String text(TextCorpus corpus, TextSplit split) {
        return Arrays.stream(corpus.split(split).ids()).mapToObj(corpus.vocabulary()::token).collect(Collectors.joining(" "));
    }

    @Test
    void brownFilesAreSortedSplitByIndexModTenAndConcatenated() throws IOException {
        TextCorpus c = CorpusReader.load(brown(brownFixture(), 1, 1, 1, 1), tmp, "x.yaml");
        assertThat(c.split(TextSplit.TRAIN).files()).isEqualTo(10);
        assertThat(c.split(TextSplit.VALID).files()).isEqualTo(1);
        assertThat(c.split(TextSplit.TEST).files()).isEqualTo(1);
        assertThat(text(c, TextSplit.VALID)).as("ca09, a name seen only in valid, is <unk>")
                .isEqualTo("<unk> saw it . <eos> the end <eos>");
        assertThat(text(c, TextSplit.TEST)).isEqualTo("<unk> saw it . <eos> the end <eos>");
        assertThat(text(c, TextSplit.TRAIN)).startsWith("ca01 saw it . <eos> the end <eos> ca02 saw")
                .endsWith("ca08 saw it . <eos> the end <eos> cb02 saw it . <eos> the end <eos> cr99 saw it . <eos> the end <eos>");
        assertThat(c.split(TextSplit.TRAIN).lines()).isEqualTo(20);
        assertThat(c.split(TextSplit.TRAIN).ids()).hasSize(80);
    }

    @Test
    void vocabularyComesFromTrainAndOthersMapToUnk() throws IOException {
        TextCorpus c = CorpusReader.load(brown(brownFixture(), 1, 1, 1, 1), tmp, "x.yaml");
        Vocabulary v = c.vocabulary();
        // <eos> occurs 20 times in train (twice per file), five words 10 times, the names once each, <unk> never
        assertThat(v.tokens().subList(0, 6)).containsExactly("<eos>", ".", "end", "it", "saw", "the");
        assertThat(v.tokens().subList(6, 16)).containsExactly("ca01", "ca02", "ca03", "ca04", "ca05", "ca06", "ca07", "ca08",
                "cb02", "cr99");
        assertThat(v.token(v.size() - 1)).isEqualTo("<unk>");
        assertThat(v.size()).isEqualTo(17);
        assertThat(c.split(TextSplit.VALID).unknown()).as("ca09 is not a train token").isEqualTo(1);
        assertThat(c.split(TextSplit.TRAIN).unknown()).isZero();

        TextCorpus frequent = CorpusReader.load(brown(brownFixture(), 2, 1, 1, 1), tmp, "x.yaml");
        assertThat(frequent.vocabulary().tokens()).as("<unk> stands for the 10 names, and ties sort by the token")
                .containsExactly("<eos>", ".", "<unk>", "end", "it", "saw", "the");
        assertThat(frequent.split(TextSplit.TRAIN).unknown()).isEqualTo(10);
    }

    @Test
    void wikiTextLinesAsPytorchsExampleReadsThem() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("wikitext-2"));
        Files.writeString(dir.resolve("wiki.train.tokens"), " \n = Valkyria = \n \n The game 's <unk> , the game .\n");
        Files.writeString(dir.resolve("wiki.valid.tokens"), " \n The Valkyria sequel .\n");
        Files.writeString(dir.resolve("wiki.test.tokens"), " = Robert = \n", StandardCharsets.UTF_8);
        TextCorpus c = CorpusReader.load(new CorpusSpec(CorpusSpec.Name.WIKITEXT2, dir.toString(), 1, 2, 1, 3, 1, 0), tmp, "x.yaml");
        assertThat(text(c, TextSplit.TRAIN)).isEqualTo("<eos> = Valkyria = <eos> <eos> The game 's <unk> , the game . <eos>");
        assertThat(c.split(TextSplit.TRAIN).ids()).hasSize(15);
        assertThat(c.vocabulary().tokens()).as("no lowercasing: The and the are two tokens")
                .containsExactly("<eos>", "=", "game", "'s", ",", ".", "<unk>", "The", "Valkyria", "the");
        assertThat(text(c, TextSplit.VALID)).isEqualTo("<eos> The Valkyria <unk> . <eos>");
        assertThat(c.split(TextSplit.VALID).unknown()).isEqualTo(1);
        assertThat(c.split(TextSplit.TEST).ids()).hasSize(4);
    }

    @Test
    void missingDirectoryOrFiles() throws IOException {
        Path nowhere = tmp.resolve("nowhere");
        assertThatThrownBy(() -> CorpusReader.load(brown(nowhere, 1, 1, 1, 1), tmp, "x.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo(nowhere.toString());
                    assertThat(e.key()).isEqualTo("corpus.dir");
                    assertThat(e.problem()).isEqualTo("no such directory");
                });
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve("README"), "nothing here");
        assertThatThrownBy(() -> CorpusReader.load(brown(empty, 1, 1, 1, 1), tmp, "x.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problem()).contains("no token files"));
        Files.writeString(empty.resolve("wiki.train.tokens"), "a b\n");
        assertThatThrownBy(() -> CorpusReader.load(new CorpusSpec(CorpusSpec.Name.WIKITEXT103, empty.toString(), 1, 1, 1, 1, 1, 0),
                tmp, "x.yaml")).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problem()).contains("no token files wiki.valid.tokens, wiki.test.tokens"));
    }

    @Test
    void aSplitWithoutFilesIsNamed() throws IOException {
        Path few = Files.createDirectories(tmp.resolve("few"));
        for (String n : List.of("ca01", "ca02", "ca03")) {
            Files.writeString(few.resolve(n), "a/at b/nn\n");
        }
        assertThatThrownBy(() -> CorpusReader.load(brown(few, 1, 1, 1, 1), tmp, "x.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problem()).isEqualTo("the valid split has no tokens (0 files)"));
    }

    @Test
    void malformedItemNamesFileAndLine() throws IOException {
        Path dir = brownFixture();
        Files.writeString(dir.resolve("ca04"), "a/at b/nn\n\n\tc/at word-without-tag\n");
        assertThatThrownBy(() -> CorpusReader.load(brown(dir, 1, 1, 1, 1), tmp, "x.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo(dir.resolve("ca04").toString());
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.problem()).contains("'word-without-tag'");
                });
    }

    @Test
    void nonUtf8TextIsNamed() throws IOException {
        Path dir = brownFixture();
        Files.write(dir.resolve("ca04"), new byte[] {'a', '/', 'a', 't', ' ', (byte) 0xff, '/', 'n', 'n', '\n'});
        assertThatThrownBy(() -> CorpusReader.load(brown(dir, 1, 1, 1, 1), tmp, "x.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problem()).isEqualTo("not UTF-8 text"));
    }

    @Test
    void batchesLargerThanTheDataAllows() throws IOException {
        Path dir = brownFixture();
        // train has 80 tokens, valid and test 8 each
        assertThat(CorpusReader.load(brown(dir, 1, 2, 1, 7), tmp, "x.yaml").split(TextSplit.VALID).ids()).hasSize(8);
        assertThatThrownBy(() -> CorpusReader.load(brown(dir, 1, 81, 1, 1), tmp, "x.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo("x.yaml");
                    assertThat(e.key()).isEqualTo("corpus.batch");
                    assertThat(e.problem()).isEqualTo("batch 81 is more than the 80 tokens of the train split");
                });
        assertThatThrownBy(() -> CorpusReader.load(brown(dir, 1, 20, 1, 4), tmp, "x.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("corpus.bptt");
                    assertThat(e.problem()).contains("bptt 4 needs 5 rows", "train split's 80 tokens in 20 columns", "give 4");
                });
        assertThatThrownBy(() -> CorpusReader.load(brown(dir, 1, 1, 9, 1), tmp, "x.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("corpus.eval_batch"));
        assertThatThrownBy(() -> CorpusReader.load(brown(dir, 1, 1, 1, 8), tmp, "x.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problem()).contains("valid split"));
        // valid: 8 tokens in 1 column, bptt 7 = one full window; train: 80 tokens in 2 columns, bptt 7 = 5 full windows
        CorpusSpec fits = brown(dir, 1, 2, 1, 7);
        assertThatThrownBy(() -> CorpusReader.load(new CorpusSpec(fits.name(), fits.dir(), 1, 2, 1, 7, 2, 0), tmp, "x.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problem())
                        .isEqualTo("eval_windows 2 is more than the 1 full windows of the valid split"));
        assertThatThrownBy(() -> CorpusReader.load(new CorpusSpec(fits.name(), fits.dir(), 1, 2, 1, 7, 1, 5), tmp, "x.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problem())
                        .isEqualTo("map_window 5 is not one of the train split's full windows 0..4"));
    }

    @Test
    void aVocabularyWithNothingButUnk() throws IOException {
        assertThatThrownBy(() -> CorpusReader.load(brown(brownFixture(), 21, 1, 1, 1), tmp, "x.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("corpus.min_count");
                    assertThat(e.problem()).contains("keeps no train token");
                });
    }

    @Test
    void idStreamsThatDoNotFitTheHeap() throws IOException {
        CorpusFiles files = CorpusFiles.brownDirectory(brownFixture());
        assertThat(CorpusReader.read(files, 1, 4 * 96).split(TextSplit.TRAIN).ids()).hasSize(80);
        assertThatThrownBy(() -> CorpusReader.read(files, 1, 4 * 96 - 1))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problem()).contains("96 tokens", "-Xmx"));
    }
}
