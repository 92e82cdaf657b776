package org.theorycheck.cli;

import org.theorycheck.core.Theories;
import org.theorycheck.core.command.OutputDirectories;
import org.theorycheck.core.io.OutputLock;
import org.theorycheck.core.Theory;
import org.theorycheck.core.report.HtmlReport;
import org.theorycheck.core.report.Budget;
import org.theorycheck.core.report.FigureResult;
import org.theorycheck.core.report.ReportPage;
import org.theorycheck.core.engine.Engine;
import org.theorycheck.core.claims.CheckResult;
import org.theorycheck.core.claims.Claim;
import org.theorycheck.core.claims.ClaimFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes one self-contained HTML page with every claim's verdict and every figure, a section per theory.",
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
        Theories theories = Theories.discovered();
        FigureCatalogue catalogue = FigureCatalogue.of(theories);
        List<Claim> claims = ClaimFiles.load(List.of(theorems), theories);
        List<CheckResult> results;
        Budget budget = full ? Budget.FULL : Budget.QUICK;
        Map<FigureCatalogue.Entry, FigureResult> figures = new LinkedHashMap<>();
        HtmlReport page;
        double seconds;
        try (Engine engine = engineOptions.open(threads); OutputLock lock = OutputDirectories.lockFor(spec, out)) {
            err.println("verify: running the claims of " + theorems);
            err.flush();
            AtomicInteger done = new AtomicInteger();
            results = Verification.run(claims, theories, full, engine, r -> {
                int d = done.incrementAndGet();
                if (d % 10 == 0) {
                    synchronized (err) {
                        err.println("  verify: " + d + " checks done");
                        err.flush();
                    }
                }
            });
            err.printf(Locale.ROOT, "verify: %d checks in %.1f s%n", results.size(), (System.nanoTime() - start) / 1e9);
            for (FigureCatalogue.Entry e : catalogue.all()) {
                figures.put(e, FigureCommand.Figures.compute(e.recipe(), budget, engine, err));
            }
            page = page(theories, catalogue, results, figures, budget, start);
            seconds = (System.nanoTime() - start) / 1e9;
            page.write(out);
        }
        err.printf(Locale.ROOT, "report: %.1f s in all%n", seconds);
        spec.commandLine().getOut().println("wrote " + out);
        spec.commandLine().getOut().flush();
        return results.stream().allMatch(CheckResult::asExpected) ? 0 : 1;
    }

    /** The page: each theory's section with its checks and figures. */
    private HtmlReport page(Theories theories, FigureCatalogue catalogue, List<CheckResult> results,
                            Map<FigureCatalogue.Entry, FigureResult> figures, Budget budget, long start) {
        String flag = full ? " --full" : "";
        String commands = "java -jar target/theorycheck.jar report" + flag + " --out " + out + "\n"
                + "# or piece by piece:\n"
                + "java -jar target/theorycheck.jar verify" + flag + "\n"
                + "java -jar target/theorycheck.jar figure all" + flag + " --out out/figures";
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, List<String>> ladders = Verification.ladders(theories);
        List<ReportPage.Section> sections = new ArrayList<>();
        for (Theory<?, ?> t : theories.all()) {
            List<CheckResult> own = results.stream().filter(r -> r.claim().theory().equals(t.id())).toList();
            List<FigureCatalogue.Entry> entries = catalogue.of(t);
            if (own.isEmpty() && entries.isEmpty()) {
                continue;
            }
            String ladderExperiment = entries.stream().map(e -> e.recipe().experiment()).filter(x -> x != null).findFirst().orElse(null);
            sections.add(new ReportPage.Section(t.id(), t.title(), ladders.get(t.id()), own,
                    entries.stream().map(figures::get).toList(), ladderExperiment));
        }
        return ReportPage.build(sections, budget, commands, seconds);
    }
}
