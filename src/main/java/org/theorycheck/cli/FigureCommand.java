package org.theorycheck.cli;

import org.theorycheck.core.Theories;
import org.theorycheck.core.command.OutputDirectories;
import org.theorycheck.core.io.OutputLock;
import org.theorycheck.core.io.OutputSet;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.report.Budget;
import org.theorycheck.core.report.FigureRecipe;
import org.theorycheck.core.report.FigureResult;
import org.theorycheck.core.engine.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "figure", mixinStandardHelpOptions = true,
        description = {"Recomputes figures of the theories' papers from scratch.",
                "From the real networks' runs, the rungs and the closed forms; writes DIR/NAME.csv (the numbers drawn),",
                "DIR/NAME.png and DIR/NAME.svg (<theory>-NAME where two theories have a figure of one name).",
                "Every figure is computed before any file is written, and all are put in place together, so a failure",
                "leaves the previous files. Another command writing into DIR at the same time is refused (exit 2).",
                "Its independent runs are tasks of the engine (--engine spark: Spark tasks); the files do not depend on it."},
        footer = {"%nExamples:", "  theorycheck figure fig3", "  theorycheck figure fig6 --full --out fig",
                "  theorycheck figure ladder --experiment experiments/<theory>/my-experiment.yaml",
                "  theorycheck figure ladder --experiment ROLE=other-experiment.yaml",
                "  theorycheck figure <theory>/all --expected experiments/<theory>/expected   (regenerates the checked-in summaries)"})
final class FigureCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "The figure, several separated by commas (they share their "
            + "runs where they can), all, or <theory>/all.")
    String name;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/figures).")
    Path out = Path.of("out", "figures");

    @Option(names = "--full", description = "Average random quantities over the experiment files' seeds (10) "
            + "instead of the quick budget's seeds 1..3.")
    boolean full;

    @Option(names = "--experiment", paramLabel = "[ROLE=]FILE",
            description = "An experiment of yours that a figure is drawn for: FILE for its main experiment, ROLE=FILE for "
                    + "another role the figure names in its description.")
    List<String> experiments = new ArrayList<>();

    @Option(names = "--expected", paramLabel = "DIR",
            description = "Also write each figure's summary numbers as DIR/NAME.csv, the files the figure tests compare with.")
    Path expected;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Mixin
    EngineOptions engineOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<FigureCatalogue.Entry> chosen = FigureCatalogue.of(Theories.discovered()).select(name, roles(experiments));
        Budget budget = full ? Budget.FULL : Budget.QUICK;
        PrintWriter err = spec.commandLine().getErr();
        List<FigureResult> results = new ArrayList<>();
        boolean expectedApart = expected != null && !expected.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize());
        try (Engine engine = engineOptions.open(threads);
             OutputLock outLock = OutputDirectories.lock(spec, out);
             OutputLock expectedLock = expectedApart ? OutputDirectories.lock(spec, expected) : null) {
            for (FigureCatalogue.Entry e : chosen) {
                results.add(Figures.compute(e.recipe(), budget, engine, err));
            }
            write(chosen, results);
        }
        for (int i = 0; i < results.size(); i++) {
            FigureCatalogue.Entry e = chosen.get(i);
            spec.commandLine().getOut().println("wrote " + out.resolve(e.stem()) + ".{csv,png,svg}"
                    + (expected != null ? " and " + expected.resolve(e.stem() + ".csv") : ""));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * Every figure's files as one set, then their summaries as another: a failure leaves the previous files.
     */
    private void write(List<FigureCatalogue.Entry> chosen, List<FigureResult> results) {
        try (OutputSet figures = OutputSet.in(out)) {
            for (int i = 0; i < results.size(); i++) {
                results.get(i).addTo(figures, chosen.get(i).stem());
            }
            figures.commit();
        }
        if (expected != null) {
            try (OutputSet summaries = OutputSet.in(expected)) {
                for (int i = 0; i < results.size(); i++) {
                    results.get(i).addSummaryTo(summaries, chosen.get(i).stem());
                }
                summaries.commit();
            }
        }
    }

    /** {@code [ROLE=]FILE} values by role ({@code ""} for none). */
    static Map<String, String> roles(List<String> values) {
        Map<String, String> byRole = new LinkedHashMap<>();
        for (String v : values) {
            int eq = v.indexOf('=');
            String role = eq < 0 ? "" : v.substring(0, eq);
            String file = eq < 0 ? v : v.substring(eq + 1);
            if (byRole.put(role, file) != null) {
                throw new ConfigException("--experiment", 0, role.isEmpty() ? "FILE" : role, "given twice");
            }
        }
        return byRole;
    }

    /** Computing one figure with its progress and time on standard error; shared with the report command. */
    static final class Figures {
        private Figures() {}

        static FigureResult compute(FigureRecipe recipe, Budget budget, Engine engine, PrintWriter err) {
            long start = System.nanoTime();
            err.println(recipe.name() + ": computing…");
            err.flush();
            FigureResult result = recipe.compute(budget, engine, line -> {
                synchronized (err) {
                    err.println("  " + line);
                    err.flush();
                }
            });
            err.printf(Locale.ROOT, "%s: done in %.1f s on %s%n", recipe.name(), (System.nanoTime() - start) / 1e9, engine.description());
            err.flush();
            return result;
        }
    }
}
