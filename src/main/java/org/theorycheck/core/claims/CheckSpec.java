package org.theorycheck.core.claims;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One check of a claim, as declared in its file.
 *
 * @param name       a short label, unique within the claim
 * @param rung       symbolic, external (runs read from files), or a rung of the theory's ladder
 * @param experiment the experiment file (null for checks that need none)
 * @param overrides  key=value overrides applied to the experiment
 * @param quick      overrides applied on top unless the full budget is asked for
 * @param quantity   the registered quantity (or, for symbolic checks, the symbolic check id)
 * @param params     the quantity's parameters, as written (strings, numbers, lists)
 * @param tolerance  how the deviation becomes a verdict
 * @param expected   the verdict this check is expected to get
 * @param why        why that verdict is expected and why the tolerance is what it is ("" if the claim file
 *                   gives no reason; required for an expected FAILS or INCONCLUSIVE)
 * @param file       the claim file
 * @param line       the line where the check starts
 * @param runs       on rung {@code external}, the runs its {@code runs:} names, read and checked; null on every other rung
 *
 * <p>Serializable, so that a check can run on another machine: its paths travel as text and, read back
 * there, name the same files in messages (nothing is read from them there).
 */
public record CheckSpec(String name, String rung, Path experiment, List<String> overrides, List<String> quick,
                        String quantity, Map<String, Object> params, Tolerance tolerance, Verdict expected,
                        String why, Path file, int line, ExternalRuns runs) implements Serializable {

    public CheckSpec {
        overrides = List.copyOf(overrides);
        quick = List.copyOf(quick);
        params = Map.copyOf(params);
    }

    /** A check on a rung that computes its runs. */
    public CheckSpec(String name, String rung, Path experiment, List<String> overrides, List<String> quick, String quantity,
                     Map<String, Object> params, Tolerance tolerance, Verdict expected, String why, Path file, int line) {
        this(name, rung, experiment, overrides, quick, quantity, params, tolerance, expected, why, file, line, null);
    }

    /** file:line, for messages and for linking a test to its YAML. */
    public String location() {
        return file + ":" + line;
    }

    /** A path is not serializable; the check travels as this form. */
    private Object writeReplace() {
        return new Serial(name, rung, experiment == null ? null : experiment.toString(), overrides, quick, quantity, params,
                tolerance, expected, why, file.toString(), line, runs);
    }

    private record Serial(String name, String rung, String experiment, List<String> overrides, List<String> quick,
                          String quantity, Map<String, Object> params, Tolerance tolerance, Verdict expected,
                          String why, String file, int line, ExternalRuns runs) implements Serializable {
        private Object readResolve() {
            return new CheckSpec(name, rung, experiment == null ? null : Path.of(experiment), overrides, quick, quantity,
                    params, tolerance, expected, why, Path.of(file), line, runs);
        }
    }
}
