package org.theorycheck.cli;

import org.theorycheck.core.Theories;
import org.theorycheck.core.Theory;
import org.theorycheck.core.experiment.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;

/** The {@code theorycheck} command line: a thin layer that parses arguments and calls the library. */
@Command(name = "theorycheck", mixinStandardHelpOptions = true, version = "theorycheck 0.1.0",
        description = "Verifies theories of neural-network training dynamics, claim by claim, with numbers.",
        subcommands = {TrainCommand.class, SweepCommand.class, IntegrateCommand.class, VerifyCommand.class, 
                FigureCommand.class, ReportCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes (every failure is one line on standard error; --debug adds its stack trace):%n",
        exitCodeList = {"0:success", "1:a claim did not get its expected verdict",
                "2:bad input (file, line and key are named) or an output that cannot be written",
                "3:a run diverged (the step and quantity are named)",
                "4:the environment: an engine, a cluster or a native library that cannot be used, or too little memory",
                "5:an internal error (a bug: please report it with the stack trace of --debug)"})
public final class Main {

    /** Bad input: a malformed or contradictory file, an unknown key, a bad override. */
    public static final int EXIT_BAD_INPUT = 2;
    /** A run produced NaN or infinity. */
    public static final int EXIT_DIVERGED = 3;
    /** The machine, not the input: an engine, a cluster or a native library that cannot be used, or the heap ran out. */
    public static final int EXIT_ENVIRONMENT = 4;
    /** A failure nobody foresaw: a bug. */
    public static final int EXIT_INTERNAL = 5;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "On a failure, print its stack trace after the one-line message.")
    boolean debug;

    /**
     * Heap set aside at start and let go when the heap runs out, so that the one line can still be written while
     * other threads (a sweep's workers) hold on to what they allocated.
     */
    private byte[] reserve = new byte[RESERVE_BYTES];
    private static final int RESERVE_BYTES = 4 << 20;

    public static void main(String[] args) {
        CommandLine cl;
        try {
            cl = commandLine();
        } catch (RuntimeException e) {   // the class path's theories cannot be set up (two claim one id)
            PrintWriter err = new PrintWriter(System.err, true);
            System.exit(report(e, err, java.util.Arrays.asList(args).contains("--debug")));
            return;
        }
        System.exit(execute(cl, args));
    }

    /**
     * Runs the command line: every failure, whatever is thrown (an out-of-memory error included), becomes one
     * line on the command line's error stream and an exit code; with {@code --debug} its stack trace follows.
     */
    public static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (Throwable t) {   // what picocli lets through: errors, such as running out of memory
            Main main = cl.getCommand();
            main.reserve = null;
            return report(t, cl.getErr(), main.debug);
        }
    }

    /** The configured command line, also used by tests (run it with {@link #execute}). */
    public static CommandLine commandLine() {
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        for (Theory<?, ?> theory : Theories.discovered().all()) {
            for (Object command : theory.commands()) {
                CommandLine sub = new CommandLine(command);
                if (cl.getSubcommands().containsKey(sub.getCommandName())) {
                    throw new ConfigException("META-INF/services/" + Theory.class.getName(), 0, theory.id(), "theory "
                            + theory.id() + " adds the command " + sub.getCommandName() + ", which the command line or another "
                            + "theory already has; remove one of the two theories from the class path");
                }
                cl.addSubcommand(sub);
            }
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> report(ex, cmd.getErr(), main.debug));
        cl.setParameterExceptionHandler(Main::usageError);
        return cl;
    }

    /** A command line that does not parse: one line and where to read the usage, rather than the whole usage. */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String suggestion = "";
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            suggestion = " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
        }
        cmd.getErr().println("error: " + ex.getMessage().strip().replaceAll("\\s*\\R\\s*", " ") + suggestion + "; see '"
                + cmd.getCommandSpec().qualifiedName() + " --help'");
        cmd.getErr().flush();
        return EXIT_BAD_INPUT;
    }

    private static int report(Throwable thrown, PrintWriter err, boolean debug) {
        Failure failure = Failure.of(thrown);
        err.println(failure.message());
        if (debug) {
            thrown.printStackTrace(err);
        }
        err.flush();
        return failure.code();
    }
}
