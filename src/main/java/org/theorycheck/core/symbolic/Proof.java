package org.theorycheck.core.symbolic;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import org.theorycheck.core.symbolic.SymbolicCheckResult.Decision;
import org.theorycheck.core.symbolic.SymbolicCheckResult.Method;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The proof machinery every theory's symbolic checks share: a check is made of named parts, and is
 * established iff every part is, refuted iff some part has a counter-example (a rational point where a
 * residual is a non-zero number), and undecided otherwise — a residual the algebra system leaves
 * unreduced, or a time limit reached, is never a refutation. Confined to the calling thread, as the
 * engine is.
 */
public final class Proof {

    /** What a check found. */
    public record Finding(Decision decision, String detail) {}

    /** The computation of a check. */
    public interface Body {
        Finding compute();
    }

    /** Random points tried for counter-examples and point-wise checks; fixed so that every run reports the same evidence. */
    public static final long SEED = 20230516L;

    /** Significant digits of high-precision evaluations. */
    public static final int HIGH_PRECISION_DIGITS = 30;

    /** Points tried when looking for a counter-example to a residual that did not simplify to 0. */
    private static final int COUNTEREXAMPLE_POINTS = 8;

    /** A residual this far from 0 at 30 digits is a counter-example, not round-off. */
    private static final double COUNTEREXAMPLE_FLOOR = 1e-15;

    private final SymbolicEngine engine;
    private final Duration limit;
    private final StringBuilder detail = new StringBuilder();
    private boolean refuted;
    private boolean undecided;

    /**
     * @param limit the time limit of each simplification; reaching it leaves the part undecided
     */
    public Proof(SymbolicEngine engine, Duration limit) {
        this.engine = engine;
        this.limit = limit;
    }

    /** Runs a check; a time limit reached anywhere leaves it undecided, never refuted. */
    public static SymbolicCheckResult timed(String id, String source, String statement, Method method, Body body) {
        long start = System.nanoTime();
        Finding finding;
        try {
            finding = body.compute();
        } catch (SymbolicTimeoutException e) {
            finding = new Finding(Decision.UNDECIDED, undecidedWithin(e) + ": " + e.getMessage());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new SymbolicCheckResult(id, source, statement, method, finding.decision(), finding.detail(), seconds);
    }

    private static String undecidedWithin(SymbolicTimeoutException e) {
        long ms = e.limit().toMillis();
        return "undecided within " + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms");
    }

    /**
     * Part: the residual is identically 0. Established if it simplifies to 0; refuted if it is a non-zero
     * number at some rational point; undecided if it does neither or the time limit is reached.
     */
    public void zero(String name, IExpr residual) {
        IExpr simplified;
        try {
            simplified = engine.simplify(residual, limit);
        } catch (SymbolicTimeoutException e) {
            undecided = true;
            note(name + ": " + undecidedWithin(e) + " (simplification of the residual)");
            return;
        }
        if (simplified.isZero()) {
            note(name + ": residual simplifies to 0");
            return;
        }
        String counterexample = counterexample(simplified);
        if (counterexample != null) {
            refuted = true;
            note(name + ": residual is not 0: " + counterexample);
        } else {
            undecided = true;
            note(name + ": undecided: Symja leaves the residual as " + simplified + " and it is 0 to "
                    + HIGH_PRECISION_DIGITS + " digits at every rational point tried");
        }
    }

    /** Part: a fact computed exactly or to a stated precision; false is a counter-example, described by {@code what}. */
    public void require(String name, boolean ok, String what) {
        refuted |= !ok;
        note(name + ": " + what);
    }

    /** Part: a limit the algebra system evaluates; an unevaluated {@code Limit} leaves it undecided. */
    public void limit(String name, IExpr computed, boolean ok, String what) {
        if (!ok && computed.has(F.Limit)) {
            undecided = true;
            note(name + ": undecided: Symja returns " + computed + "; " + what);
            return;
        }
        require(name, ok, what);
    }

    /** Adds a line of detail. */
    public void note(String text) {
        if (detail.length() > 0) {
            detail.append("; ");
        }
        detail.append(text);
    }

    /** The decision of the parts so far, with their details. */
    public Finding finding() {
        Decision d = refuted ? Decision.REFUTED : undecided ? Decision.UNDECIDED : Decision.ESTABLISHED;
        return new Finding(d, detail.toString());
    }

    /**
     * A rational point where the residual is a non-zero real number (checked to 30 digits), described
     * with the value; null if none of the points tried gives one, or if the residual has free terms
     * other than symbols (then a point does not determine it).
     */
    private String counterexample(IExpr residual) {
        IExpr variables = engine.evaluate(F.Variables(residual));
        if (!variables.isList()) {
            return null;
        }
        List<ISymbol> symbols = new ArrayList<>();
        for (IExpr v : (IAST) variables) {
            if (!(v instanceof ISymbol symbol)) {
                return null;
            }
            symbols.add(symbol);
        }
        Random random = new Random(SEED);
        for (int i = 0; i < COUNTEREXAMPLE_POINTS; i++) {
            Map<ISymbol, IExpr> point = new LinkedHashMap<>();
            for (ISymbol v : symbols) {
                int q = 2 + random.nextInt(30);
                point.put(v, F.QQ(1 + random.nextInt(q - 1), q));
            }
            IExpr value = engine.substitute(residual, point);
            double numeric;
            try {
                numeric = engine.numeric(value, Map.of(), HIGH_PRECISION_DIGITS).doubleValue();
            } catch (IllegalArgumentException outsideTheRealDomain) {
                continue;
            }
            if (Math.abs(numeric) > COUNTEREXAMPLE_FLOOR) {
                return "at " + point + " it is " + value + " = " + numeric;
            }
        }
        return null;
    }
}
