package org.theorycheck.theories.deeplinear.symbolic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import org.theorycheck.core.symbolic.SymbolicCheckResult.Decision;
import org.theorycheck.core.symbolic.SymbolicEngine;
import org.theorycheck.core.symbolic.SymbolicTimeoutException;

/**
 * The parts of one symbolic check and what they add up to: established iff every part is, refuted iff
 * some part has a counter-example (a point where a residual is a non-zero number, evaluated to 30
 * digits), otherwise undecided. A residual the algebra system neither reduces to 0 nor refutes, or a
 * time limit reached, leaves the check undecided, never refuted.
 */
final class Proof {

    /** Significant digits of the counter-example evaluations. */
    private static final int DIGITS = 30;

    /** A residual this far from 0 at 30 digits is a counter-example, not round-off. */
    private static final double COUNTEREXAMPLE_FLOOR = 1e-15;

    /** Rational points tried when looking for a counter-example. */
    private static final int POINTS = 8;

    /** Fixed, so that every run reports the same evidence. */
    private static final long SEED = 20140219L;

    private final SymbolicEngine engine;
    private final Duration limit;
    private final StringBuilder detail = new StringBuilder();
    private boolean refuted;
    private boolean undecided;

    Proof(SymbolicEngine engine, Duration limit) {
        this.engine = engine;
        this.limit = limit;
    }

    /** Part: {@code residual} is identically 0 (after {@code PowerExpand}, i.e. for positive symbols). */
    void zero(String name, IExpr residual) {
        IExpr simplified;
        try {
            simplified = engine.simplify(engine.evaluate(F.PowerExpand(residual), limit), limit);
        } catch (SymbolicTimeoutException e) {
            undecided = true;
            note(name + ": undecided within " + limit.toSeconds() + " s (simplification of the residual)");
            return;
        }
        if (simplified.isZero()) {
            note(name + ": residual simplifies to 0");
            return;
        }
        String counterexample = counterexample(simplified);
        if (counterexample != null) {
            refuted = true;
            note(name + ": residual is " + simplified + ", not 0: " + counterexample);
        } else {
            undecided = true;
            note(name + ": undecided: Symja leaves " + simplified + ", 0 to " + DIGITS + " digits at every point tried");
        }
    }

    /** Part: a fact computed exactly or to a stated precision; false refutes, described by {@code what}. */
    void require(String name, boolean ok, String what) {
        refuted |= !ok;
        note(name + ": " + what);
    }

    void note(String text) {
        if (detail.length() > 0) {
            detail.append("; ");
        }
        detail.append(text);
    }

    Decision decision() {
        return refuted ? Decision.REFUTED : undecided ? Decision.UNDECIDED : Decision.ESTABLISHED;
    }

    String detail() {
        return detail.toString();
    }

    /** A point of positive rationals (each below 1, so that tanh-like variables stay in range) where the residual is a non-zero real. */
    private String counterexample(IExpr residual) {
        IExpr variables = engine.evaluate(F.Variables(residual), limit);
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
        for (int i = 0; i < POINTS; i++) {
            Map<ISymbol, IExpr> point = new LinkedHashMap<>();
            for (ISymbol v : symbols) {
                int q = 2 + random.nextInt(30);
                point.put(v, F.QQ(1 + random.nextInt(q - 1), q));
            }
            IExpr value = engine.substitute(residual, point);
            double numeric;
            try {
                numeric = engine.numeric(value, Map.of(), DIGITS).doubleValue();
            } catch (IllegalArgumentException outsideTheRealDomain) {
                continue;
            }
            if (Math.abs(numeric) > COUNTEREXAMPLE_FLOOR) {
                return "at " + point + " it is " + numeric;
            }
        }
        return null;
    }
}
