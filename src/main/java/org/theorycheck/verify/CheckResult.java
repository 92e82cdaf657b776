package org.theorycheck.verify;

/**
 * The outcome of one check.
 *
 * @param claim       the claim it belongs to
 * @param check       the check
 * @param verdict     what was found
 * @param measurement what was measured (null if the check could not be computed)
 * @param error       why it could not be computed ("" otherwise)
 * @param seconds     wall time it took
 */
public record CheckResult(Claim claim, CheckSpec check, Verdict verdict, Measurement measurement, String error,
                          double seconds) {

    /** Whether the verdict is the expected one. */
    public boolean asExpected() {
        return verdict == check.expected();
    }

    /** The measured headline for tables. */
    public String measuredText() {
        return measurement == null ? "error: " + error : measurement.text();
    }
}
