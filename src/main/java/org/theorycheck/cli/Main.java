package org.theorycheck.cli;

import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.ladder.DivergenceException;
import org.theorycheck.core.engine.EngineUnavailableException;
import org.theorycheck.core.Theories;
import org.theorycheck.core.Theory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code theorycheck} command line: a thin layer that parses arguments and calls the library. */
@Command(name = "theorycheck", mixinStandardHelpOptions = true, version = "theorycheck 0.1.0",
        description = "Verifies theories of neural-network training dynamics, claim by claim, with numbers.",
        subcommands = {TrainCommand.class, SweepCommand.class, IntegrateCommand.class, VerifyCommand.class,
                FigureCommand.class, ReportCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a claim did not get its expected verdict", "2:bad input (file, line and key are named) or an output that cannot be written",
                "3:a run diverged (the step and quantity are named)"})
public final class Main {

    /** Bad input: a malformed or contradictory file, an unknown key, a bad override. */
    public static final int EXIT_BAD_INPUT = 2;
    /** A run produced NaN or infinity. */
    public static final int EXIT_DIVERGED = 3;

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        System.exit(code);
    }

    /** The configured command line, also used by tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        for (Theory<?, ?> theory : Theories.discovered().all()) {
            for (Object command : theory.commands()) {
                CommandLine sub = new CommandLine(command);
                if (cl.getSubcommands().containsKey(sub.getCommandName())) {
                    throw new IllegalStateException("theory " + theory.id() + " adds the command " + sub.getCommandName()
                            + ", which the command line or another theory already has");
                }
                cl.addSubcommand(sub);
            }
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof ConfigException) {
                cmd.getErr().println("error: " + ex.getMessage());
                return EXIT_BAD_INPUT;
            }
            if (ex instanceof java.io.UncheckedIOException || ex instanceof java.io.IOException) {
                cmd.getErr().println("error: " + ex.getMessage());
                return EXIT_BAD_INPUT;
            }
            if (ex instanceof EngineUnavailableException) {
                cmd.getErr().println("error: " + ex.getMessage());
                return EXIT_BAD_INPUT;
            }
            if (ex instanceof DivergenceException) {
                cmd.getErr().println("error: " + ex.getMessage());
                return EXIT_DIVERGED;
            }
            throw ex;
        });
        return cl;
    }
}
