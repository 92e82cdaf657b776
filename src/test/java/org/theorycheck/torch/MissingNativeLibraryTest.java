package org.theorycheck.torch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theorycheck.ChildJvm;
import org.theorycheck.cli.Main;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class path without libtorch's native jar: {@code train} on a transformer experiment stops with one
 * message naming the missing artifact, exit code 4 (the environment), and writes nothing. The engine is a process-wide
 * singleton, so this runs in a JVM of its own, on the tests' class path minus that jar, with empty engine
 * caches so that nothing extracted by an earlier run can stand in for it.
 */
class MissingNativeLibraryTest {

    /** What the native jar's file name contains on the class path (Maven's repository layout). */
    private static final String NATIVE_JAR = "pytorch-native-cpu";
    @TempDir
    Path tmp;

    @Test
    void trainWithoutTheNativeJarNamesItExitsFourAndWritesNothing() throws Exception {
        List<String> classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty()).toList();
        assertThat(classPath).as("the tests' class path holds the native jar, so that leaving it out means something")
                .anyMatch(entry -> entry.contains(NATIVE_JAR));
        String withoutNative = classPath.stream().filter(entry -> !entry.contains(NATIVE_JAR))
                .collect(Collectors.joining(File.pathSeparator));
        Path out = tmp.resolve("out");
        Path cache = Files.createDirectory(tmp.resolve("cache"));

        ChildJvm.Result child = new ChildJvm(Files.createDirectory(tmp.resolve("work"))).classPath(withoutNative)
                .environment("ENGINE_CACHE_DIR", cache.resolve("engine").toString())
                .environment("DJL_CACHE_DIR", cache.resolve("djl").toString())
                .environment("XDG_CACHE_HOME", cache.resolve("xdg").toString())
                .run("train", Path.of("experiments", "scan-and-snap", "syn-small-transformer.yaml").toAbsolutePath().toString(), "--out", out.toString());
        String err = child.err();

        assertThat(child.code()).as(err).isEqualTo(Main.EXIT_ENVIRONMENT);
        assertThat(err).contains(Libtorch.NATIVE_ARTIFACT).contains("is not on the class path")
                .doesNotContain("\tat ");
        assertThat(err.strip().lines()).as("one message").hasSize(1);
        assertThat(out).doesNotExist();
        assertThat(filesUnder(cache)).as("nothing extracted into the engine caches").isEmpty();
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
