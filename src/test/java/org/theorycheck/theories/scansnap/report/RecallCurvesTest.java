package org.theorycheck.theories.scansnap.report;

import org.theorycheck.core.report.CsvTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RecallCurvesTest {

    private static final double EXACT = 1e-12;

    /**
     * Final step 7; class 0 has distinct c = 0.50, 0.20, 0.05, 0.01, class 1 has 0.30, 0.30; common
     * tokens (c = 0.9) never count. An earlier step with other values must be ignored.
     */
    private static AttentionTable table() {
        String csv = """
                step,next_token,token,role,p,z,c
                0,0,0,common,0.2,0,0.2
                0,0,1,distinct,0.2,0,0.2
                0,0,2,distinct,0.2,0,0.2
                0,0,3,distinct,0.2,0,0.2
                0,0,4,distinct,0.2,0,0.2
                0,1,0,common,0.3,0,0.3
                0,1,5,distinct,0.3,0,0.3
                0,1,6,distinct,0.4,0,0.4
                7,0,0,common,0.2,0,0.9
                7,0,1,distinct,0.2,0,0.50
                7,0,2,distinct,0.2,0,0.20
                7,0,3,distinct,0.2,0,0.05
                7,0,4,distinct,0.2,0,0.01
                7,1,0,common,0.3,0,0.9
                7,1,5,distinct,0.3,0,0.30
                7,1,6,distinct,0.4,0,0.30
                """;
        return AttentionTable.of(CsvTable.parse("attention.csv", csv));
    }

    @Test
    void fractionOfDistinctTokensAboveTheThresholdAveragedOverClasses() {
        double[] r = RecallCurves.recall(table(), new double[]{0, 0.02, 0.1, 0.25, 0.3, 0.4, 0.6});

        assertThat(r[0]).isCloseTo((1.0 + 1.0) / 2, within(EXACT));
        assertThat(r[1]).isCloseTo((0.75 + 1.0) / 2, within(EXACT));
        assertThat(r[2]).isCloseTo((0.5 + 1.0) / 2, within(EXACT));
        assertThat(r[3]).isCloseTo((0.25 + 1.0) / 2, within(EXACT));
        // strictly greater: c = 0.30 is not above τ = 0.30
        assertThat(r[4]).isCloseTo((0.25 + 0.0) / 2, within(EXACT));
        assertThat(r[5]).isCloseTo((0.25 + 0.0) / 2, within(EXACT));
        assertThat(r[6]).isCloseTo(0.0, within(EXACT));
    }

    @Test
    void defaultThresholdsSpanTwoDecadesAroundOneOverM() {
        double[] k = RecallCurves.defaultMultiples();

        assertThat(k[0]).isCloseTo(0.1, within(EXACT));
        assertThat(k[k.length / 2]).isCloseTo(1.0, within(EXACT));
        assertThat(k[k.length - 1]).isCloseTo(10.0, within(1e-9));
    }
}
