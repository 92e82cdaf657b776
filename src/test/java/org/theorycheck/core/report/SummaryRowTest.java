package org.theorycheck.core.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparison the figure tests rely on, with negative controls: it must be able to fail. */
class SummaryRowTest {

    @Test
    void seedMeansAgreeWithinTheirStandardErrorAndNotBeyond() {
        SummaryRow stored = SummaryRow.seeds("x", new double[]{1.0, 1.2, 0.8});   // mean 1, std 0.2
        double se = Math.sqrt(2 * 0.04 / 3);
        SummaryRow near = SummaryRow.seeds("x", new double[]{1.0 + 2 * se - 0.2, 1.0 + 2 * se, 1.0 + 2 * se + 0.2});
        SummaryRow far = SummaryRow.seeds("x", new double[]{1.0 + 5 * se - 0.2, 1.0 + 5 * se, 1.0 + 5 * se + 0.2});
        assertThat(stored.disagreement(near)).isEmpty();
        assertThat(stored.disagreement(far)).hasValueSatisfying(m -> assertThat(m).contains("x").contains("standard errors"));
    }

    @Test
    void exactNumbersAgreeOnlyToTheTightTolerance() {
        SummaryRow stored = SummaryRow.exact("t0", 276.0);
        assertThat(stored.disagreement(SummaryRow.exact("t0", 276.0 * (1 + 1e-9)))).isEmpty();
        assertThat(stored.disagreement(SummaryRow.exact("t0", 276.0 * (1 + 1e-5)))).isPresent();
        assertThat(stored.disagreement(SummaryRow.seeds("t0", new double[]{276, 276}))).isPresent();
    }

    @Test
    void csvRoundTripsAndMissingKeysAreReported() {
        List<SummaryRow> rows = List.of(SummaryRow.exact("a/b=1", Math.PI), SummaryRow.seeds("c", new double[]{1, 2, 4}));
        Map<String, SummaryRow> read = SummaryRow.read(CsvTable.parse("test", SummaryRow.csv(rows)));
        assertThat(SummaryRow.compare(read, rows)).isEmpty();
        assertThat(SummaryRow.compare(read, List.of(SummaryRow.exact("d", 1)))).containsExactly("d: not in the expected file");
    }
}
