package org.theorycheck.verify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictsTest {

    private static final Tolerance TOLERANCE = new Tolerance(1e-9, 0.1, 0.95);

    @Test
    void aSingleDeviationIsComparedWithBothBounds() {
        assertThat(Verdicts.decide(Measurement.of(0, "", 1e-12, ""), TOLERANCE)).isEqualTo(Verdict.HOLDS);
        assertThat(Verdicts.decide(Measurement.of(0, "", 0.05, ""), TOLERANCE)).isEqualTo(Verdict.HOLDS_APPROX);
        assertThat(Verdicts.decide(Measurement.of(0, "", 0.2, ""), TOLERANCE)).isEqualTo(Verdict.FAILS);
    }

    @Test
    void casesAreDecidedByTheWorstOne() {
        Measurement m = Measurement.overCases(0, "", new double[] {0, 0, 0.3}, "");
        assertThat(Verdicts.decide(m, TOLERANCE)).isEqualTo(Verdict.FAILS);
    }

    @Test
    void seedsWhoseIntervalStraddlesTheToleranceAreInconclusive() {
        Measurement m = new Measurement(0, "", new double[] {0.02, 0.18, 0.05, 0.15}, "");
        assertThat(Verdicts.decide(m, TOLERANCE)).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void seedsClearlyAboveTheToleranceFail() {
        Measurement m = new Measurement(0, "", new double[] {0.5, 0.52, 0.49, 0.51}, "");
        assertThat(Verdicts.decide(m, TOLERANCE)).isEqualTo(Verdict.FAILS);
    }

    @Test
    void seedsClearlyWithinTheToleranceHoldApproximately() {
        Measurement m = new Measurement(0, "", new double[] {0.01, 0.012, 0.011, 0.009}, "");
        assertThat(Verdicts.decide(m, TOLERANCE)).isEqualTo(Verdict.HOLDS_APPROX);
    }

    @Test
    void aNaNDeviationIsAnError() {
        assertThat(Verdicts.decide(Measurement.of(0, "", Double.NaN, ""), TOLERANCE)).isEqualTo(Verdict.ERROR);
    }
}
