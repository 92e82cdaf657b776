package org.theorycheck.theories.scansnap.figures;

import org.theorycheck.core.report.FigureRecipe;
import org.theorycheck.core.experiment.ConfigException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The figure recipes by name, in the paper's order; {@code ladder} draws theory beside SGD. The two
 * recipes of Fig. 7 share their runs on real text, so that drawing both trains each model once.
 */
public final class FigureRecipes {

    private FigureRecipes() {}

    /** Every recipe, the ladder drawn for its default experiments. */
    public static List<FigureRecipe> all() {
        return all(LadderFigure.DEFAULT_EXPERIMENT, LadderFigure.DEFAULT_TRANSFORMER_EXPERIMENT);
    }

    /**
     * Every recipe, the ladder drawn for {@code ladderExperiment} and, in a second row, for
     * {@code transformerExperiment} (null: no transformer row).
     */
    public static List<FigureRecipe> all(String ladderExperiment, String transformerExperiment) {
        TextRuns textRuns = new TextRuns();
        return List.of(new Fig3GrowthFactor(), new Fig4Heatmaps(), new Fig5Adam(), new Fig6Sweep(),
                new Fig7Attention(textRuns, List.of()), new Fig7Freeze(textRuns, List.of()), new Fig8DecoderH(),
                new Fig9SnapLevel(), new Fig10EntropyRate(textRuns, List.of()), RecallFigure.fig11(List.of()),
                RecallFigure.fig12(List.of()), new LadderFigure(ladderExperiment, transformerExperiment));
    }

    public static List<String> names() {
        return all().stream().map(FigureRecipe::name).toList();
    }

    /**
     * The recipes a name selects ({@code all} selects every one; names separated by commas select several,
     * which then share their runs, e.g. {@code fig7,fig7-freeze}), checked before anything runs.
     *
     * @param ladderExperiment      the experiment of the ladder figure, or null for its default
     * @param transformerExperiment the transformer experiment of the ladder figure's second row; null for the
     *                              default when {@code ladderExperiment} is null too, for none otherwise
     */
    public static List<FigureRecipe> select(String name, String ladderExperiment, String transformerExperiment) {
        for (String[] file : new String[][]{{ladderExperiment, "--experiment"}, {transformerExperiment, "--transformer-experiment"}}) {
            if (file[0] != null && !Files.isRegularFile(Path.of(file[0]))) {
                throw new ConfigException(file[0], 0, file[1], "no such experiment file");
            }
        }
        List<FigureRecipe> recipes = ladderExperiment == null
                ? all(LadderFigure.DEFAULT_EXPERIMENT, transformerExperiment == null ? LadderFigure.DEFAULT_TRANSFORMER_EXPERIMENT
                        : transformerExperiment)
                : all(ladderExperiment, transformerExperiment);
        List<FigureRecipe> chosen = new ArrayList<>();
        for (String one : name.split(",")) {
            List<FigureRecipe> named = one.equals("all") ? recipes : recipes.stream().filter(r -> r.name().equals(one)).toList();
            if (named.isEmpty()) {
                throw new ConfigException("command line", 0, "NAME", "unknown figure '" + one + "'; known: "
                        + String.join(", ", names()) + ", all");
            }
            named.stream().filter(r -> !chosen.contains(r)).forEach(chosen::add);
        }
        chosen.stream().filter(r -> r instanceof LadderFigure).forEach(r -> ((LadderFigure) r).requireComparable());
        return chosen;
    }

    /** The experiment the ladder figure of these recipes is drawn for, or null if there is none among them. */
    public static String ladderExperiment(List<FigureRecipe> recipes) {
        return recipes.stream().filter(r -> r instanceof LadderFigure).map(r -> ((LadderFigure) r).experiment())
                .findFirst().orElse(null);
    }
}
