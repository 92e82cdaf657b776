package org.theorycheck.theories.scansnap.report;

import org.theorycheck.core.report.CsvTable;
import org.theorycheck.core.report.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AttentionHeatmapTest {

    private final AttentionTable table = AttentionTable.of(CsvTable.parse("attention.csv", Fixtures.attentionCsv()));

    @Test
    void matrixHoldsTheCsvValuesOfTheChosenSteps() {
        List<AttentionHeatmap.Panel> panels = AttentionHeatmap.panels(table, List.of(0.0, 2.0, 4.0));

        assertThat(panels).extracting(AttentionHeatmap.Panel::nextToken).containsExactly(0, 1);
        for (AttentionHeatmap.Panel p : panels) {
            // 4 is not recorded: its nearest recorded step is 5; the final step 9 is always added
            assertThat(p.steps()).containsExactly(0, 2, 5, 9);
            for (int i = 0; i < p.steps().length; i++) {
                for (int j = 0; j < p.tokens().length; j++) {
                    assertThat(p.c()[i][j]).isEqualTo(Fixtures.c((int) p.steps()[i], p.nextToken(), p.tokens()[j]));
                }
            }
        }
    }

    @Test
    void columnsAreCommonThenDistinctByAscendingProbability() {
        AttentionHeatmap.Panel p = AttentionHeatmap.panels(table, AttentionHeatmap.PAPER_STEPS).get(0);

        // class 0: commons 0, 1; distincts 2 (P = 0.1) before 3 (P = 0.4), whatever the file order
        assertThat(p.tokens()).containsExactly(0, 1, 2, 3);
        assertThat(p.distinct()).containsExactly(false, false, true, true);
    }

    @Test
    void trajectoryAndFileGiveTheSameRows() {
        assertThat(table.steps()).containsExactly(0, 2, 5, 9);
        assertThat(table.at(5, 1)).extracting(AttentionTable.Entry::token).containsExactly(0, 1, 4, 5);
    }
}
