package org.theorycheck.verify;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One check of a claim, as declared in its file.
 *
 * @param name       a short label, unique within the claim
 * @param rung       symbolic, or a rung of the ladder: transformer, sgd, map, flow, reduced, closed
 * @param experiment the experiment file (null for checks that need none)
 * @param overrides  key=value overrides applied to the experiment
 * @param quick      overrides applied on top unless the full budget is asked for
 * @param quantity   the registered quantity (or, for symbolic checks, the symbolic check id)
 * @param params     the quantity's parameters, as written (strings, numbers, lists)
 * @param tolerance  how the deviation becomes a verdict
 * @param expected   the verdict this check is expected to get
 * @param file       the claim file
 * @param line       the line where the check starts
 */
public record CheckSpec(String name, String rung, Path experiment, List<String> overrides, List<String> quick,
                        String quantity, Map<String, Object> params, Tolerance tolerance, Verdict expected,
                        Path file, int line) {

    public CheckSpec {
        overrides = List.copyOf(overrides);
        quick = List.copyOf(quick);
        params = Map.copyOf(params);
    }

    /** file:line, for messages and for linking a test to its YAML. */
    public String location() {
        return file + ":" + line;
    }
}
