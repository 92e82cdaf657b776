package org.theorycheck.theories.deeplinear.network;

import java.util.List;
import java.util.Optional;

import org.theorycheck.theories.deeplinear.linalg.Matrix;

/**
 * The weights a run starts from, and for a decoupled initialisation the frames R_1 … R_{N_l} in which
 * each W_l is diagonal ({@code R_{l+1}ᵀ W_l R_l = D_l}).
 *
 * @param frames for a decoupled start, the first m columns of each R_l (R_1 = V, R_{N_l} = U), and the
 *               per-layer mode strengths {@code a[l][α]}; empty otherwise
 */
public record InitialState(List<Matrix> weights, Optional<Frames> frames) {

    public InitialState {
        weights = List.copyOf(weights);
    }

    /**
     * @param columns  R_1 … R_{N_l}, each n_l × m with orthonormal columns
     * @param strength strength[l][α] is the diagonal entry of D_{l+1} for mode α+1 (0-based arrays)
     */
    public record Frames(List<Matrix> columns, double[][] strength) {
        public Frames {
            columns = List.copyOf(columns);
        }

        /** Number of decoupled modes m. */
        public int modes() {
            return columns.get(0).cols();
        }
    }
}
