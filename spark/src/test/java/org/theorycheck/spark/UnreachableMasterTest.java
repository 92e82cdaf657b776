package org.theorycheck.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theorycheck.cli.Main;
import org.theorycheck.train.EnvironmentException;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A standalone master that is not there: one line, exit 4, well before Spark's own minute of registration attempts
 * (it printed about 250 lines of its log and gave up after 65 s), and none of Spark's log on the terminal.
 */
class UnreachableMasterTest {

    /** Spark would retry for 60 s; a refusal must come well before, and the user should not wait longer than this. */
    private static final long PROMPT_SECONDS = 30;

    @TempDir
    Path tmp;

    /** A port of 127.0.0.1 that nothing listens on: one the system just handed out and took back. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aClosedPortIsNamedAtOnce() throws IOException {
        String master = "spark://127.0.0.1:" + closedPort();
        assertThatThrownBy(() -> SparkEngine.requireReachable(master, SparkEngine.MASTER_TIMEOUT_MILLIS))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageStartingWith("cannot reach the Spark master at " + master + " (127.0.0.1:")
                .hasMessageContaining("connection refused")
                .hasMessageEndingWith("start the master, or give a running one with --master (or spark.master)");
        assertThatThrownBy(() -> SparkEngine.requireReachable("spark://", 100)).hasMessageContaining("spark://host:port");
    }

    @Test
    void aListeningMasterAndTheOtherKindsOfMasterPass() throws IOException {
        try (ServerSocket listening = new ServerSocket(0)) {
            int open = listening.getLocalPort();
            assertThatCode(() -> SparkEngine.requireReachable("spark://127.0.0.1:" + open, 1000)).doesNotThrowAnyException();
            assertThatCode(() -> SparkEngine.requireReachable("spark://127.0.0.1:" + closedPort() + ",127.0.0.1:" + open, 1000))
                    .as("one master of several is enough").doesNotThrowAnyException();
        }
        for (String other : List.of("local[2]", "yarn", "k8s://https://127.0.0.1:1")) {
            assertThatCode(() -> SparkEngine.requireReachable(other, 100)).doesNotThrowAnyException();
        }
    }

    @Test
    void aSweepOnAnAbsentMasterIsOneLineAndExitFourOnTheTerminal() throws Exception {
        Path out = tmp.resolve("out");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(System.getProperty("spark.test.opens", "").split(" ")).stream().filter(a -> !a.isBlank()).toList());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "sweep",
                "experiments/syn-small.yaml", "train.steps=10", "--engine", "spark", "--master", "spark://127.0.0.1:" + closedPort(),
                "--out", out.toString()));
        Path stdout = tmp.resolve("stdout.txt");
        Path stderr = tmp.resolve("stderr.txt");
        long started = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!child.waitFor(2 * PROMPT_SECONDS, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("no answer in " + 2 * PROMPT_SECONDS + " s");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(err).isEqualTo(Main.EXIT_ENVIRONMENT);
        assertThat(err.strip().lines()).as("Spark's log stays off the terminal").singleElement().asString()
                .startsWith("error: cannot reach the Spark master at spark://127.0.0.1:").contains("connection refused");
        assertThat(Files.readString(stdout, StandardCharsets.UTF_8)).isEmpty();
        assertThat(seconds).as("seconds to the refusal").isLessThan(PROMPT_SECONDS);
        assertThat(out.resolve("runs.csv")).doesNotExist();
    }
}
