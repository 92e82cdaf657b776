package org.theorycheck.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theorycheck.cli.Main;
import org.theorycheck.core.engine.EnvironmentException;

import java.io.IOException;
import java.net.InetAddress;
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
 * A standalone master that is not there, or a port that is no master: one line, exit 4, well before Spark's own minute
 * of registration attempts (it printed 166 to 255 lines of its log and gave up after 65 s), and none of Spark's log
 * on the terminal.
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
        Child child = sweep("spark://127.0.0.1:" + closedPort());
        assertThat(child.code()).as(child.err()).isEqualTo(Main.EXIT_ENVIRONMENT);
        assertThat(child.err().strip().lines()).as("Spark's log stays off the terminal").singleElement().asString()
                .startsWith("error: cannot reach the Spark master at spark://127.0.0.1:").contains("connection refused");
        assertThat(child.out()).isEmpty();
        assertThat(child.seconds()).as("seconds to the refusal").isLessThan(PROMPT_SECONDS);
        assertThat(tmp.resolve("out").resolve("runs.csv")).doesNotExist();
    }

    /** A port that accepts connections and never answers: Spark would wait a minute for the master to register it. */
    @Test
    void aPortThatIsNoMasterIsOneLineAndExitFourAfterTheRegistrationBound() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Child child = sweep("spark://127.0.0.1:" + silent.getLocalPort(), "-D" + SparkEngine.REGISTRATION_PROPERTY + "=3");
            assertThat(child.code()).as(child.err()).isEqualTo(Main.EXIT_ENVIRONMENT);
            assertThat(child.err().strip().lines()).singleElement().asString()
                    .startsWith("error: the Spark master at spark://127.0.0.1:" + silent.getLocalPort() + " accepts connections")
                    .contains("did not register this application within 3 s");
            assertThat(child.seconds()).isLessThan(PROMPT_SECONDS);
        }
    }

    record Child(int code, String out, String err, double seconds) {}

    /** A 10-step sweep on {@code master}, in a JVM of its own so that what reaches its terminal can be read. */
    private Child sweep(String master, String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(System.getProperty("spark.test.opens", "").split(" ")).stream().filter(a -> !a.isBlank()).toList());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "sweep",
                "experiments/scan-and-snap/syn-small.yaml", "train.steps=10", "--engine", "spark", "--master", master,
                "--out", tmp.resolve("out").toString()));
        Path stdout = tmp.resolve("stdout.txt");
        Path stderr = tmp.resolve("stderr.txt");
        long started = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!child.waitFor(2 * PROMPT_SECONDS, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("no answer in " + 2 * PROMPT_SECONDS + " s");
        }
        return new Child(child.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8), (System.nanoTime() - started) / 1e9);
    }
}
