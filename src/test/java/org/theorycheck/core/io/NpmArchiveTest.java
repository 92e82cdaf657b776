package org.theorycheck.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theorycheck.core.experiment.ConfigException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NpmArchiveTest {

    /** The bytes test-archive.properties pins. */
    private static final byte[] PINNED = "a pinned archive\n".getBytes(StandardCharsets.US_ASCII);

    private static final NpmArchive ARCHIVE = NpmArchive.pinnedBy(NpmArchiveTest.class, "test-archive.properties");

    @Test
    void theArchiveIsNamedByItsPinInTheCache() {
        assertThat(ARCHIVE.in(Path.of("c"))).isEqualTo(Path.of("c", "test-archive-1.0.0.tgz"));
        assertThat(ARCHIVE.cached()).isEqualTo(CacheDirectory.root().resolve("test-archive-1.0.0.tgz"));
        assertThat(ARCHIVE.integrity()).isEqualTo(NpmArchive.integrityOf(PINNED));
    }

    @Test
    void thePinnedBytesAreReadAndAnyOthersRefused(@TempDir Path dir) throws IOException {
        Path file = Files.write(ARCHIVE.in(dir), PINNED);
        assertThat(ARCHIVE.verifiedBytes(file, "data.kind", "the data are not in the cache", "")).isEqualTo(PINNED);

        byte[] changed = PINNED.clone();
        changed[0] ^= 1;
        Files.write(file, changed);
        assertThatThrownBy(() -> ARCHIVE.verifiedBytes(file, "data.kind", "the data are not in the cache", ""))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo(file.toString());
                    assertThat(e.key()).isEqualTo("data.kind");
                    assertThat(e.problem()).isEqualTo("integrity " + NpmArchive.integrityOf(changed) + " is not the pinned "
                            + ARCHIVE.integrity() + "; `mvn -q -DskipTests package` fetches the archive again");
                });
    }

    @Test
    void aMissingArchiveNamesTheBuildThatFetchesIt(@TempDir Path dir) {
        Path missing = ARCHIVE.in(dir);
        assertThatThrownBy(() -> ARCHIVE.verifiedBytes(missing, "", "the data are not in the cache", ", or give data.dir"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo(missing.toString());
                    assertThat(e.problem()).isEqualTo("the data are not in the cache; `mvn -q -DskipTests package` obtains it "
                            + "(once, with npm; THEORYCHECK_CACHE chooses another cache), or give data.dir");
                });
    }

    @Test
    void aPinThatIsNotThereIsABrokenBuild() {
        assertThatThrownBy(() -> NpmArchive.pinnedBy(NpmArchiveTest.class, "no-such.properties"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such.properties");
    }

    @Test
    void regularFilesAreStreamedInOrderWhateverTheReaderTakes() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("package/", null);
        entries.put("package/a.json", bytes(700, 1));
        entries.put("package/b.txt", bytes(512, 2));
        entries.put("package/" + "d".repeat(60) + "/" + "e".repeat(60) + ".json", bytes(3, 3));
        entries.put("package/c.bin", bytes(1500, 4));
        List<String> seen = new ArrayList<>();
        Map<String, byte[]> read = new LinkedHashMap<>();
        NpmArchive.entries("x.tgz", "", Tarballs.tgz(entries), (path, size, data) -> {
            seen.add(path + ":" + size);
            if (path.endsWith(".json")) {
                read.put(path, data.readAllBytes());
            } else if (path.endsWith(".bin")) {
                read.put(path, data.readNBytes(10));
            }
        });
        String longName = "package/" + "d".repeat(60) + "/" + "e".repeat(60) + ".json";
        assertThat(seen).containsExactly("package/a.json:700", "package/b.txt:512", longName + ":3", "package/c.bin:1500");
        assertThat(read.get("package/a.json")).isEqualTo(bytes(700, 1));
        assertThat(read.get(longName)).isEqualTo(bytes(3, 3));
        assertThat(read.get("package/c.bin")).isEqualTo(Arrays.copyOf(bytes(1500, 4), 10));
    }

    @Test
    void anArchiveCutShortOrNotGzipIsNamed() {
        byte[] whole = Tarballs.tgz(Map.of("package/a.json", bytes(5000, 5)));
        byte[] tar;
        try (var in = new GZIPInputStream(new ByteArrayInputStream(whole))) {
            tar = in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        byte[] cut = gzip(Arrays.copyOf(tar, 512 + 1000));
        assertThatThrownBy(() -> NpmArchive.entries("x.tgz", "data.kind", cut, (path, size, data) -> data.readAllBytes()))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo("x.tgz");
                    assertThat(e.problem()).isEqualTo("the archive ends inside an entry");
                });
        assertThatThrownBy(() -> NpmArchive.entries("x.tgz", "", cut, (path, size, data) -> { }))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ends inside an entry");
        assertThatThrownBy(() -> NpmArchive.entries("x.tgz", "", "not gzip".getBytes(StandardCharsets.US_ASCII), (p, s, d) -> { }))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not a gzip'd tar archive");
    }

    private static byte[] bytes(int n, int salt) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + salt);
        }
        return b;
    }

    private static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }
}
