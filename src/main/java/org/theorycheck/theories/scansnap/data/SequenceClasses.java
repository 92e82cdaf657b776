package org.theorycheck.theories.scansnap.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A family of sequence classes (paper §1.3): next token n has query token ψ(n) and context distribution
 * P(·|n) over the vocabulary. Token roles (distinct/common) follow from the supports. Immutable.
 *
 * <p>Classes are indexed {@code n = 0..K-1}; {@link #nextToken(int)} and {@link #queryToken(int)} give
 * their vocabulary indices, which are the row/column indices of Y and Z.
 */
public final class SequenceClasses implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final double SUM_TOLERANCE = 1e-9;

    private final int vocabulary;
    private final int[] queryToken;
    private final int[] nextToken;
    private final double[][] probability;
    private final String[] labels;
    private final int[][] support;
    private final int[][] distinct;
    private final TokenRole[] roles;
    private final int[] queries;

    /**
     * @param vocabulary  M
     * @param queryToken  ψ(n) as a vocabulary index, per class
     * @param nextToken   the vocabulary index of next token n, per class
     * @param probability P(l|n), {@code [K][M]}; each row a distribution
     * @param labels      a short name per vocabulary token, for tables and plots
     */
    public SequenceClasses(int vocabulary, int[] queryToken, int[] nextToken, double[][] probability, String[] labels) {
        int k = queryToken.length;
        if (nextToken.length != k || probability.length != k) {
            throw new IllegalArgumentException("queryToken, nextToken and probability must have one entry per class");
        }
        if (labels.length != vocabulary) {
            throw new IllegalArgumentException("need one label per vocabulary token");
        }
        this.vocabulary = vocabulary;
        this.queryToken = queryToken.clone();
        this.nextToken = nextToken.clone();
        this.labels = labels.clone();
        this.probability = new double[k][];
        this.support = new int[k][];
        int[] classesWith = new int[vocabulary];
        for (int n = 0; n < k; n++) {
            double[] p = probability[n];
            if (p.length != vocabulary) {
                throw new IllegalArgumentException("P(.|" + n + ") has " + p.length + " entries, expected " + vocabulary);
            }
            checkIndex(queryToken[n], "query token of class " + n);
            checkIndex(nextToken[n], "next token of class " + n);
            double sum = 0;
            for (int l = 0; l < vocabulary; l++) {
                if (!(p[l] >= 0) || !Double.isFinite(p[l])) {
                    throw new IllegalArgumentException("P(" + l + "|" + n + ") = " + p[l] + " is not a probability");
                }
                sum += p[l];
            }
            if (Math.abs(sum - 1) > SUM_TOLERANCE) {
                throw new IllegalArgumentException("P(.|" + n + ") sums to " + sum + ", not 1");
            }
            this.probability[n] = p.clone();
            this.support[n] = indicesWhere(p);
            for (int l : support[n]) {
                classesWith[l]++;
            }
        }
        roles = new TokenRole[vocabulary];
        for (int l = 0; l < vocabulary; l++) {
            roles[l] = classesWith[l] == 0 ? TokenRole.ABSENT
                    : classesWith[l] == 1 ? TokenRole.DISTINCT : TokenRole.COMMON;
        }
        distinct = new int[k][];
        for (int n = 0; n < k; n++) {
            distinct[n] = Arrays.stream(support[n]).filter(l -> roles[l] == TokenRole.DISTINCT).toArray();
        }
        queries = Arrays.stream(queryToken).distinct().sorted().toArray();
    }

    private void checkIndex(int token, String what) {
        if (token < 0 || token >= vocabulary) {
            throw new IllegalArgumentException(what + " = " + token + " is outside the vocabulary [0, " + vocabulary + ")");
        }
    }

    private static int[] indicesWhere(double[] p) {
        return java.util.stream.IntStream.range(0, p.length).filter(l -> p[l] > 0).toArray();
    }

    /** M, the vocabulary size. */
    public int vocabulary() {
        return vocabulary;
    }

    /** K, the number of classes (next tokens). */
    public int classes() {
        return queryToken.length;
    }

    /** ψ(n), as a vocabulary index. */
    public int queryToken(int n) {
        return queryToken[n];
    }

    /** The vocabulary index of next token n (the target of the loss). */
    public int nextToken(int n) {
        return nextToken[n];
    }

    /** P(l|n). */
    public double probability(int n, int l) {
        return probability[n][l];
    }

    /** A copy of P(·|n) over the whole vocabulary. */
    public double[] distribution(int n) {
        return probability[n].clone();
    }

    /** The tokens with P(l|n) > 0, ascending. */
    public int[] support(int n) {
        return support[n].clone();
    }

    /** G_DT(n): the distinct tokens of class n, ascending. */
    public int[] distinctTokens(int n) {
        return distinct[n].clone();
    }

    /** The role of token l, from its support count |Ω(l)|. */
    public TokenRole role(int l) {
        return roles[l];
    }

    /** The distinct query tokens, ascending. */
    public int[] queryTokens() {
        return queries.clone();
    }

    /** ψ⁻¹(m): the classes whose query token is m, ascending. */
    public int[] classesOfQuery(int m) {
        List<Integer> out = new ArrayList<>();
        for (int n = 0; n < classes(); n++) {
            if (queryToken[n] == m) {
                out.add(n);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A short readable name of token l. */
    public String label(int l) {
        return labels[l];
    }
}
