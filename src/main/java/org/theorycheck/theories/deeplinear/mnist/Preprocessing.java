package org.theorycheck.theories.deeplinear.mnist;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How the digits' pixels become the network's inputs x (the key {@code data.preprocessing}). The paper
 * does not say what it did to MNIST (reference §5, Fig 4: NOT FOUND); the theory wants Σ11 = I, which
 * only the whitened forms give.
 */
public enum Preprocessing {
    /** The intensities 0–255. */
    NONE("none"),
    /** Intensity / 255, in [0, 1]: the values the npm package stores. */
    SCALED("scaled"),
    /** Scaled, then each pixel's mean over the digits subtracted. */
    CENTRED("centred"),
    /**
     * Centred, then rotated onto the principal axes of Σ11 and each axis divided by the square root of
     * its eigenvalue, keeping the leading components: the inputs have as many dimensions as components
     * kept, and Σ11 = I. (ZCA, which rotates back to the 784 pixels, is not offered: it needs Σ11
     * nonsingular on all 784 pixels, and MNIST's never is, as its border pixels are always 0.)
     */
    WHITENED("whitened");

    private final String key;

    Preprocessing(String key) {
        this.key = key;
    }

    /** The name an experiment uses. */
    public String key() {
        return key;
    }

    /** @throws IllegalArgumentException naming {@code data.preprocessing} and what is allowed */
    public static Preprocessing of(String key) {
        for (Preprocessing p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("data.preprocessing: '" + key + "' is not one of "
                + Arrays.stream(values()).map(Preprocessing::key).collect(Collectors.joining(", ")));
    }
}
