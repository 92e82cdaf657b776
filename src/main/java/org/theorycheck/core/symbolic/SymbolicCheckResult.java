package org.theorycheck.core.symbolic;

import java.util.Objects;

/**
 * The outcome of one symbolic check of a paper claim.
 *
 * @param id        stable identifier that claim files use to name the check
 * @param source    where the claim comes from in the paper, e.g. "Lemma 6, Eqn. 44-45"
 * @param statement the claim in plain words
 * @param method    how the claim was decided; says how strong the evidence is
 * @param decision  established, refuted (with a counter-example in the detail) or undecided
 * @param detail    what was computed: the residual, the limits found, the points tried, the
 *                  counter-example, or why the check could not decide
 * @param seconds   wall time spent on the check
 */
public record SymbolicCheckResult(
        String id, String source, String statement, Method method, Decision decision, String detail, double seconds) {

    /**
     * What a symbolic check found. A claim is refuted only by a counter-example: a residual that the
     * algebra system leaves non-zero, or a time limit reached, leaves it undecided.
     */
    public enum Decision {
        /** The method established the claim (as strongly as the method's evidence goes). */
        ESTABLISHED,
        /** A counter-example was found: a point where the residual is a non-zero number. */
        REFUTED,
        /** Neither: the time limit was reached, or the algebra system returned a form it could not reduce. */
        UNDECIDED
    }

    /** How a symbolic check reached its verdict, from strongest to weakest evidence. */
    public enum Method {
        /** The residual was simplified to exactly 0: a proof, up to the correctness of the algebra system. */
        EXACT_SIMPLIFICATION,
        /** A limit or series computed by the algebra system equals the claimed value. */
        SYMBOLIC_LIMIT,
        /** The residual is exactly 0 at N random rational points: necessary, not sufficient. */
        EXACT_RATIONAL_POINTS,
        /** The residual evaluated with 30 significant digits stays below a stated bound at N points. */
        HIGH_PRECISION_POINTS,
        /**
         * The residual evaluated in double precision stays below a stated bound at N points: the
         * weakest evidence, used only where the stronger methods do not finish in reasonable time.
         */
        MACHINE_PRECISION_POINTS
    }

    public SymbolicCheckResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(detail, "detail");
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("seconds must be >= 0, got " + seconds);
        }
    }

    /** Whether the claim was established. */
    public boolean holds() {
        return decision == Decision.ESTABLISHED;
    }
}
