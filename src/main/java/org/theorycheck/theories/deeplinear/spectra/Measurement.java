package org.theorycheck.theories.deeplinear.spectra;

/**
 * What one measurement of a prediction found: a deviation that is 0 exactly when the prediction holds
 * and grows as it fails (never negative), and a sentence with the measured numbers and their units.
 * Whether a deviation is small enough is the claim's business, not the measurement's.
 */
public record Measurement(double deviation, String text) {

    public Measurement {
        if (!(deviation >= 0)) {
            throw new IllegalArgumentException("a deviation is a number >= 0, not " + deviation + " (" + text + ")");
        }
    }
}
