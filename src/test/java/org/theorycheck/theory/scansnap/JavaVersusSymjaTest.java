package org.theorycheck.theory.scansnap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import org.theorycheck.config.ExperimentConfig;
import org.theorycheck.config.ExperimentFile;
import org.theorycheck.data.SequenceClasses;
import org.theorycheck.data.SyntheticFamily;
import org.theorycheck.model.LongSequenceLimit;
import org.theorycheck.model.YZGradient;
import org.theorycheck.theory.SymbolicEngine;
import org.theorycheck.theory.scansnap.symbolic.ScanSnapEquations;
import org.theorycheck.theory.scansnap.symbolic.SymbolicGradient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The symbolic-to-numeric link of the ladder: at random states, every hand-written Java right-hand side
 * and closed form equals Symja's numeric evaluation of the paper's symbolic equation.
 */
class JavaVersusSymjaTest {

    /** Both sides are double evaluations of the same formula; only rounding separates them. */
    private static final double RELATIVE = 1e-12;

    private static ScanSnapEquations eq;

    @BeforeAll
    static void start() {
        eq = new ScanSnapEquations(SymbolicEngine.shared());
    }

    private static void assertRelative(String what, double java, double symja) {
        assertThat(java).as(what).isCloseTo(symja, within(RELATIVE * Math.max(1, Math.abs(symja))));
    }

    @Test
    void decoderClosedFormsMatchLemma6AndEqn9() {
        Random random = new Random(17);
        for (int i = 0; i < 6; i++) {
            int m = 3 + random.nextInt(500);
            int k = 1 + random.nextInt(10);
            double etaY = 0.1 + 4 * random.nextDouble();
            double t = 50 * random.nextDouble();
            DecoderClosedForm decoder = new DecoderClosedForm(m, k, etaY);
            double s = t / k;
            assertRelative("Lemma 6 rhs", decoder.hRate(s), eq.lemma6Rhs(decoder.h(s), m, etaY));
            assertRelative("Lemma 5 step", decoder.discreteH(1)[1], eq.lemma5Step(0, m, etaY));
            assertRelative("gamma(h), Eqn. 9", decoder.gamma(t), eq.gammaOfH(decoder.h(s), m));
        }
    }

    @Test
    void appendixFMatchesEqns13To129() {
        Random random = new Random(23);
        for (int i = 0; i < 6; i++) {
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
            assertRelative("Eqn. 13 rhs", f.equation13().computeDerivatives(t, new double[] {z, 0, 0})[0],
                    eq.eqn13Rhs(z, gamma, c0, etaZ));
            assertRelative("Eqn. 128", capGamma, eq.appFCapGamma(t, m, k, etaY, etaZ));
            assertRelative("z(t)", f.commonLogit(t), eq.appFZ(capGamma, c0));
            assertRelative("Eqn. 123", f.xi(t), eq.appFXi(gamma, capGamma, c0));
            assertRelative("Eqn. 124 from B(0) = 0", f.b(t), eq.appFB(capGamma, c0) - eq.appFB(0, c0));
        }
    }

    @Test
    void theModelGradientIsMinusEqn3() {
        Random random = new Random(5);
        int size = 4;
        int query = 3;
        int[] context = {0, 1, 1};
        for (int i = 0; i < 3; i++) {
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
            // Output token 3 (the query) gets a very negative logit column, so the 4-token softmax
            // equals the 3-token one of the symbolic instance to far below the tolerance.
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
                assertRelative("dz " + l, -gz[query * size + l], eqn3.dz()[l]);
                for (int c = 0; c < 3; c++) {
                    assertRelative("dY " + l + "," + c, -gy[l * size + c], eqn3.dY()[l][c]);
                }
            }
        }
    }

    @Test
    void reducedDynamicsMatchEqn97() {
        ExperimentConfig config = ExperimentFile.read(Path.of("experiments/syn-small.yaml"))
                .withOverrides(List.of("data.queries=1", "data.next_per_query=3", "data.common=2", "data.distinct_per_next=2"))
                .resolve();
        SequenceClasses classes = SyntheticFamily.build(config.data());
        int m = classes.vocabulary();
        double etaY = 1.3;
        double etaZ = 0.7;
        double t = 4.2;
        DecoderClosedForm decoder = new DecoderClosedForm(m, classes.classes(), etaY);
        ReducedAttentionDynamics dynamics = new ReducedAttentionDynamics(classes, decoder, etaZ);
        Random random = new Random(3);
        double[][] rows = new double[classes.queryTokens().length][m];
        for (double[] row : rows) {
            for (int l = 0; l < m; l++) {
                row[l] = random.nextDouble() - 0.5;
            }
        }
        double[] state = dynamics.initialState(rows);
        double[] rate = dynamics.computeDerivatives(t, state);

        int k = classes.classes();
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
        double[][] inverse = org.hipparchus.linear.MatrixUtils.inverse(org.hipparchus.linear.MatrixUtils.createRealMatrix(gram)).getData();
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
            assertRelative("Eqn. 97, token " + classes.label(l), rate[offset + l], symja);
        }
    }
}
