package org.theorycheck.contract;

import org.junit.jupiter.api.Test;
import org.theorycheck.core.claims.HandMadeCheck;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Quantity;
import org.theorycheck.core.claims.Tolerance;
import org.theorycheck.core.claims.Verdict;
import org.theorycheck.core.claims.Verdicts;
import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.ladder.Trace;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every quantity of every theory must do ({@link Quantity}): its deviations are non-negative (+∞
 * allowed; a NaN deviation is no measurement, it makes the check an ERROR), and it can tell the claim from
 * its breach — input
 * that meets the prediction HOLDS, and input made to break it FAILS, with the worst case described (the
 * negative control). A quantity's subclass supplies the two checks, usually a real run and the same run
 * changed by hand, and the tolerance they are decided with (the claim file's, where one exists).
 *
 * @param <E> the theory's experiment type
 * @param <T> the theory's trace type
 */
public abstract class QuantityContract<E extends Experiment, T extends Trace> {

    protected abstract Quantity<E, T> quantity();

    /** How the deviations become a verdict. */
    protected abstract Tolerance tolerance();

    /** A check whose input meets the prediction. */
    protected abstract HandMadeCheck<E, T> meeting();

    /** A check whose input breaks it. */
    protected abstract HandMadeCheck<E, T> breaking();

    /** Whether the quantity names the worst case of a breach; a subclass says no only for one that documents it names none. */
    protected boolean describesTheWorstCase() {
        return true;
    }

    private Measurement measure(HandMadeCheck<E, T> check) {
        return check.measure(quantity());
    }

    @Test
    public void inputThatMeetsThePredictionHolds() {
        Measurement m = measure(meeting());
        assertThat(Verdicts.decide(m, tolerance())).as("%s: %s", m.text(), m.deviations()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    public void inputThatBreaksThePredictionFails() {
        Measurement m = measure(breaking());
        assertThat(Verdicts.decide(m, tolerance())).as("%s: %s", m.text(), m.deviations()).isEqualTo(Verdict.FAILS);
        if (describesTheWorstCase()) {
            assertThat(m.counterexample()).as("the worst case of the breach").isNotBlank();
        }
    }

    @Test
    public void deviationsAreNonNegative() {
        for (HandMadeCheck<E, T> check : List.of(meeting(), breaking())) {
            Measurement m = measure(check);
            for (double d : m.deviations()) {
                assertThat(d).as("a deviation of %s", m.text()).isGreaterThanOrEqualTo(0.0);
            }
        }
    }
}
