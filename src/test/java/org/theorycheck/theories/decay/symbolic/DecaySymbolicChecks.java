package org.theorycheck.theories.decay.symbolic;

import org.matheclipse.core.interfaces.IExpr;
import org.theorycheck.core.symbolic.Proof;
import org.theorycheck.core.symbolic.SymbolicCheckResult;
import org.theorycheck.core.symbolic.SymbolicEngine;

import java.util.List;

/** The closed form w(t) = w* + (w0 − w*) e^{−ηt} solves dw/dt = −η (w − w*) with w(0) = w0. */
public final class DecaySymbolicChecks {

    public static final List<String> IDS = List.of("closed-form-solves-flow");

    private DecaySymbolicChecks() {}

    public static SymbolicCheckResult run(String id) {
        if (!IDS.contains(id)) {
            throw new IllegalArgumentException("no symbolic check " + id);
        }
        SymbolicEngine engine = SymbolicEngine.shared();
        return Proof.timed(id, "the flow's solution", "w(t) = w* + (w0 - w*) e^{-eta t} solves dw/dt = -eta (w - w*), w(0) = w0",
                SymbolicCheckResult.Method.EXACT_SIMPLIFICATION, () -> {
                    Proof proof = new Proof(engine, SymbolicEngine.DEFAULT_TIMEOUT);
                    IExpr w = engine.parse("wstar + (wzero - wstar)*Exp(-rate*tt)");
                    IExpr dw = engine.parse("D(" + w + ", tt)");
                    proof.zero("ODE", engine.parse("(" + dw + ") + rate*((" + w + ") - wstar)"));
                    proof.zero("initial value", engine.parse("ReplaceAll(" + w + ", tt -> 0) - wzero"));
                    return proof.finding();
                });
    }
}
