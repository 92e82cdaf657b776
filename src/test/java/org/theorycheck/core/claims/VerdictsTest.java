package org.theorycheck.core.claims;

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

    @Test
    void anUndecidedSymbolicCheckIsInconclusiveWithNoDeviation() {
        Measurement m = Measurement.decision(null, "undecided within 20 s", "", "exact simplification");
        assertThat(Verdicts.decide(m, Tolerance.binary())).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdicts.deviation(m, Tolerance.binary())).isNaN();
        assertThat(Verdicts.evidence(m, Tolerance.binary())).isEqualTo("exact simplification");
    }

    @Test
    void theComparedDeviationIsTheWorstCaseOrTheUpperEndOfTheSeedInterval() {
        Measurement cases = Measurement.overCases(0, "", new double[] {0.01, 0.07, 0.03}, "");
        assertThat(Verdicts.deviation(cases, TOLERANCE)).isEqualTo(0.07);
        assertThat(Verdicts.evidence(cases, TOLERANCE)).isEqualTo("worst of 3 cases");
        Measurement seeds = new Measurement(0, "", new double[] {0.02, 0.18, 0.05, 0.15}, "");
        double upper = Verdicts.interval(seeds.deviations(), TOLERANCE.confidence())[2];
        assertThat(Verdicts.deviation(seeds, TOLERANCE)).isEqualTo(upper).isGreaterThan(TOLERANCE.approx());
        assertThat(Verdicts.evidence(seeds, TOLERANCE)).startsWith("upper end of the 95% interval, 4 seeds");
    }

    @Test
    void runsThatDidNotMoveAreInconclusiveWhateverTheDeviation() {
        Movement little = new Movement(0.4, "moved 0.4x");
        for (double d : new double[] {0, 0.05, 5}) {
            Measurement m = Measurement.of(0, "", d, "").withMovement(little);
            assertThat(Verdicts.decide(m, TOLERANCE)).as("deviation %s", d).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(Verdicts.evidence(m, TOLERANCE)).isEqualTo("one case; moved 0.4x: too little to be evidence");
        }
        assertThat(Verdicts.decide(Measurement.of(0, "", 0, "").withMovement(new Movement(Double.NaN, "?")), TOLERANCE))
                .as("a movement not known is no evidence").isEqualTo(Verdict.INCONCLUSIVE);
    }

    /** Negative control: runs that moved far enough keep the verdict of their deviation, and the evidence says how far. */
    @Test
    void runsThatMovedKeepTheirVerdict() {
        Movement enough = new Movement(3, "moved 3x");
        assertThat(Verdicts.decide(Measurement.of(0, "", 1e-12, "").withMovement(enough), TOLERANCE)).isEqualTo(Verdict.HOLDS);
        assertThat(Verdicts.decide(Measurement.of(0, "", 0.2, "").withMovement(enough), TOLERANCE)).isEqualTo(Verdict.FAILS);
        Measurement seeds = new Measurement(0, "", new double[] {0.5, 0.52, 0.49, 0.51}, "").withMovement(new Movement(1, "moved 1x"));
        assertThat(Verdicts.decide(seeds, TOLERANCE)).isEqualTo(Verdict.FAILS);
        assertThat(Verdicts.evidence(seeds, TOLERANCE)).isEqualTo("upper end of the 95% interval, 4 seeds; moved 1x");
    }
}
