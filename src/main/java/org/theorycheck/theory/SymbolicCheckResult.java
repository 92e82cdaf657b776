package org.theorycheck.theory;

import java.util.Objects;

/**
 * The outcome of one symbolic check of a paper claim.
 *
 * @param id        stable identifier that claim files use to name the check
 * @param source    where the claim comes from in the paper, e.g. "Lemma 6, Eqn. 44-45"
 * @param statement the claim in plain words
 * @param method    how the claim was decided; says how strong the evidence is
 * @param holds     whether the claim survived the check
 * @param detail    what was computed: the residual, the limits found, the points tried
 * @param seconds   wall time spent on the check
 */
public record SymbolicCheckResult(
        String id, String source, String statement, Method method, boolean holds, String detail, double seconds) {

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
        Objects.requireNonNull(detail, "detail");
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("seconds must be >= 0, got " + seconds);
        }
    }
}
