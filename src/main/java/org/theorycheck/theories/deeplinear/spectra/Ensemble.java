package org.theorycheck.theories.deeplinear.spectra;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;

/** The two initialisations Fig 6 compares, as ensembles of N × N matrices (the key {@code spectra.ensemble}). */
public enum Ensemble {
    /** i.i.d. N(0, 1/N) entries. */
    GAUSSIAN("gaussian"),
    /** Haar-random orthogonal. */
    ORTHOGONAL("orthogonal");

    private final String key;

    Ensemble(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** One matrix drawn from the ensemble. */
    public DMatrixRMaj draw(int n, UniformRandomProvider rng) {
        return this == GAUSSIAN ? RandomMatrices.scaledGaussian(n, rng) : RandomMatrices.haarOrthogonal(n, rng);
    }

    /** @throws IllegalArgumentException naming {@code spectra.ensemble} and what is allowed */
    public static Ensemble of(String key) {
        for (Ensemble e : values()) {
            if (e.key.equals(key)) {
                return e;
            }
        }
        throw new IllegalArgumentException("spectra.ensemble: '" + key + "' is not one of gaussian, orthogonal");
    }
}
