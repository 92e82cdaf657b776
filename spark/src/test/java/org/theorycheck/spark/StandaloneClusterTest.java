package org.theorycheck.spark;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Spark standalone cluster on 127.0.0.1: a master and two one-core workers, each its own JVM,
 * started from the classes of spark-core (the workers' Spark home is a directory whose {@code jars/}
 * links the jars of this test's class path, as Maven resolved them; nothing is downloaded). A sweep is submitted to it, one worker is
 * killed while tasks run, and the outputs must still be byte-identical to the local engine's, each run
 * journaled once. Slow (five JVMs start): run with {@code mvn -f spark/pom.xml -Pslow test}.
 */
@Tag("slow")
class StandaloneClusterTest {

    /** 2 cells × 6 seeds of 2000 steps: about half a second a run, so that the kill lands mid-sweep. */
    static final List<String> GRID = List.of("experiments/syn-small.yaml", "train.steps=2000", "train.eta_z=[0.5,1]", "seeds=1..6");
    static final int RUNS = 12;

    /** The test's class path as surefire gives it: jars, and this module's class directories. */
    static final List<String> CLASS_PATH = List.of(System.getProperty("surefire.test.class.path", "").split(java.io.File.pathSeparator));

    @TempDir
    Path tmp;

    @Test
    void sweepOnAClusterThatLosesAWorkerEqualsTheLocalEngine() throws Exception {
        Path local = tmp.resolve("local");
        assertThat(EmbeddedSparkTest.sweep(GRID, local, "--threads", "2").code()).isZero();

        Path home = sparkHome(tmp.resolve("spark-home"));
        int port = freePort();
        String url = "spark://127.0.0.1:" + port;
        List<Process> processes = new ArrayList<>();
        List<String> keys = List.of("spark.executor.extraClassPath", "spark.executor.memory");
        try {
            Process master = start(home, "master", "org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", Integer.toString(freePort()));
            processes.add(master);
            Process[] workers = new Process[2];
            for (int w = 0; w < 2; w++) {
                workers[w] = start(home, "worker" + w, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                        "--cores", "1", "--memory", "768m", "--webui-port", Integer.toString(freePort()),
                        "--work-dir", tmp.resolve("work" + w).toString(), url);
                processes.add(workers[w]);
            }
            awaitLog(home.resolve("master.log"), "Registering worker", 2, 120);

            System.setProperty("spark.executor.extraClassPath",
                    String.join(java.io.File.pathSeparator, CLASS_PATH.stream().filter(e -> !e.endsWith(".jar")).toList()));
            System.setProperty("spark.executor.memory", "512m");
            Path cluster = tmp.resolve("cluster");
            CompletableFuture<Cli.Outcome> sweep = CompletableFuture.supplyAsync(
                    () -> EmbeddedSparkTest.sweep(GRID, cluster, "--engine", "spark", "--master", url));

            Path journal = cluster.resolve("runs.journal.csv");
            int before = awaitLines(journal, 1 + 2, 300) - 1;
            workers[0].destroyForcibly().waitFor(30, TimeUnit.SECONDS);

            Cli.Outcome o = sweep.get(600, TimeUnit.SECONDS);
            assertThat(o.code()).as(o.err()).isZero();
            assertThat(before).as("the worker was lost while runs remained").isLessThan(RUNS);
            EmbeddedSparkTest.assertSameSweepFiles(cluster, local);
            assertThat(Files.readAllLines(journal)).as("each run journaled once").hasSize(1 + RUNS);
            assertThat(Files.readString(home.resolve("master.log"))).as("the master saw the worker go").containsPattern("(?i)removing worker|lost");
        } finally {
            keys.forEach(System::clearProperty);
            for (Process p : processes) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    /** A Spark home for the workers: {@code jars/} links every runtime jar; the RELEASE file marks it as a distribution. */
    private static Path sparkHome(Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String entry : CLASS_PATH) {
            if (entry.endsWith(".jar")) {
                Path jar = Path.of(entry);
                Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar);
            }
        }
        Files.writeString(home.resolve("RELEASE"), "Spark jars linked for a test cluster\n", StandardCharsets.UTF_8);
        return home;
    }

    private static Process start(Path home, String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dspark.master.rest.enabled=false", "-cp", home.resolve("jars") + "/*"));
        command.addAll(List.of(System.getProperty("spark.test.opens", "").split(" ")).stream().filter(a -> !a.isBlank()).toList());
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(home.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitLog(Path log, String text, int times, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (Files.exists(log) && Files.readString(log).split(text, -1).length - 1 >= times) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("'" + text + "' not seen " + times + " times in " + log + ":\n" + (Files.exists(log) ? Files.readString(log) : ""));
    }

    private static int awaitLines(Path file, int lines, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (Files.exists(file)) {
                int n = Files.readAllLines(file).size();
                if (n >= lines) {
                    return n;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError(file + " did not reach " + lines + " lines");
    }
}
