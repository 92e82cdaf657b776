package org.theorycheck.theories.deeplinear.mnist;

import java.util.Arrays;

/**
 * A set of MNIST digits: {@code count()} images of {@value #PIXELS} pixels, each pixel an intensity
 * 0–255 (MNIST's own bytes), with the digit each image shows.
 *
 * @param intensities row-major {@code count × 784} unsigned bytes ({@code & 0xFF} reads one)
 * @param labels      the digit 0–9 of each image
 */
public record MnistDigits(byte[] intensities, int[] labels) {

    /** Pixels per image, 28 × 28. */
    public static final int PIXELS = 784;
    /** Digits, and so the length of a one-hot target. */
    public static final int CLASSES = 10;

    public MnistDigits {
        if (intensities.length != labels.length * PIXELS) {
            throw new IllegalArgumentException(intensities.length + " intensities for " + labels.length
                    + " images; an image has " + PIXELS);
        }
        for (int label : labels) {
            if (label < 0 || label >= CLASSES) {
                throw new IllegalArgumentException("label " + label + " is not a digit 0-9");
            }
        }
    }

    public int count() {
        return labels.length;
    }

    /** The intensity 0–255 of pixel {@code j} of image {@code i}. */
    public int intensity(int i, int j) {
        return intensities[i * PIXELS + j] & 0xFF;
    }

    /**
     * The first {@code count} images when the digits are dealt in turn (the first 0, the first 1, …,
     * the first 9, the second 0, …), so any prefix is as balanced over the classes as the set allows;
     * no randomness is involved.
     *
     * @throws IllegalArgumentException naming {@code data.digits} if count is not in 1..count()
     */
    public MnistDigits take(int count) {
        if (count < 1 || count > count()) {
            throw new IllegalArgumentException("data.digits: " + count + " is not in 1.." + count()
                    + " (the MNIST package holds " + count() + " digits)");
        }
        int[][] byClass = new int[CLASSES][];
        int[] sizes = new int[CLASSES];
        for (int label : labels) {
            sizes[label]++;
        }
        for (int c = 0; c < CLASSES; c++) {
            byClass[c] = new int[sizes[c]];
        }
        Arrays.fill(sizes, 0);
        for (int i = 0; i < labels.length; i++) {
            byClass[labels[i]][sizes[labels[i]]++] = i;
        }
        byte[] pixels = new byte[count * PIXELS];
        int[] taken = new int[count];
        int n = 0;
        for (int round = 0; n < count; round++) {
            for (int c = 0; c < CLASSES && n < count; c++) {
                if (round < byClass[c].length) {
                    int i = byClass[c][round];
                    System.arraycopy(intensities, i * PIXELS, pixels, n * PIXELS, PIXELS);
                    taken[n++] = labels[i];
                }
            }
        }
        return new MnistDigits(pixels, taken);
    }
}
