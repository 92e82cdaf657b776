package org.theorycheck.spark;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Spark standalone cluster on 127.0.0.1: a master and two one-core workers, each its own JVM,
 * started from the classes of spark-core (the workers' Spark home is a directory whose {@code jars/}
 * links the jars of this test's class path, as Maven resolved them; nothing is downloaded). The workers
 * run in an empty directory, and their executors in directories of their own, so nothing they run can
 * read the project's {@code experiments/} or {@code theorems/}. On it: a verify table equal to the local
 * engine's; a sweep launched with Spark's own launcher ({@code SparkSubmit}, what the {@code spark-submit}
 * script runs); and, last, a sweep during which one worker is killed. Outputs must be byte-identical to
 * the local engine's (the verify table but for its seconds). Slow (several JVMs start): run with
 * {@code mvn -f spark/pom.xml -Pslow verify}.
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterTest {

    /** 2 cells × 6 seeds of 2000 steps: about half a second a run, so that the kill lands mid-sweep. */
    static final List<String> GRID = List.of("experiments/scan-and-snap/syn-small.yaml", "train.steps=2000", "train.eta_z=[0.5,1]", "seeds=1..6");
    static final int RUNS = 12;

    /** The test's class path as surefire gives it: jars, and this module's class directories. */
    static final List<String> CLASS_PATH = List.of(System.getProperty("surefire.test.class.path", "").split(java.io.File.pathSeparator));

    @TempDir
    static Path cluster;

    static Path home;
    static Path workersDir;
    static String url;
    static final List<Process> PROCESSES = new ArrayList<>();
    static final Process[] WORKERS = new Process[2];
    static final List<String> KEYS = List.of("spark.executor.extraClassPath", "spark.executor.memory");

    @TempDir
    Path tmp;

    @BeforeAll
    static void startCluster() throws Exception {
        home = sparkHome(cluster.resolve("spark-home"));
        workersDir = Files.createDirectories(cluster.resolve("empty"));
        int port = freePort();
        url = "spark://127.0.0.1:" + port;
        PROCESSES.add(start("master", "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", Integer.toString(freePort())));
        for (int w = 0; w < 2; w++) {
            WORKERS[w] = start("worker" + w, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--cores", "1", "--memory", "768m", "--webui-port", Integer.toString(freePort()),
                    "--work-dir", cluster.resolve("work" + w).toString(), url);
            PROCESSES.add(WORKERS[w]);
        }
        awaitLog(home.resolve("master.log"), "Registering worker", 2, 120);
        // The module's own classes, for the executors of the commands run in this JVM (the jars are in the Spark home).
        System.setProperty("spark.executor.extraClassPath",
                String.join(java.io.File.pathSeparator, CLASS_PATH.stream().filter(e -> !e.endsWith(".jar")).toList()));
        System.setProperty("spark.executor.memory", "512m");
    }

    @AfterAll
    static void stopCluster() {
        KEYS.forEach(System::clearProperty);
        for (Process p : PROCESSES) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    @Order(1)
    void verifyOnTheClusterEqualsTheLocalEngineButForTheSeconds() throws Exception {
        List<String> claims = List.of("theorems/scan-and-snap/lemma1-row-sums.yaml", "theorems/scan-and-snap/cor1-decoder-convergence.yaml",
                "theorems/scan-and-snap/thm4-snap-time.yaml");
        Path local = tmp.resolve("local.csv");
        Path remote = tmp.resolve("cluster.csv");
        List<String> args = new ArrayList<>(List.of("verify", "--format", "csv"));
        args.addAll(claims);
        List<String> localArgs = new ArrayList<>(args);
        localArgs.addAll(List.of("--out", local.toString(), "--threads", "2"));
        Cli.Outcome l = Cli.run(localArgs);
        assertThat(l.code()).as(l.err()).isZero();
        List<String> clusterArgs = new ArrayList<>(args);
        clusterArgs.addAll(List.of("--out", remote.toString(), "--engine", "spark", "--master", url));
        Cli.Outcome o = Cli.run(clusterArgs);
        assertThat(o.code()).as(o.err()).isZero();
        List<String> expected = EmbeddedSparkTest.withoutSeconds(Files.readAllLines(local));
        assertThat(expected.size()).isGreaterThan(8);
        assertThat(EmbeddedSparkTest.withoutSeconds(Files.readAllLines(remote))).isEqualTo(expected);
        assertThat(executorDirectories()).as("the checks ran on the cluster's executors").isNotEmpty();
        try (Stream<Path> s = Files.list(workersDir)) {
            assertThat(s.toList()).as("the workers' directory stays empty").isEmpty();
        }
    }

    /**
     * The launcher of a Spark distribution: {@code spark-submit --master URL --class org.theorycheck.cli.Main
     * theorycheck-spark.jar sweep …} runs {@code org.apache.spark.deploy.SparkSubmit} on Spark's jars. Here its
     * class path is Spark's jars as Maven resolved them (this module's runtime class path), and the
     * application jar is this module's classes; SparkSubmit ships it to the executors, and theorycheck
     * takes the master from SparkSubmit's {@code spark.master}.
     */
    @Test
    @Order(2)
    void sparkSubmitRunsASweepOnTheClusterWithTheLocalEnginesOutput() throws Exception {
        List<String> grid = EmbeddedSparkTest.GRID;
        Path local = tmp.resolve("local");
        assertThat(EmbeddedSparkTest.sweep(grid, local, "--threads", "2").code()).isZero();
        Path jar = applicationJar(tmp.resolve("theorycheck-spark.jar"));
        Path out = tmp.resolve("submitted");
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m"));
        command.addAll(opens());
        command.addAll(List.of("-cp", home.resolve("jars") + "/*", "org.apache.spark.deploy.SparkSubmit",
                "--master", url, "--conf", "spark.executor.memory=512m", "--conf", "spark.ui.enabled=false",
                "--class", "org.theorycheck.cli.Main", jar.toString(), "sweep"));
        command.addAll(grid);
        command.addAll(List.of("--engine", "spark", "--out", out.toString()));
        Path log = tmp.resolve("spark-submit.log");
        Process submit = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PROCESSES.add(submit);
        assertThat(submit.waitFor(300, TimeUnit.SECONDS)).as("spark-submit finished").isTrue();
        assertThat(submit.exitValue()).as(Files.readString(log)).isZero();
        assertThat(Files.readString(log)).contains("6 runs (0 resumed from the journal)", "on Spark " + url);
        EmbeddedSparkTest.assertSameSweepFiles(out, local);
    }

    @Test
    @Order(3)
    void sweepOnAClusterThatLosesAWorkerEqualsTheLocalEngine() throws Exception {
        Path local = tmp.resolve("local");
        assertThat(EmbeddedSparkTest.sweep(GRID, local, "--threads", "2").code()).isZero();

        Path remote = tmp.resolve("cluster");
        CompletableFuture<Cli.Outcome> sweep = CompletableFuture.supplyAsync(
                () -> EmbeddedSparkTest.sweep(GRID, remote, "--engine", "spark", "--master", url));

        Path journal = remote.resolve("runs.journal.csv");
        int before = awaitLines(journal, 1 + 2, 300) - 1;
        WORKERS[0].destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        Cli.Outcome o = sweep.get(600, TimeUnit.SECONDS);
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(before).as("the worker was lost while runs remained").isLessThan(RUNS);
        EmbeddedSparkTest.assertSameSweepFiles(remote, local);
        assertThat(Files.readAllLines(journal)).as("each run journaled once").hasSize(1 + RUNS);
        assertThat(Files.readString(home.resolve("master.log"))).as("the master saw the worker go").containsPattern("(?i)removing worker|lost");
    }

    /** The executors' directories the workers made (work dir / application / executor). */
    private static List<Path> executorDirectories() throws IOException {
        List<Path> out = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            Path work = cluster.resolve("work" + w);
            if (Files.isDirectory(work)) {
                try (Stream<Path> s = Files.walk(work, 2)) {
                    s.filter(p -> work.relativize(p).getNameCount() == 2).forEach(out::add);
                }
            }
        }
        return out;
    }

    /** What the module's jar holds: its classes and service registration (the manifest's class path is not needed here). */
    private static Path applicationJar(Path jar) throws IOException {
        Path classes = CLASS_PATH.stream().map(Path::of).filter(p -> p.endsWith(Path.of("target", "classes"))).findFirst().orElseThrow();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.theorycheck.cli.Main");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> s = Files.walk(classes)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(java.io.File.separatorChar, '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        return jar;
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

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> opens() {
        return List.of(System.getProperty("spark.test.opens", "").split(" ")).stream().filter(a -> !a.isBlank()).toList();
    }

    private static Process start(String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-Dspark.master.rest.enabled=false", "-cp", home.resolve("jars") + "/*"));
        command.addAll(opens());
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workersDir.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve(name + ".log").toFile());
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
