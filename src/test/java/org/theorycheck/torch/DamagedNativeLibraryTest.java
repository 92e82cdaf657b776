package org.theorycheck.torch;

import ai.djl.util.Platform;
import ai.djl.util.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theorycheck.ChildJvm;
import org.theorycheck.cli.Main;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A libtorch extracted into the engine cache that is truncated, altered or incomplete is refused before it is
 * loaded, with one line naming the directory to delete and exit code 4; loaded, a truncated one ended the JVM with
 * SIGBUS (exit 134). The caches here are built in a temporary directory from the jar's own files.
 */
class DamagedNativeLibraryTest {

    private static final Platform PLATFORM = Platform.detectPlatform("pytorch");
    /** Truncated to this, libtorch_cpu.so (446 MB) made the loader fault past the end of the file. */
    private static final long TRUNCATED = 100_000_000;

    @TempDir
    Path tmp;

    /** The engine cache's directory of this libtorch under {@code cache}: what DJL extracts into. */
    private static Path extracted(Path cache) {
        return cache.resolve("pytorch").resolve(PLATFORM.getVersion() + '-' + PLATFORM.getFlavor() + '-' + PLATFORM.getClassifier());
    }

    /** A cache holding every library as the jar has it but {@code library}, of which only the first {@code bytes}. */
    private static Path cacheWithTruncated(Path cache, String library, long bytes) throws IOException {
        Path dir = Files.createDirectories(extracted(cache));
        for (String name : PLATFORM.getLibraries()) {
            try (InputStream in = jarCopy(name); OutputStream out = Files.newOutputStream(dir.resolve(name))) {
                if (name.equals(library)) {
                    out.write(in.readNBytes((int) bytes));
                } else {
                    in.transferTo(out);
                }
            }
        }
        return dir;
    }

    private static InputStream jarCopy(String library) throws IOException {
        String resource = "pytorch/" + PLATFORM.getFlavor() + '/' + PLATFORM.getClassifier() + '/' + library;
        InputStream in = DamagedNativeLibraryTest.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException(resource + " is not on the tests' class path");
        }
        return in;
    }

    private static String damage(Path cache) {
        return NativeLibraries.damage(cache.resolve("pytorch"), DamagedNativeLibraryTest.class.getClassLoader());
    }

    @Test
    void aTruncatedMissingOrAlteredLibraryIsNamedWithItsDirectory() throws IOException {
        Path cache = tmp.resolve("cache");
        assertThat(damage(cache)).as("nothing extracted yet: DJL extracts it whole").isNull();

        Path dir = cacheWithTruncated(cache, "libtorch_cpu.so", 4096);
        assertThat(damage(cache)).startsWith("the libtorch extracted in " + dir + " is damaged (")
                .contains("libtorch_cpu.so has 4,096 bytes where the jar's copy has 446,372,105")
                .endsWith("delete that directory and run again: it is extracted anew from the jar");

        Files.delete(dir.resolve("libc10.so"));
        assertThat(damage(cache)).contains("libc10.so is missing", "libtorch_cpu.so has 4,096 bytes");

        Path other = tmp.resolve("altered");
        Path altered = cacheWithTruncated(other, "libtorch_cpu.so", 4096).resolve("libtorch.so");
        byte[] bytes = Files.readAllBytes(altered);
        bytes[bytes.length / 2] ^= 1;
        Files.write(altered, bytes);
        assertThat(damage(other)).contains("libtorch.so differs from the jar's copy (CRC-32 ");
    }

    /** The intact extraction the engine starts from passes the same check (a positive control). */
    @Test
    void theCacheTheEngineStartsFromIsIntact() {
        assertThat(Libtorch.get()).isNotNull();
        assertThat(NativeLibraries.damage(Utils.getEngineCacheDir("pytorch"), getClass().getClassLoader())).isNull();
    }

    /** train on a transformer experiment with the truncated libtorch that ended the JVM with SIGBUS. */
    @Test
    void trainRefusesTheDamagedLibraryWithExitFourInsteadOfASignal() throws Exception {
        Path cache = tmp.resolve("cache");
        Path dir = cacheWithTruncated(cache, "libtorch_cpu.so", TRUNCATED);
        Path work = Files.createDirectory(tmp.resolve("work"));
        Path out = tmp.resolve("out");
        ChildJvm.Result child = new ChildJvm(work).environment("ENGINE_CACHE_DIR", cache.toString())
                .run("train", Path.of("experiments", "scan-and-snap", "syn-small-transformer.yaml").toAbsolutePath().toString(), "--out", out.toString());
        assertThat(child.code()).as(child.err() + child.out()).isEqualTo(Main.EXIT_ENVIRONMENT);
        assertThat(child.errorLines()).as("one line").singleElement().asString()
                .startsWith("error: the libtorch extracted in " + dir + " is damaged").contains("delete that directory");
        assertThat(out).doesNotExist();
        try (Stream<Path> files = Files.list(work)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).as("no JVM crash report")
                    .containsExactlyInAnyOrder("stdout.txt", "stderr.txt");
        }
    }
}
