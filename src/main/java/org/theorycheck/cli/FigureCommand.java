package org.theorycheck.cli;

import org.theorycheck.core.report.Budget;
import org.theorycheck.core.report.FigureRecipe;
import org.theorycheck.theories.scansnap.figures.FigureRecipes;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "figure", mixinStandardHelpOptions = true,
        description = {"Recomputes one of the paper's synthetic figures from scratch.",
                "From SGD runs, rungs and closed forms; writes DIR/NAME.csv (the numbers drawn), DIR/NAME.png",
                "and DIR/NAME.svg.",
                "NAME: fig3, fig4, fig5, fig6, fig8, fig9, fig11, fig12, ladder (theory beside SGD), or all.",
                "Every figure is computed before any file is written, so a failure leaves no partial output.",
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
        try (Engine engine = engineOptions.open(threads)) {
            for (FigureRecipe r : recipes) {
                results.add(Figures.compute(r, budget, engine, err));
            }
        }
        for (FigureResult r : results) {
            r.save(out);
            if (expected != null) {
                r.saveSummary(expected);
            }
            spec.commandLine().getOut().println("wrote " + out.resolve(r.name()) + ".{csv,png,svg}"
                    + (expected != null ? " and " + expected.resolve(r.name() + ".csv") : ""));
        }
        spec.commandLine().getOut().flush();
        return 0;
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
