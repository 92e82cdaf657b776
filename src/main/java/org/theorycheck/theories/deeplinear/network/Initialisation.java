package org.theorycheck.theories.deeplinear.network;

import org.theorycheck.theories.deeplinear.SettingException;
/**
 * How the weights start. Every kind is drawn from the run's {@code INIT} stream, so the same seed gives
 * the same weights.
 */
public sealed interface Initialisation {

    /**
     * Decoupled initial conditions (Sec 1.3 for N_l = 3, Sec 2 for deeper networks):
     * {@code W_l = R_{l+1} D_l R_lᵀ} with R_1 = V, R_{N_l} = U (the task's singular vectors) and the
     * hidden R_l random orthogonal. Each of the first m modes (m = the narrowest layer, or fewer if the
     * data drive fewer modes) starts with composite strength {@code u0 = Π_l a_l}: balanced, every
     * {@code a_l = u0^{1/(N_l−1)}}, or for N_l = 3 with {@code imbalance = a² − b² = c0 ≠ 0} (App. A), where
     * a is the mode's strength in W_1 and b in W_2.
     */
    record Decoupled(double u0, double imbalance) implements Initialisation {
        public Decoupled {
            if (!(u0 > 0) || !Double.isFinite(u0)) {
                throw new SettingException("model.u0", "must be positive and finite, got " + u0);
            }
            if (!Double.isFinite(imbalance)) {
                throw new SettingException("model.imbalance", "must be finite, got " + imbalance);
            }
        }

        public static Decoupled balanced(double u0) {
            return new Decoupled(u0, 0);
        }
    }

    /** Independent N(0, std²) entries ("small random initial conditions", Fig 3; std 0.01 in Fig 5). */
    record SmallGaussian(double std) implements Initialisation {
        public SmallGaussian {
            if (!(std > 0) || !Double.isFinite(std)) {
                throw new SettingException("model.init_std", "must be positive and finite, got " + std);
            }
        }
    }

    /**
     * Independent N(0, 1/n_in) entries, n_in the layer's fan-in (Sec 3's "scaled Gaussian", norm-preserving
     * on average; the paper writes 1/√N for N×N layers).
     */
    record ScaledGaussian() implements Initialisation {}

    /**
     * {@code gain} times a random orthogonal matrix (QR of a Gaussian with the sign fix; for a rectangular
     * layer, orthonormal rows or columns), Sec 3.
     */
    record RandomOrthogonal(double gain) implements Initialisation {
        public RandomOrthogonal {
            if (!(gain > 0) || !Double.isFinite(gain)) {
                throw new SettingException("model.gain", "must be positive and finite, got " + gain);
            }
        }
    }

    /**
     * Greedy layer-wise pretraining (App. F, Fig 5): for l = 1 … N_l − 2, W_l is the encoder of a linear
     * autoencoder (encoder and decoder from N(0, std²)) trained by {@code steps} batch steps of eq 13 at
     * rate {@code rate} to reconstruct the activity of layer l (Σ31 = Σ11 = that activity's correlation);
     * the output layer W_{N_l−1} is drawn from N(0, std²), an INFERRED choice (App. F does not say how the
     * top layer starts before fine-tuning).
     */
    record GreedyPretraining(double std, double rate, int steps) implements Initialisation {
        public GreedyPretraining {
            if (!(std > 0) || !Double.isFinite(std)) {
                throw new SettingException("model.init_std", "must be positive and finite, got " + std);
            }
            if (!(rate > 0) || !Double.isFinite(rate)) {
                throw new SettingException("model.pretrain_rate", "must be positive and finite, got " + rate);
            }
            if (steps < 0) {
                throw new SettingException("model.pretrain_steps", "must be a non-negative integer, got " + steps);
            }
        }
    }
}
