package org.theorycheck.theories.deeplinear.measure;

/**
 * What a measurement of one prediction found: {@code value} is 0 when the prediction holds exactly and
 * grows with the violation (NaN when the run cannot tell, e.g. a mode that never reached s/2: an
 * inconclusive measurement), and {@code text} says what was measured, with units.
 */
public record Deviation(double value, String text) {

    public boolean inconclusive() {
        return Double.isNaN(value);
    }
}
