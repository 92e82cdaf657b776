package org.theorycheck.cli;

import org.theorycheck.core.Theories;
import org.theorycheck.core.command.OutputDirectories;
import org.theorycheck.core.io.OutputLock;
import org.theorycheck.core.io.OutputSet;
import org.theorycheck.core.Theory;
import org.theorycheck.core.report.VerdictTable;
import org.theorycheck.core.claims.CheckResult;
import org.theorycheck.core.claims.Claim;
import org.theorycheck.core.claims.ClaimFiles;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.core.claims.Quantities;
import org.theorycheck.core.claims.Quantity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Runs claims and prints the comparison table, grouped by theory.",
                "Claims: the files and directories given, by default every file under theorems/ (theorems/<theory>/...).",
                "Columns: claim, source, check, rung, measured, deviation (the number compared with the tolerance), tolerance,",
                "evidence, verdict, expected, seconds. --format matrix: one row per claim, one column per rung.",
                "Exits 0 iff every check got its expected verdict, 1 otherwise, 2 on a bad claim file."})
final class VerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Claim files or directories (default: theorems).")
    List<Path> paths = List.of(Path.of("theorems"));

    @Option(names = "--format", paramLabel = "FORMAT", description = "markdown (default), csv, json, or matrix (claims × rungs).")
    VerdictTable.Style format = VerdictTable.Style.MARKDOWN;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the table to FILE instead of standard output (replaced whole; "
            + "FILE's directory is locked against other commands while verify runs).")
    Path out;

    @Option(names = "--full", description = "Run at paper size (ignore the checks' quick budgets).")
    boolean full;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--list", description = "List the quantities and symbolic checks claim files can name, and exit.")
    boolean list;

    @Option(names = "--dry-run", description = "Load and validate the claim files (exit 2 on an error), run nothing.")
    boolean dryRun;

    @picocli.CommandLine.Mixin
    EngineOptions engineOptions;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        Theories theories = Theories.discovered();
        if (list) {
            for (Theory<?, ?> theory : theories.all()) {
                stdout.printf("%s — %s; ladder: %s%n", theory.id(), theory.title(),
                        String.join(", ", theory.ladder().stream().map(r -> r.name()).toList()));
                Quantities<?, ?> quantities = Quantities.of(theory);
                for (Quantity<?, ?> q : quantities.all()) {
                    stdout.printf("%-30s rungs %-30s %s%n", q.name(), String.join(",", q.rungs().stream().sorted().toList()), q.description());
                    for (Parameter p : q.parameters()) {
                        stdout.printf("%-30s   param %s%n", "", p.describe());
                    }
                }
                for (String id : quantities.symbolicIds()) {
                    stdout.printf("%-30s rung  symbolic%n", id);
                }
            }
            stdout.flush();
            return 0;
        }
        if (dryRun) {
            List<Claim> claims = ClaimFiles.load(paths, theories);
            stdout.printf("%d claims, %d checks: valid%n", claims.size(), claims.stream().mapToInt(c -> c.checks().size()).sum());
            stdout.flush();
            return 0;
        }
        if (out == null) {
            List<CheckResult> results = Verification.run(paths, theories, full, engineOptions, threads, r -> { });
            stdout.print(VerdictTable.render(results, format, Verification.ladders(theories)));
            stdout.flush();
            return results.stream().allMatch(CheckResult::asExpected) ? 0 : 1;
        }
        try (OutputLock lock = OutputDirectories.lockFor(spec, out)) {
            List<CheckResult> results = Verification.run(paths, theories, full, engineOptions, threads, r -> { });
            try (OutputSet table = OutputSet.in(out.toAbsolutePath().getParent())) {
                table.text(out.getFileName().toString(), VerdictTable.render(results, format, Verification.ladders(theories)));
                table.commit();
            }
            return results.stream().allMatch(CheckResult::asExpected) ? 0 : 1;
        }
    }
}
