package org.theorycheck.cli;

import org.theorycheck.output.OutputLock;
import org.theorycheck.output.OutputSet;
import org.theorycheck.report.figures.Budget;
import org.theorycheck.report.figures.FigureRecipe;
import org.theorycheck.report.figures.FigureRecipes;
import org.theorycheck.report.figures.FigureResult;
import org.theorycheck.train.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "figure", mixinStandardHelpOptions = true,
        description = {"Recomputes one of the paper's synthetic figures from scratch.",
                "From SGD runs, rungs and closed forms; writes DIR/NAME.csv (the numbers drawn), DIR/NAME.png",
                "and DIR/NAME.svg.",
                "NAME: fig3, fig4, fig5, fig6, fig8, fig9, fig11, fig12, ladder (theory beside SGD), or all.",
                "Every figure is computed before any file is written, and all are put in place together, so a failure",
                "leaves the previous files. Another command writing into DIR at the same time is refused (exit 2).",
                "Its independent runs are tasks of the engine (--engine spark: Spark tasks); the files do not depend on it."},
        footer = {"%nExamples:", "  theorycheck figure fig3", "  theorycheck figure fig6 --full --out fig",
                "  theorycheck figure ladder --experiment experiments/syn-small-fast-decoder.yaml",
                "  theorycheck figure ladder --transformer-experiment my-transformer.yaml",
                "  theorycheck figure all --expected experiments/expected   (regenerates the checked-in summaries)"})
final class FigureCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "The figure, several separated by commas (fig7,fig7-freeze share their runs), or all.")
    String name;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/figures).")
    Path out = Path.of("out", "figures");

    @Option(names = "--full", description = "Average random quantities over the experiment files' seeds (10) "
            + "instead of the quick budget's seeds 1..3.")
    boolean full;

    @Option(names = "--experiment", paramLabel = "FILE",
            description = "The experiment the ladder figure is drawn for (default: experiments/syn-small.yaml).")
    String experiment;

    @Option(names = "--transformer-experiment", paramLabel = "FILE",
            description = "The transformer experiment of the ladder figure's second row, on the same data: as --experiment "
                    + "(default: experiments/syn-small-transformer.yaml if --experiment is left out, no second row otherwise).")
    String transformerExperiment;

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
        List<FigureRecipe> recipes = FigureRecipes.select(name, experiment, transformerExperiment);
        Budget budget = full ? Budget.FULL : Budget.QUICK;
        PrintWriter err = spec.commandLine().getErr();
        List<FigureResult> results = new ArrayList<>();
        boolean expectedApart = expected != null && !expected.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize());
        try (Engine engine = engineOptions.open(threads);
             OutputLock outLock = OutputDirectories.lock(spec, out);
             OutputLock expectedLock = expectedApart ? OutputDirectories.lock(spec, expected) : null) {
            for (FigureRecipe r : recipes) {
                results.add(Figures.compute(r, budget, engine, err));
            }
            write(results);
        }
        for (FigureResult r : results) {
            spec.commandLine().getOut().println("wrote " + out.resolve(r.name()) + ".{csv,png,svg}"
                    + (expected != null ? " and " + expected.resolve(r.name() + ".csv") : ""));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Every figure's files as one set, then their summaries as another: a failure leaves the previous files. */
    private void write(List<FigureResult> results) {
        try (OutputSet figures = OutputSet.in(out)) {
            results.forEach(r -> r.addTo(figures));
            figures.commit();
        }
        if (expected != null) {
            try (OutputSet summaries = OutputSet.in(expected)) {
                results.forEach(r -> r.addSummaryTo(summaries));
                summaries.commit();
            }
        }
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
