package org.theorycheck.core.claims;

import org.theorycheck.core.symbolic.SymbolicCheckResult;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The symbolic checks a claim file can name with {@code rung: symbolic}. */
public interface SymbolicChecks {

    /** The check ids. */
    List<String> ids();

    /** Runs one: deviation 0 if the identity was established, 1 if it was refuted; the text says how. */
    Measurement run(String id);

    /** None. */
    static SymbolicChecks none() {
        return of(List.of(), id -> {
            throw new IllegalArgumentException("no symbolic check " + id);
        });
    }

    /**
     * Checks that a theory decides with the core's proof machinery: an established identity holds, a
     * refuted one fails with its counter-example, an undecided one is INCONCLUSIVE; the evidence column
     * names the method.
     */
    static SymbolicChecks of(List<String> ids, Function<String, SymbolicCheckResult> decide) {
        List<String> known = List.copyOf(ids);
        return new SymbolicChecks() {
            @Override
            public List<String> ids() {
                return known;
            }

            @Override
            public Measurement run(String id) {
                SymbolicCheckResult r = decide.apply(id);
                String how = r.method().name().toLowerCase(Locale.ROOT).replace('_', ' ');
                return switch (r.decision()) {
                    case ESTABLISHED -> Measurement.decision(true, "holds by " + how + ": " + r.detail(), "", how);
                    case REFUTED -> Measurement.decision(false, "refuted by " + how + ": " + r.detail(), r.detail(), how);
                    case UNDECIDED -> Measurement.decision(null, "undecided by " + how + ": " + r.detail(), "", how);
                };
            }
        };
    }
}
