package org.theorycheck.core.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DataTableTest {

    @Test
    void numbersKeepTenSignificantDigitsAndTheirWholeExponent() {
        assertThat(DataTable.number(5.38451949694263e-10)).isEqualTo("5.384519497e-10");
        assertThat(DataTable.number(1e-10)).isEqualTo("1e-10");
        assertThat(DataTable.number(2.5e20)).isEqualTo("2.5e+20");
        assertThat(DataTable.number(100.0)).isEqualTo("100");
        assertThat(DataTable.number(0.0)).isEqualTo("0");
        assertThat(DataTable.number(0.125)).isEqualTo("0.125");
        assertThat(DataTable.number(Double.NaN)).isEqualTo("NaN");
        for (double v : new double[] {5.38451949694263e-10, 3.0e-30, 7.25e15, -4.2e-7, 123456.789}) {
            assertThat(Double.parseDouble(DataTable.number(v))).isCloseTo(v, org.assertj.core.data.Percentage.withPercentage(1e-7));
        }
    }
}
