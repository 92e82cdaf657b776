package org.theorycheck.theories.deeplinear.figures;

import org.junit.jupiter.api.Test;
import org.theorycheck.contract.ExpectedSummaries;
import org.theorycheck.core.report.FigureRecipe;
import org.theorycheck.core.report.FigureResult;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.theorycheck.contract.ExpectedSummaries.quick;

/**
 * Every figure recomputed at the quick budget against its checked-in summary ({@link ExpectedSummaries}). The
 * costlier ones are recomputed in part — fewer seeds or realisations (the first of the figure's, whose mean is
 * compared statistically), the MNIST scans of Fig 6A up to depth 28 — to keep the class near a minute; the
 * expected files hold the whole figures.
 */
class FigureSummariesTest {

    private static final ExpectedSummaries EXPECTED = new ExpectedSummaries("deep-linear");

    @Test
    void fig2PhasePortrait() {
        FigureResult fresh = quick(new Fig2PhasePortrait());
        EXPECTED.assertMatches(fresh);
        assertThat(fresh.data().rows()).isEqualTo(Fig2PhasePortrait.STARTS.length * 401);
        assertThat(fresh.figure().png()).isNotEmpty();
        assertThat(new String(fresh.figure().svg(), StandardCharsets.UTF_8)).startsWith("<?xml");
    }

    @Test
    void fig3ModeStrengths() {
        EXPECTED.assertMatches(quick(new Fig3ModeStrengths(1)));
    }

    @Test
    void fig3HalfTimeDelay() {
        FigureResult fresh = quick(new Fig3HalfTimeDelay(4));
        assertThat(fresh.summary()).hasSize(Fig3HalfTimeDelay.MODES);
        EXPECTED.assertMatches(fresh);
    }

    @Test
    void fig4LearningTimeAgainstDepth() {
        EXPECTED.assertMatches(quick(new Fig4LearningTimeVsDepth(new MnistScans())));
    }

    @Test
    void fig6aInitialisations() {
        EXPECTED.assertMatches(quick(new Fig6aInitialisations(new MnistScans(), 28)));
    }

    @Test
    void fig6bSingularValues() {
        EXPECTED.assertMatches(quick(new Fig6bSingularValues()));
    }

    @Test
    void fig6cEigenvalues() {
        EXPECTED.assertMatches(quick(new Fig6cEigenvalues(6)));
    }

    @Test
    void fig8VarianceMap() {
        EXPECTED.assertMatches(quick(new Fig8VarianceMap()));
    }

    @Test
    void theRecipesAreThePapersFiguresInOrder() {
        assertThat(DeepLinearFigures.all().stream().map(FigureRecipe::name))
                .containsExactly("fig2", "fig3", "fig3-delay", "fig4", "fig6a", "fig6b", "fig6c", "fig8");
    }
}
