package org.theorycheck.theories.scansnap.figures;

import org.theorycheck.core.report.FigureRecipe;

import java.util.List;

/**
 * The figure recipes by name, in the paper's order; {@code ladder} draws theory beside SGD and
 * {@code transformer-ladder} the transformer's steps down to the YZ model. The two
 * recipes of Fig. 7 share their runs on real text, so that drawing both trains each model once.
 */
public final class FigureRecipes {

    private FigureRecipes() {}

    /** Every recipe, the ladder drawn for its default experiments (see {@link LadderFigure#drawnFor} for others). */
    public static List<FigureRecipe> all() {
        TextRuns textRuns = new TextRuns();
        return List.of(new Fig3GrowthFactor(), new Fig4Heatmaps(), new Fig5Adam(), new Fig6Sweep(),
                new Fig7Attention(textRuns, List.of()), new Fig7Freeze(textRuns, List.of()), new Fig8DecoderH(),
                new Fig9SnapLevel(), new Fig10EntropyRate(textRuns, List.of()), RecallFigure.fig11(List.of()),
                RecallFigure.fig12(List.of()),
                new LadderFigure(LadderFigure.DEFAULT_EXPERIMENT, LadderFigure.DEFAULT_TRANSFORMER_EXPERIMENT),
                new TransformerLadderFigure());
    }
}
