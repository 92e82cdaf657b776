package org.theorycheck.cli;

import org.junit.jupiter.api.Test;
import org.theorycheck.config.ConfigException;
import org.theorycheck.train.DivergenceException;
import org.theorycheck.train.EnvironmentException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The top-level handler: whatever a command throws becomes one line on standard error and the exit code of its
 * kind, and a stack trace only with {@code --debug}. Each case is a command that throws that failure.
 */
class FailureHandlingTest {

    /** A command that throws what its argument names. */
    @Command(name = "fail")
    static final class Failing implements Callable<Integer> {
        @Parameters(index = "0")
        String kind;

        @Override
        public Integer call() throws Exception {
            Supplier<RuntimeException> bad = () -> new ConfigException("exp.yaml", 3, "train.steps", "must be an integer");
            switch (kind) {
                case "config" -> throw bad.get();
                case "wrapped-config" -> throw new IllegalStateException("a worker failed", bad.get());
                case "checked-wrapped-config" -> throw new ExecutionException(bad.get());
                case "divergence" -> throw new DivergenceException(DivergenceException.At.step(7), "Z", "(0, 1)", "is not finite (NaN)", "lower the rate");
                case "environment" -> throw new EnvironmentException("cannot reach the Spark master at spark://h:1; start it");
                case "memory" -> throw new OutOfMemoryError("Java heap space");
                case "io" -> throw new UncheckedIOException("cannot write out/trace.csv",
                        new AccessDeniedException("out/trace.csv"));
                case "io-checked" -> throw new AccessDeniedException("out/trace.csv");
                case "bug" -> throw new IllegalStateException("a tensor failed the finiteness check\nbut has no entry");
                case "stack" -> throw new StackOverflowError();
                default -> {
                    return 0;
                }
            }
        }
    }

    record Outcome(int code, String err) {
        java.util.List<String> lines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private static Outcome run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.addSubcommand("fail", new Failing());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int code = Main.execute(cl, args);
        return new Outcome(code, err.toString());
    }

    /** One line starting "error: " that contains each of {@code parts}, no stack trace, and the code. */
    private static void assertOneLine(Outcome o, int code, String... parts) {
        assertThat(o.code()).as(o.err()).isEqualTo(code);
        assertThat(o.lines()).as(o.err()).hasSize(1);
        assertThat(o.lines().get(0)).startsWith("error: ").contains(parts);
        assertThat(o.err()).doesNotContain("\tat ").doesNotContain("Exception in thread");
    }

    @Test
    void badInputIsExitTwo() {
        assertOneLine(run("fail", "config"), Main.EXIT_BAD_INPUT, "exp.yaml:3: train.steps: must be an integer");
    }

    @Test
    void aWrappedBadInputIsStillBadInput() {
        assertOneLine(run("fail", "wrapped-config"), Main.EXIT_BAD_INPUT, "exp.yaml:3: train.steps");
        assertOneLine(run("fail", "checked-wrapped-config"), Main.EXIT_BAD_INPUT, "exp.yaml:3: train.steps");
    }

    @Test
    void divergenceIsExitThree() {
        assertOneLine(run("fail", "divergence"), Main.EXIT_DIVERGED, "diverged at step 7", "Z");
    }

    @Test
    void theEnvironmentIsExitFour() {
        assertOneLine(run("fail", "environment"), Main.EXIT_ENVIRONMENT, "Spark master");
    }

    @Test
    void runningOutOfMemoryIsOneLineNamingWhatToLowerAndXmx() {
        assertOneLine(run("fail", "memory"), Main.EXIT_ENVIRONMENT, "out of memory (Java heap space)",
                "this JVM may use", "data.queries", "train.record_every", "--threads", "java -Xmx");
    }

    @Test
    void anUnwritableFileNamesThePathAndTheReason() {
        assertOneLine(run("fail", "io"), Main.EXIT_BAD_INPUT, "cannot write out/trace.csv", "(permission denied)");
        assertOneLine(run("fail", "io-checked"), Main.EXIT_BAD_INPUT, "cannot use out/trace.csv: permission denied");
    }

    @Test
    void aBugIsOneLineNamingTheExceptionAndWhereItWasThrown() {
        assertOneLine(run("fail", "bug"), Main.EXIT_INTERNAL, "internal error: java.lang.IllegalStateException: "
                + "a tensor failed the finiteness check but has no entry", "(at org.theorycheck.cli.FailureHandlingTest$Failing.call(",
                "--debug");
        assertOneLine(run("fail", "stack"), Main.EXIT_INTERNAL, "internal error: java.lang.StackOverflowError");
    }

    @Test
    void debugAddsTheStackTraceWhereverItIsGiven() {
        for (String[] args : new String[][] {{"--debug", "fail", "bug"}, {"fail", "bug", "--debug"}, {"fail", "memory", "--debug"}}) {
            Outcome o = run(args);
            assertThat(o.lines().get(0)).startsWith("error: ");
            assertThat(o.err()).as(String.join(" ", args)).contains("\tat org.theorycheck.cli.FailureHandlingTest$Failing.call(");
        }
    }

    @Test
    void aCommandLineThatDoesNotParseIsOneLineWithWhereToReadTheUsage() {
        assertOneLine(run("train"), Main.EXIT_BAD_INPUT, "Missing required parameter: 'CONFIG'", "see 'theorycheck train --help'");
        assertOneLine(run("train", "experiments/syn-small.yaml", "--outt", "x"), Main.EXIT_BAD_INPUT, "Unknown option: '--outt'",
                "did you mean --out?");
        assertOneLine(run("trian"), Main.EXIT_BAD_INPUT, "Unmatched argument at index 0: 'trian'", "did you mean train",
                "see 'theorycheck --help'");
    }

    @Test
    void helpListsEveryExitCode() {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        assertThat(Main.execute(cl, "--help")).isZero();
        assertThat(out.toString()).contains("--debug").containsSubsequence("0", "success", "1", "2", "bad input", "3", "diverged",
                "4", "environment", "too little memory", "5", "internal error");
    }
}
