package org.theorycheck.core.claims;

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

    /** The deviation compared with the tolerance (worst case or upper end of the seed interval); NaN if none. */
    public double deviation() {
        return measurement == null ? Double.NaN : Verdicts.deviation(measurement, check.tolerance());
    }

    /** The kind of evidence behind the verdict, e.g. "worst of 4 cases" or "exact simplification". */
    public String evidence() {
        return measurement == null ? "" : Verdicts.evidence(measurement, check.tolerance());
    }

    /** The measured headline for tables. */
    public String measuredText() {
        return measurement == null ? "error: " + error : measurement.text();
    }
}
