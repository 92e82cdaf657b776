package org.theorycheck.theories.deeplinear.figures;

import org.theorycheck.core.report.FigureRecipe;

import java.util.List;

/**
 * The figures of Saxe, McClelland and Ganguli (2014), recomputed, in the paper's order. Fig 4 and Fig 6A share
 * their MNIST task, read from the cache once when both are drawn.
 */
public final class DeepLinearFigures {

    private DeepLinearFigures() {}

    /** Every recipe: fig2, fig3, fig3-delay, fig4, fig6a, fig6b, fig6c, fig8. */
    public static List<FigureRecipe> all() {
        MnistScans mnist = new MnistScans();
        return List.of(new Fig2PhasePortrait(), new Fig3ModeStrengths(), new Fig3HalfTimeDelay(), new Fig4LearningTimeVsDepth(mnist),
                new Fig6aInitialisations(mnist), new Fig6bSingularValues(), new Fig6cEigenvalues(), new Fig8VarianceMap());
    }
}
