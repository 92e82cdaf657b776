package org.theorycheck.theories.scansnap.symbolic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import org.theorycheck.core.symbolic.SymbolicEngine;

/**
 * One sample of the normalized YZ model (paper Sec. 3.1, Eqns. 1-2) over a vocabulary of
 * {@value #VOCABULARY} tokens, with every entry of {@code Y} and of the query's row {@code z} of
 * {@code Z} a symbol.
 *
 * <p>Forward pass: {@code b} is the softmax of {@code z} over the contextual positions,
 * {@code a = X^T b} (so {@code a_l = count_l e^{z_l} / sum_l' count_l' e^{z_l'}}, the token
 * histogram entering through {@code count}), {@code f = a/||a||}, {@code o = Y^T f},
 * {@code alpha = softmax(o)}, loss {@code = -log alpha_n}. The paper maximizes {@code J = -loss}.
 * The softmax normalizer cancels in {@code a/||a||}, so {@code f} is built as
 * {@code count_l e^{z_l} / ||count e^z||}: the same function, in a form the algebra system
 * differentiates in milliseconds instead of seconds.
 *
 * <p>Confined to the thread that created it (see {@link SymbolicEngine}).
 */
public final class SmallInstance {

    /** Vocabulary size M of the instance. */
    public static final int VOCABULARY = 3;

    private final int[] contextTokens;
    private final int next;
    private final ISymbol[][] y = new ISymbol[VOCABULARY][VOCABULARY];
    private final ISymbol[] z = new ISymbol[VOCABULARY];
    private final IExpr[] a = new IExpr[VOCABULARY];
    private final IExpr[] f = new IExpr[VOCABULARY];
    private final IExpr[] o = new IExpr[VOCABULARY];
    private final IExpr[] alpha = new IExpr[VOCABULARY];
    private final IExpr objective;
    private final SymbolicEngine engine;
    private final Map<ISymbol, IExpr> derivatives = new HashMap<>();

    SmallInstance(SymbolicEngine engine, int[] contextTokens, int next) {
        if (contextTokens.length == 0) {
            throw new IllegalArgumentException("need at least one contextual token");
        }
        for (int token : contextTokens) {
            checkToken(token);
        }
        checkToken(next);
        this.engine = engine;
        this.contextTokens = contextTokens.clone();
        this.next = next;
        int[] count = new int[VOCABULARY];
        for (int token : contextTokens) {
            count[token]++;
        }
        for (int l = 0; l < VOCABULARY; l++) {
            z[l] = engine.symbol("z" + l);
            for (int k = 0; k < VOCABULARY; k++) {
                y[l][k] = engine.symbol("y" + l + k);
            }
        }
        IASTAppendable partition = F.PlusAlloc(VOCABULARY);
        for (int l = 0; l < VOCABULARY; l++) {
            if (count[l] > 0) {
                partition.append(F.Times(F.ZZ(count[l]), F.Exp(z[l])));
            }
        }
        IASTAppendable squaredNorm = F.PlusAlloc(VOCABULARY);
        IExpr[] weight = new IExpr[VOCABULARY];
        for (int l = 0; l < VOCABULARY; l++) {
            weight[l] = count[l] == 0 ? F.C0 : F.Times(F.ZZ(count[l]), F.Exp(z[l]));
            a[l] = F.Divide(weight[l], partition);
            squaredNorm.append(F.Sqr(weight[l]));
        }
        IExpr norm = F.Sqrt(squaredNorm);
        for (int l = 0; l < VOCABULARY; l++) {
            f[l] = F.Divide(weight[l], norm);
        }
        IASTAppendable logSumExp = F.PlusAlloc(VOCABULARY);
        for (int k = 0; k < VOCABULARY; k++) {
            IASTAppendable logit = F.PlusAlloc(VOCABULARY);
            for (int l = 0; l < VOCABULARY; l++) {
                logit.append(F.Times(y[l][k], f[l]));
            }
            o[k] = logit;
            logSumExp.append(F.Exp(logit));
        }
        for (int k = 0; k < VOCABULARY; k++) {
            alpha[k] = F.Divide(F.Exp(o[k]), logSumExp);
        }
        objective = F.Subtract(o[next], F.Log(logSumExp));
    }

    private static void checkToken(int token) {
        if (token < 0 || token >= VOCABULARY) {
            throw new IllegalArgumentException("token " + token + " outside the vocabulary [0, " + VOCABULARY + ")");
        }
    }

    public int[] contextTokens() {
        return contextTokens.clone();
    }

    public int next() {
        return next;
    }

    /** Decoder entry {@code Y_{lk}} (row: contextual token, column: output token). */
    public ISymbol y(int l, int k) {
        return y[l][k];
    }

    /** Query-row attention logit {@code z_{ml}}. */
    public ISymbol z(int l) {
        return z[l];
    }

    /** Every symbol of the instance: the 9 entries of Y row by row, then the 3 of z. */
    public List<ISymbol> variables() {
        List<ISymbol> all = new ArrayList<>();
        for (ISymbol[] row : y) {
            all.addAll(Arrays.asList(row));
        }
        all.addAll(Arrays.asList(z));
        return all;
    }

    /** Attention-weighted token histogram {@code a = X^T b} (Eqn. 1). */
    public IExpr a(int l) {
        return a[l];
    }

    /** Decoder input {@code f = a/||a||} (Eqn. 2), written without the normalizer that cancels. */
    public IExpr f(int l) {
        return f[l];
    }

    /** Output logit {@code o_k = (Y^T f)_k}. */
    public IExpr o(int k) {
        return o[k];
    }

    /** Output probability {@code alpha_k = softmax(o)_k}. */
    public IExpr alpha(int k) {
        return alpha[k];
    }

    /** The objective {@code J = log alpha_n = -loss}, which gradient ascent maximizes. */
    public IExpr objective() {
        return objective;
    }

    /**
     * {@code dJ/dv} as differentiated by the algebra system, for {@code v} one of {@link #variables()};
     * computed once per variable (about a second each).
     */
    public IExpr objectiveDerivative(ISymbol v) {
        return derivatives.computeIfAbsent(v, x -> engine.evaluate(F.D(objective, x)));
    }

    /** The loss {@code -log alpha_n}. */
    public IExpr loss() {
        return F.Negate(objective);
    }

    /** Component {@code l} of the back-propagated signal {@code g = Y(e_n - alpha)}. */
    public IExpr backSignal(int l) {
        IASTAppendable sum = F.PlusAlloc(VOCABULARY);
        for (int k = 0; k < VOCABULARY; k++) {
            sum.append(F.Times(y[l][k], F.Subtract(k == next ? F.C1 : F.C0, alpha[k])));
        }
        return sum;
    }

    /** Entry {@code (l,k)} of Eqn. 3's {@code dY/dt = f (e_n - alpha)^T} (learning rate 1). */
    public IExpr eqn3DeltaY(int l, int k) {
        return F.Times(f[l], F.Subtract(k == next ? F.C1 : F.C0, alpha[k]));
    }

    /** Entry {@code l} of Eqn. 3's {@code dz_m/dt = diag(f)(I - f f^T) Y(e_n - alpha)} (learning rate 1). */
    public IExpr eqn3DeltaZ(int l) {
        IASTAppendable fDotG = F.PlusAlloc(VOCABULARY);
        for (int j = 0; j < VOCABULARY; j++) {
            fDotG.append(F.Times(f[j], backSignal(j)));
        }
        return F.Times(f[l], F.Subtract(backSignal(l), F.Times(f[l], fDotG)));
    }
}
