package org.theorycheck.core.symbolic;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The one computer-algebra service of the project (Symja behind a small interface).
 *
 * <p>Thread confinement: each thread gets its own evaluator, because the underlying engine is not
 * thread-safe. Symbols belong to the evaluator of the thread that created them, so an {@link IExpr}
 * built on one thread must be substituted into and evaluated on that same thread; a symbol made on
 * another thread would silently fail to match.
 *
 * <p>The service starts lazily on first use (the algebra system's start-up takes seconds) and is
 * shared by the whole process. Call {@link #shutdown()} once at exit so that the algebra system's
 * worker threads do not keep the JVM alive.
 */
public interface SymbolicEngine {

    /** Default limit for a single simplification; a hung Simplify must not hang the tool. */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    /** The process-wide engine, started on first call. */
    static SymbolicEngine shared() {
        return SymjaEngine.instance();
    }

    /**
     * A symbol of the calling thread's evaluator. Names are case-folded by the parser's relaxed
     * syntax and some short names ({@code beta}, {@code gamma}, {@code pi}, ...) are built-in
     * functions, so pick distinctive lower-case names.
     */
    ISymbol symbol(String name);

    /** Parses and evaluates text in the relaxed syntax, e.g. {@code "D(Log(1+x), x)"}. */
    IExpr parse(String text);

    /** Evaluates an expression with the default time limit. */
    IExpr evaluate(IExpr expr);

    /**
     * Evaluates an expression, giving up after {@code timeout}.
     *
     * @throws SymbolicTimeoutException if the time limit is reached
     */
    IExpr evaluate(IExpr expr, Duration timeout);

    /**
     * Brings an expression to a simple form: common denominator first, then general simplification
     * if that did not already give 0.
     *
     * @throws SymbolicTimeoutException if the time limit is reached
     */
    IExpr simplify(IExpr expr, Duration timeout);

    /** Whether {@link #simplify} reduces the expression to exactly 0. */
    default boolean simplifiesToZero(IExpr expr, Duration timeout) {
        return simplify(expr, timeout).isZero();
    }

    /** Replaces each symbol by its expression, everywhere at once, then evaluates. */
    IExpr substitute(IExpr expr, Map<ISymbol, ? extends IExpr> replacements);

    /**
     * Machine-precision value of an expression whose free symbols are all given.
     *
     * @throws IllegalArgumentException if the result is not a real number
     */
    double numeric(IExpr expr, Map<ISymbol, Double> values);

    /**
     * Value with {@code digits} significant digits; the given doubles are first converted to the
     * exact rationals they represent, so no rounding enters before the high-precision evaluation.
     *
     * @throws IllegalArgumentException if the result is not a real number
     */
    BigDecimal numeric(IExpr expr, Map<ISymbol, Double> values, int digits);

    /** Exact rational equal to a finite double. */
    IExpr exactRational(double value);

    /**
     * Whether {@code expr} is exactly 0 at {@code n} random positive rational points (each variable
     * drawn as {@code p/q}, {@code 1 <= p <= 97}, {@code 1 <= q <= 31}). Passing is necessary for an
     * identity, not sufficient.
     */
    default boolean isZeroAtRationals(IExpr expr, List<ISymbol> vars, int n, long seed) {
        return zeroAtRationals(expr, vars, n, seed, DEFAULT_TIMEOUT).allZero();
    }

    /** As {@link #isZeroAtRationals}, with the evidence: points tried and the first non-zero value. */
    RationalPoints zeroAtRationals(IExpr expr, List<ISymbol> vars, int n, long seed, Duration timeoutPerPoint);

    /** Stops the algebra system's worker threads. Call once, when the process is about to exit. */
    void shutdown();

    /**
     * Evidence from an exact evaluation at rational points.
     *
     * @param allZero      whether every point gave exactly 0
     * @param pointsTried  how many points were evaluated (stops at the first non-zero one)
     * @param counterexample the first point with a non-zero value and that value, or "" if none
     */
    record RationalPoints(boolean allZero, int pointsTried, String counterexample) {}
}
