package org.theorycheck.theories.scansnap.symbolic;

import org.hipparchus.linear.MatrixUtils;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import org.theorycheck.theories.scansnap.experiment.DataSpec;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.data.SyntheticFamily;
import org.theorycheck.theories.scansnap.model.LongSequenceLimit;
import org.theorycheck.theories.scansnap.model.YZGradient;
import org.theorycheck.core.symbolic.Proof;
import org.theorycheck.core.symbolic.SymbolicCheckResult;
import org.theorycheck.core.symbolic.SymbolicCheckResult.Decision;
import org.theorycheck.core.symbolic.SymbolicCheckResult.Method;
import org.theorycheck.theories.scansnap.rungs.AppendixF;
import org.theorycheck.theories.scansnap.rungs.DecoderClosedForm;
import org.theorycheck.theories.scansnap.rungs.ReducedAttentionDynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The links between the numbers and the paper: at random states, each hand-written Java right-hand
 * side or closed form that a rung integrates equals Symja's evaluation of the paper's equation. Each is
 * a symbolic check, so the verdict table shows that the rungs compute the paper's equations.
 */
final class JavaSymjaBridges {

    /** Both sides are double evaluations of the same formula; only rounding separates them. */
    static final double RELATIVE = 1e-12;

    private final ScanSnapEquations eq;

    JavaSymjaBridges(ScanSnapEquations eq) {
        this.eq = eq;
    }

    /** The largest relative gap between Java and Symja over the values compared, and where it is. */
    private static final class Gaps {
        private double worst;
        private String where = "";
        private int compared;

        void compare(String what, double java, double symja) {
            double gap = Math.abs(java - symja) / Math.max(1, Math.abs(symja));
            compared++;
            if (gap > worst || Double.isNaN(gap)) {
                worst = Double.isNaN(gap) ? Double.POSITIVE_INFINITY : gap;
                where = what + ": Java " + java + ", Symja " + symja;
            }
        }

        Proof.Finding finding(String states) {
            boolean holds = worst <= RELATIVE;
            return new Proof.Finding(holds ? Decision.ESTABLISHED : Decision.REFUTED,
                    "max relative gap " + worst + " over " + compared + " values at " + states + " (bound " + RELATIVE + ")"
                            + (holds ? "" : "; largest: " + where));
        }
    }

    /** DecoderClosedForm's Lemma 6 rate, Lemma 5 step and γ(h) against Lemma 6, Lemma 5 and Eqn. 9. */
    SymbolicCheckResult decoder() {
        return Proof.timed("bridge-decoder", "Lemma 5, Lemma 6 (Eqn. 44), Eqn. 9",
                "the decoder rung's Java h-rate, Euler step and gamma(h) equal Symja's Lemma 6, Lemma 5 and Eqn. 9",
                Method.MACHINE_PRECISION_POINTS, () -> {
                    Random random = new Random(17);
                    Gaps gaps = new Gaps();
                    int states = 6;
                    for (int i = 0; i < states; i++) {
                        int m = 3 + random.nextInt(500);
                        int k = 1 + random.nextInt(10);
                        double etaY = 0.1 + 4 * random.nextDouble();
                        double t = 50 * random.nextDouble();
                        DecoderClosedForm decoder = new DecoderClosedForm(m, k, etaY);
                        double s = t / k;
                        gaps.compare("Lemma 6 rhs at M=" + m, decoder.hRate(s), eq.lemma6Rhs(decoder.h(s), m, etaY));
                        gaps.compare("Lemma 5 step at M=" + m, decoder.discreteH(1)[1], eq.lemma5Step(0, m, etaY));
                        gaps.compare("Eqn. 9 at M=" + m, decoder.gamma(t), eq.gammaOfH(decoder.h(s), m));
                    }
                    return gaps.finding(states + " random (M, K, eta_Y, t)");
                });
    }

    /** AppendixF's Java forms against Eqns. 13, 123, 124 and 128. */
    SymbolicCheckResult appendixF() {
        return Proof.timed("bridge-appendix-f", "Appendix F, Eqns. 13, 123, 124, 128",
                "the closed rung's Java Eqn. 13 right-hand side, Gamma(t), z(t), xi(t) and B(t) equal Symja's",
                Method.MACHINE_PRECISION_POINTS, () -> {
                    Random random = new Random(23);
                    Gaps gaps = new Gaps();
                    int states = 6;
                    for (int i = 0; i < states; i++) {
                        int m = 3 + random.nextInt(500);
                        int k = 2 + random.nextInt(10);
                        double etaY = 0.1 + 4 * random.nextDouble();
                        double etaZ = 0.1 + 4 * random.nextDouble();
                        double c0 = 0.1 + 3 * random.nextDouble();
                        double t = 80 * random.nextDouble();
                        AppendixF f = new AppendixF(new DecoderClosedForm(m, k, etaY), etaZ, c0);
                        double gamma = f.decoder().gamma(t);
                        double capGamma = f.bigGamma(t);
                        double z = -random.nextDouble();
                        gaps.compare("Eqn. 13 rhs", f.equation13().computeDerivatives(t, new double[] {z, 0, 0})[0],
                                eq.eqn13Rhs(z, gamma, c0, etaZ));
                        gaps.compare("Eqn. 128", capGamma, eq.appFCapGamma(t, m, k, etaY, etaZ));
                        gaps.compare("z(t)", f.commonLogit(t), eq.appFZ(capGamma, c0));
                        gaps.compare("Eqn. 123", f.xi(t), eq.appFXi(gamma, capGamma, c0));
                        gaps.compare("Eqn. 124 from B(0) = 0", f.b(t), eq.appFB(capGamma, c0) - eq.appFB(0, c0));
                    }
                    return gaps.finding(states + " random (M, K, eta_Y, eta_Z, C0, t)");
                });
    }

    /**
     * The SGD and map rungs' gradient (YZGradient) against minus Eqn. 3 on the M = 3 instance with
     * contextual tokens (0, 1, 1); a fourth token, the query, gets a very negative logit column so that
     * the 4-token softmax equals the 3-token one far below the bound.
     */
    SymbolicCheckResult gradient() {
        return Proof.timed("bridge-gradient", "Lemma 1, Eqn. 3",
                "the SGD and map rungs' Java gradient of the loss equals minus Symja's Eqn. 3 (dY and dz)",
                Method.MACHINE_PRECISION_POINTS, () -> {
                    Random random = new Random(5);
                    int size = 4;
                    int query = 3;
                    int[] context = {0, 1, 1};
                    Gaps gaps = new Gaps();
                    int states = 3;
                    for (int i = 0; i < states; i++) {
                        double[][] y = new double[3][3];
                        double[] zRow = new double[3];
                        double[] yFlat = new double[size * size];
                        double[] zFlat = new double[size * size];
                        for (int l = 0; l < 3; l++) {
                            zRow[l] = 2 * random.nextDouble() - 1;
                            zFlat[query * size + l] = zRow[l];
                            for (int c = 0; c < 3; c++) {
                                y[l][c] = 2 * random.nextDouble() - 1;
                                yFlat[l * size + c] = y[l][c];
                            }
                        }
                        for (int l = 0; l < size; l++) {
                            yFlat[l * size + 3] = -800;
                        }
                        int next = random.nextInt(3);
                        double[] gy = new double[size * size];
                        double[] gz = new double[size * size];
                        new YZGradient(size, true, false).accumulate(yFlat, zFlat, query, next, new int[] {0, 1},
                                new double[] {1, 2}, 2, 1, gy, gz);
                        SymbolicGradient eqn3 = eq.eqn3Gradient(y, zRow, context, next);
                        for (int l = 0; l < 3; l++) {
                            gaps.compare("dz " + l, -gz[query * size + l], eqn3.dz()[l]);
                            for (int c = 0; c < 3; c++) {
                                gaps.compare("dY " + l + "," + c, -gy[l * size + c], eqn3.dY()[l][c]);
                            }
                        }
                    }
                    return gaps.finding(states + " random (Y, z, next token)");
                });
    }

    /**
     * The reduced rung's right-hand side (ReducedAttentionDynamics) against Eqn. 97 with
     * β = I − (f_nᵀf_n')⁻¹, on one query with three classes, two common and two distinct tokens each.
     */
    SymbolicCheckResult reduced() {
        return Proof.timed("bridge-reduced-eqn97", "Lemma 4, Eqn. 10 / Eqn. 97",
                "the reduced rung's Java right-hand side dz/dt equals Symja's Eqn. 97 at random states",
                Method.MACHINE_PRECISION_POINTS, () -> {
                    SequenceClasses classes = SyntheticFamily.build(new DataSpec(1, 3, 2, 0, 2, 1.0, 0.1, 1.0, 127));
                    int m = classes.vocabulary();
                    int k = classes.classes();
                    Random random = new Random(3);
                    Gaps gaps = new Gaps();
                    int states = 3;
                    for (int i = 0; i < states; i++) {
                        double etaY = 0.5 + random.nextDouble();
                        double etaZ = 0.5 + random.nextDouble();
                        double t = 10 * random.nextDouble();
                        DecoderClosedForm decoder = new DecoderClosedForm(m, k, etaY);
                        ReducedAttentionDynamics dynamics = new ReducedAttentionDynamics(classes, decoder, etaZ);
                        double[][] rows = new double[classes.queryTokens().length][m];
                        for (double[] row : rows) {
                            for (int l = 0; l < m; l++) {
                                row[l] = random.nextDouble() - 0.5;
                            }
                        }
                        double[] state = dynamics.initialState(rows);
                        double[] rate = dynamics.computeDerivatives(t, state);
                        double[][] f = new double[k][];
                        for (int n = 0; n < k; n++) {
                            f[n] = LongSequenceLimit.decoderInput(classes, n, dynamics.zRow(state, n));
                        }
                        double[][] gram = new double[k][k];
                        for (int a = 0; a < k; a++) {
                            for (int b = 0; b < k; b++) {
                                for (int l = 0; l < m; l++) {
                                    gram[a][b] += f[a][l] * f[b][l];
                                }
                            }
                        }
                        double[][] inverse = MatrixUtils.inverse(MatrixUtils.createRealMatrix(gram)).getData();
                        List<List<IExpr>> fExpr = new ArrayList<>();
                        IExpr[][] beta = new IExpr[k][k];
                        for (int a = 0; a < k; a++) {
                            List<IExpr> row = new ArrayList<>();
                            for (double v : f[a]) {
                                row.add(F.num(v));
                            }
                            fExpr.add(row);
                            for (int b = 0; b < k; b++) {
                                beta[a][b] = F.num((a == b ? 1 : 0) - inverse[a][b]);
                            }
                        }
                        List<Integer> ofQuery = new ArrayList<>();
                        for (int n : classes.classesOfQuery(classes.queryToken(0))) {
                            ofQuery.add(n);
                        }
                        ScanSnapEquations.Symbols sym = eq.symbols();
                        Map<ISymbol, Double> values = Map.of(sym.etaZ(), etaZ, sym.gamma(), decoder.gamma(t));
                        int offset = dynamics.rowOffset(0);
                        for (int l = 0; l < m; l++) {
                            double symja = eq.engine().numeric(eq.eqn97(fExpr, beta, ofQuery, l), values);
                            gaps.compare("Eqn. 97, token " + classes.label(l), rate[offset + l], symja);
                        }
                    }
                    return gaps.finding(states + " random (Z rows, eta_Y, eta_Z, t)");
                });
    }
}
