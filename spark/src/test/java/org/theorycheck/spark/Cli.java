package org.theorycheck.spark;

import org.theorycheck.cli.Main;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Runs theorycheck's command line in-process, with this module's engines on the class path. */
final class Cli {

    record Outcome(int code, String out, String err) {
        /** The non-blank lines of standard error that are the command's own (Spark logs there too). */
        List<String> errorLines() {
            return err.lines().filter(l -> l.startsWith("error: ")).toList();
        }
    }

    private Cli() {}

    static Outcome run(List<String> args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = Main.execute(cl, args.toArray(String[]::new));
        return new Outcome(code, out.toString(), err.toString());
    }
}
