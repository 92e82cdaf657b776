package org.theorycheck.theories.scansnap.rungs;

import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.model.LongSequenceLimit;

import java.util.Arrays;

/**
 * Rung 4's vector field: Lemma 4's reduced attention dynamics (Eqn. 10) with Theorem 1's decoder
 * gradient g = γ(t)(ι_n f_n − Σ_{n'≠n} β_{nn'} f_{n'}), γ from Lemma 6 and β_{nn'} = E'_{nn'} with
 * E' = I − (I + E)⁻¹, FᵀF = I + E. Time is the global clock (SGD steps).
 *
 * <p>State layout: for each distinct query token m (ascending), its row z_m (M entries); then, for every
 * class n, B_n(t) = η_Z ∫₀ᵗ ξ_n (Eqn. 12), so that B_n comes out of the same integration.
 *
 * <p>Immutable: every evaluation works on fresh arrays, so one instance may serve several integrations.
 */
public final class ReducedAttentionDynamics implements OrdinaryDifferentialEquation {

    private final SequenceClasses classes;
    private final DecoderClosedForm decoder;
    private final double etaZ;
    private final int vocabulary;
    private final int[] rowOffset;
    private final int[][] support;
    private final int bOffset;

    /**
     * @param decoder gives γ(t); its M and K must match the classes'
     * @param etaZ    η_Z per unit of continuous time
     */
    public ReducedAttentionDynamics(SequenceClasses classes, DecoderClosedForm decoder, double etaZ) {
        if (decoder.vocabulary() != classes.vocabulary() || decoder.classes() != classes.classes()) {
            throw new IllegalArgumentException("the decoder has M = " + decoder.vocabulary() + ", K = "
                    + decoder.classes() + " but the classes have M = " + classes.vocabulary() + ", K = "
                    + classes.classes());
        }
        this.classes = classes;
        this.decoder = decoder;
        this.etaZ = etaZ;
        this.vocabulary = classes.vocabulary();
        int[] queries = classes.queryTokens();
        int k = classes.classes();
        rowOffset = new int[k];
        support = new int[k][];
        for (int n = 0; n < k; n++) {
            rowOffset[n] = Arrays.binarySearch(queries, classes.queryToken(n)) * vocabulary;
            support[n] = classes.support(n);
        }
        bOffset = queries.length * vocabulary;
    }

    @Override
    public int getDimension() {
        return bOffset + classes.classes();
    }

    /** Where z_{ψ(n),·} of class n starts in the state. */
    public int rowOffset(int n) {
        return rowOffset[n];
    }

    /** Where B_n sits in the state. */
    public int bIndex(int n) {
        return bOffset + n;
    }

    /** The state with the given rows of Z (in the order of {@code classes.queryTokens()}) and B_n = 0. */
    public double[] initialState(double[][] queryRows) {
        double[] state = new double[getDimension()];
        for (int i = 0; i < queryRows.length; i++) {
            System.arraycopy(queryRows[i], 0, state, i * vocabulary, vocabulary);
        }
        return state;
    }
    /** A copy of z_{ψ(n),·} from a state. */
    public double[] zRow(double[] state, int n) {
        return Arrays.copyOfRange(state, rowOffset[n], rowOffset[n] + vocabulary);
    }

    /**
     * Lemma 4 in component form (Eqn. 97):
     * dz_ml/dt = η_Z γ Σ_{n∈ψ⁻¹(m)} f_{nl} Σ_{n'≠n} β_{nn'} [(f_nᵀ f_{n'}) f_{nl} − f_{n'l}],
     * and dB_n/dt = η_Z ξ_n with ξ_n = γ Σ_{n'≠n} β_{nn'} f_nᵀ f_{n'} (Theorem 1). Rates per SGD step;
     * {@code state} is not modified, the result is a new array.
     */
    @Override
    public double[] computeDerivatives(double t, double[] state) {
        int k = classes.classes();
        double[][] f = decoderInputs(state);
        double[][] overlap = overlaps(f);
        double[][] beta = betas(overlap);
        double gamma = decoder.gamma(t);
        double[] pulls = pulls(overlap, beta);
        double[] derivative = new double[getDimension()];
        for (int n = 0; n < k; n++) {
            double[] fn = f[n];
            double[] betaN = beta[n];
            double pull = pulls[n];
            derivative[bOffset + n] = etaZ * gamma * pull;
            double scale = etaZ * gamma;
            int offset = rowOffset[n];
            for (int l : support[n]) {
                double fnl = fn[l];
                double bracket = pull * fnl;
                for (int other = 0; other < k; other++) {
                    if (other != n) {
                        bracket -= betaN[other] * f[other][l];
                    }
                }
                derivative[offset + l] += scale * fnl * bracket;
            }
        }
        return derivative;
    }

    /**
     * ξ_n(t) = γ(t) Σ_{n'≠n} β_{nn'} f_nᵀ f_{n'} of Theorem 1, per class, at a state (not modified).
     */
    public double[] xi(double t, double[] state) {
        double[][] overlap = overlaps(decoderInputs(state));
        double[] xi = pulls(overlap, betas(overlap));
        double gamma = decoder.gamma(t);
        for (int n = 0; n < xi.length; n++) {
            xi[n] *= gamma;
        }
        return xi;
    }

    /** Σ_{n'≠n} β_{nn'} f_nᵀ f_{n'} per class: ξ_n without its factor γ. */
    private static double[] pulls(double[][] overlap, double[][] beta) {
        int k = overlap.length;
        double[] pull = new double[k];
        for (int n = 0; n < k; n++) {
            for (int other = 0; other < k; other++) {
                if (other != n) {
                    pull[n] += beta[n][other] * overlap[n][other];
                }
            }
        }
        return pull;
    }

    /** f_n per class, each over the whole vocabulary but computed on its support only. */
    private double[][] decoderInputs(double[] state) {
        int k = classes.classes();
        double[][] f = new double[k][vocabulary];
        for (int n = 0; n < k; n++) {
            LongSequenceLimit.decoderInput(classes, n, state, rowOffset[n], f[n]);
        }
        return f;
    }

    /** E_{nn'} = f_nᵀ f_{n'} (zero diagonal), summed over class n's support where f_n is non-zero. */
    private double[][] overlaps(double[][] f) {
        int k = f.length;
        double[][] e = new double[k][k];
        for (int n = 0; n < k; n++) {
            for (int other = n + 1; other < k; other++) {
                double dot = 0;
                double[] fn = f[n];
                double[] fo = f[other];
                for (int l : support[n]) {
                    dot += fn[l] * fo[l];
                }
                e[n][other] = dot;
                e[other][n] = dot;
            }
        }
        return e;
    }

    /** β = E' = I − (I + E)⁻¹ (Theorem 1; its diagonal is unused). */
    private static double[][] betas(double[][] overlap) {
        int k = overlap.length;
        RealMatrix gram = MatrixUtils.createRealIdentityMatrix(k).add(MatrixUtils.createRealMatrix(overlap));
        RealMatrix inverse = new LUDecomposition(gram).getSolver().getInverse();
        double[][] beta = new double[k][k];
        for (int n = 0; n < k; n++) {
            for (int other = 0; other < k; other++) {
                beta[n][other] = (n == other ? 1 : 0) - inverse.getEntry(n, other);
            }
        }
        return beta;
    }
}
