package org.theorycheck.theories.deeplinear.spectra;

import java.io.Serializable;
import java.util.Arrays;

/**
 * What one sample of product spectra needs (Fig 6B, 6C): products W_Tot = W^{(N_l−1)} ··· W^{(1)}
 * (eq 19) of {@code factors[k]} = N_l − 1 i.i.d. N × N matrices of an ensemble, each of
 * {@code realisations} chains of matrices giving one product per entry of {@code factors}.
 *
 * @param ensemble     the matrices' ensemble ({@code spectra.ensemble})
 * @param width        N ({@code spectra.width})
 * @param factors      the numbers of matrices multiplied, strictly increasing, each ≥ 1 ({@code spectra.factors})
 * @param realisations independent chains ({@code spectra.realisations})
 */
public record SpectraSettings(Ensemble ensemble, int width, int[] factors, int realisations) implements Serializable {

    private static final long serialVersionUID = 1L;

    public SpectraSettings {
        if (width < 2) {
            throw new IllegalArgumentException("spectra.width: " + width + " is not an integer >= 2");
        }
        if (factors.length == 0 || factors[0] < 1) {
            throw new IllegalArgumentException("spectra.factors: " + Arrays.toString(factors)
                    + " must be a non-empty list of integers >= 1");
        }
        for (int k = 1; k < factors.length; k++) {
            if (factors[k] <= factors[k - 1]) {
                throw new IllegalArgumentException("spectra.factors: " + Arrays.toString(factors) + " must increase strictly");
            }
        }
        if (realisations < 1) {
            throw new IllegalArgumentException("spectra.realisations: " + realisations + " is not an integer >= 1");
        }
        factors = factors.clone();
    }

    /** The default budget: N = 200, products of 1 to 16 matrices, 5 realisations (a few seconds). */
    public static SpectraSettings quick(Ensemble ensemble) {
        return new SpectraSettings(ensemble, 200, new int[] {1, 2, 4, 8, 16}, 5);
    }

    /**
     * The paper's size (Fig 6B: N = 1000, 500 realisations) over the same depths: about a minute per
     * realisation on one core (a 1000 × 1000 product costs 0.4–0.6 s, its eigenvalues 8–10 s, its
     * singular values 1.2 s), so some 8 core-hours.
     */
    public static SpectraSettings full(Ensemble ensemble) {
        return new SpectraSettings(ensemble, 1000, new int[] {1, 2, 4, 8, 16}, 500);
    }

    @Override
    public int[] factors() {
        return factors.clone();
    }
}
