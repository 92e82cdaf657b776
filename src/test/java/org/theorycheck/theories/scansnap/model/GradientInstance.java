package org.theorycheck.theories.scansnap.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A random small sample of the YZ model for gradient tests: Y, Z (row-major M×M), a query m, a target n
 * and a token histogram over distinct tokens with integer counts (repeated tokens), zero counts (which
 * {@link YZGradient} must skip), and often the query token itself among the contextual tokens. The
 * histogram arrays are padded past {@code count} with junk that {@link YZGradient} must ignore.
 */
public record GradientInstance(int size, double[] y, double[] z, int query, int next, int[] tokens, double[] weights,
                        int count, double scale) {

    /** Builds an instance from a seed; {@code size} is M. */
    public static GradientInstance random(int size, long seed) {
        Random r = new Random(seed);
        double spread = new double[] {0.1, 1.0, 2.5}[r.nextInt(3)];
        double[] y = new double[size * size];
        double[] z = new double[size * size];
        for (int i = 0; i < y.length; i++) {
            y[i] = spread * (2 * r.nextDouble() - 1);
            z[i] = spread * (2 * r.nextDouble() - 1);
        }
        int query = r.nextInt(size);
        int next = r.nextInt(size);
        List<Integer> vocabulary = new ArrayList<>();
        for (int l = 0; l < size; l++) {
            vocabulary.add(l);
        }
        Collections.shuffle(vocabulary, r);
        int count = 1 + r.nextInt(size);
        if (r.nextBoolean() && !vocabulary.subList(0, count).contains(query)) {
            vocabulary.set(r.nextInt(count), query);   // a contextual token equal to the query
        }
        int[] tokens = new int[count + 2];
        double[] weights = new double[count + 2];
        boolean anyPositive = false;
        for (int i = 0; i < count; i++) {
            tokens[i] = vocabulary.get(i);
            weights[i] = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(5);   // zero counts and repeated tokens
            anyPositive |= weights[i] > 0;
        }
        if (!anyPositive) {
            weights[r.nextInt(count)] = 1 + r.nextInt(5);
        }
        // junk past count: must be ignored
        tokens[count] = r.nextInt(size);
        tokens[count + 1] = r.nextInt(size);
        weights[count] = 7;
        weights[count + 1] = 3;
        double scale = 0.25 + r.nextDouble();
        return new GradientInstance(size, y, z, query, next, tokens, weights, count, scale);
    }

    /** The contextual tokens as a sequence x_1..x_{T−1} (each token repeated by its count), shuffled. */
    int[] positions(long seed) {
        List<Integer> seq = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < (int) weights[i]; c++) {
                seq.add(tokens[i]);
            }
        }
        Collections.shuffle(seq, new Random(seed));
        return seq.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A gradient buffer prefilled with recognisable values, to check that only the right entries are added to. */
    double[] prefilled(long salt) {
        double[] g = new double[size * size];
        Random r = new Random(salt);
        for (int i = 0; i < g.length; i++) {
            g[i] = r.nextDouble() - 0.5;
        }
        return g;
    }

    /** The loss at (y, z) in the given variant (gradient buffers are scratch). */
    double loss(double[] y, double[] z, boolean normalize, boolean residual) {
        YZGradient g = new YZGradient(size, normalize, residual);
        return g.accumulate(y, z, query, next, tokens, weights, count, 1.0, new double[size * size],
                new double[size * size]);
    }

    @Override
    public String toString() {
        return "M=" + size + " query=" + query + " next=" + next + " tokens="
                + Arrays.toString(Arrays.copyOf(tokens, count)) + " counts=" + Arrays.toString(Arrays.copyOf(weights, count));
    }
}
