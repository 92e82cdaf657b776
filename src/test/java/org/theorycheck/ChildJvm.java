package org.theorycheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The command line in a JVM of its own, for what a test JVM cannot show: a heap of a given size, a class path
 * without a jar, a crash of the process, what reaches the terminal. Build it, then {@link #run}.
 */
public final class ChildJvm {

    /** Ample for a JVM that starts, reads an experiment and fails or runs a few steps. */
    private static final long SECONDS = 120;

    /** What the child did: its exit code and its two streams. */
    public record Result(int code, String out, String err) {
        /** The non-blank lines of standard error. */
        public List<String> errorLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private final Path workDir;
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    private String classPath = System.getProperty("java.class.path");

    /** @param workDir its working directory; its two streams are written there, as stdout.txt and stderr.txt */
    public ChildJvm(Path workDir) {
        this.workDir = workDir;
    }

    public ChildJvm option(String option) {
        jvmOptions.add(option);
        return this;
    }

    public ChildJvm environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public ChildJvm classPath(String path) {
        classPath = path;
        return this;
    }

    /** Runs {@code theorycheck args} and waits for it; a child that does not finish in two minutes fails the test. */
    public Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, "org.theorycheck.cli.Main"));
        command.addAll(List.of(args));
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process child = builder.start();
        if (!child.waitFor(SECONDS, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM did not finish in " + SECONDS + " s");
        }
        return new Result(child.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
