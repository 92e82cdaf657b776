package org.theorycheck.cli;

import org.theorycheck.output.OutputLock;
import org.theorycheck.report.HtmlReport;
import org.theorycheck.report.figures.Budget;
import org.theorycheck.report.figures.FigureRecipe;
import org.theorycheck.report.figures.FigureRecipes;
import org.theorycheck.report.figures.FigureResult;
import org.theorycheck.report.figures.ReportPage;
import org.theorycheck.train.Engine;
import org.theorycheck.verify.CheckResult;
import org.theorycheck.verify.Claim;
import org.theorycheck.verify.ClaimFiles;
import org.theorycheck.verify.scansnap.ScanSnapQuantities;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes one self-contained HTML page with every claim's verdict and every figure.",
                "Runs every claim of theorems/ (as verify does) and every figure (as figure all does). The page has",
                "a summary, the verdict table, figures with what the paper claims and what was measured, each",
                "claim's checks, and the commands and versions. Progress goes to standard error.",
                "Exits 0 iff every check got its expected verdict (the page is written either way). FILE's directory",
                "is held against other commands while it runs."})
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "FILE", description = "The page (default: out/report.html).")
    Path out = Path.of("out", "report.html");

    @Option(names = "--full", description = "Paper-size checks and 10 seeds per figure instead of the quick budget.")
    boolean full;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads for the checks and the figures' runs (default: all cores).")
    Integer threads;

    @Mixin
    EngineOptions engineOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        long start = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        Path theorems = Path.of("theorems");
        List<FigureRecipe> recipes = FigureRecipes.all();
        List<Claim> claims = ClaimFiles.load(List.of(theorems), ScanSnapQuantities.registry());
        List<CheckResult> results;
        Budget budget = full ? Budget.FULL : Budget.QUICK;
        List<FigureResult> figures = new ArrayList<>();
        double seconds;
        try (Engine engine = engineOptions.open(threads); OutputLock lock = OutputDirectories.lockFor(spec, out)) {
            err.println("verify: running the claims of " + theorems);
            err.flush();
            AtomicInteger done = new AtomicInteger();
            results = Verification.run(claims, ScanSnapQuantities::registry, full, engine, r -> {
                int d = done.incrementAndGet();
                if (d % 10 == 0) {
                    synchronized (err) {
                        err.println("  verify: " + d + " checks done");
                        err.flush();
                    }
                }
            });
            err.printf(Locale.ROOT, "verify: %d checks in %.1f s%n", results.size(), (System.nanoTime() - start) / 1e9);
            for (FigureRecipe r : recipes) {
                figures.add(FigureCommand.Figures.compute(r, budget, engine, err));
            }
            String flag = full ? " --full" : "";
            String commands = "java -jar target/theorycheck.jar report" + flag + " --out " + out + "\n"
                    + "# or piece by piece:\n"
                    + "java -jar target/theorycheck.jar verify" + flag + "\n"
                    + "java -jar target/theorycheck.jar figure all" + flag + " --out out/figures";
            seconds = (System.nanoTime() - start) / 1e9;
            HtmlReport page = ReportPage.build(results, figures, FigureRecipes.ladderExperiment(recipes), budget, commands, seconds);
            page.write(out);
        }
        err.printf(Locale.ROOT, "report: %.1f s in all%n", seconds);
        spec.commandLine().getOut().println("wrote " + out);
        spec.commandLine().getOut().flush();
        return results.stream().allMatch(CheckResult::asExpected) ? 0 : 1;
    }
}
