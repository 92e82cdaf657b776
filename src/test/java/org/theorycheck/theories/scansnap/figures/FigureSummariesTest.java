package org.theorycheck.theories.scansnap.figures;

import org.theorycheck.core.report.FigureResult;
import org.junit.jupiter.api.Test;
import org.theorycheck.contract.ExpectedSummaries;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.theorycheck.contract.ExpectedSummaries.quick;

/**
 * Every figure recomputed at the quick budget against its checked-in summary (see {@link ExpectedSummaries}
 * for how those are made). The Syn-Medium sweeps are recomputed on the panels Q = 1 and Q = 3 only, to keep
 * the whole class under a minute; the expected files hold every panel.
 */
class FigureSummariesTest {

    private static final ExpectedSummaries EXPECTED = new ExpectedSummaries("scan-and-snap");

    /** The part of the Syn-Medium grids the tests recompute. */
    static final List<String> SMALL_PANELS = List.of("data.queries=[1,3]");

    @Test
    void fig3GrowthFactor() {
        EXPECTED.assertMatches(quick(new Fig3GrowthFactor()));
    }

    @Test
    void fig4Heatmaps() {
        EXPECTED.assertMatches(quick(new Fig4Heatmaps()));
    }

    @Test
    void fig5Adam() {
        EXPECTED.assertMatches(quick(new Fig5Adam()));
    }

    @Test
    void fig6Sweep() {
        FigureResult fresh = quick(new Fig6Sweep(SMALL_PANELS));
        assertThat(fresh.summary()).as("fig6 on Q ∈ {1, 3}: 2 × 4 × 4 cells").hasSize(32);
        EXPECTED.assertMatches(fresh);
    }

    @Test
    void fig8DecoderH() {
        EXPECTED.assertMatches(quick(new Fig8DecoderH()));
    }

    @Test
    void fig9SnapLevel() {
        EXPECTED.assertMatches(quick(new Fig9SnapLevel()));
    }

    @Test
    void fig11Recall() {
        EXPECTED.assertMatches(quick(RecallFigure.fig11(SMALL_PANELS)));
    }

    @Test
    void fig12Recall() {
        EXPECTED.assertMatches(quick(RecallFigure.fig12(SMALL_PANELS)));
    }

    @Test
    void ladder() {
        EXPECTED.assertMatches(quick(new LadderFigure(LadderFigure.DEFAULT_EXPERIMENT, LadderFigure.DEFAULT_TRANSFORMER_EXPERIMENT)));
    }

    /** 27 transformer runs (9 rungs, 3 seeds), about half a minute: run with -Pslow. */
    @Test
    @org.junit.jupiter.api.Tag("slow")
    void transformerLadder() {
        EXPECTED.assertMatches(quick(new TransformerLadderFigure()));
    }
}
