package org.theorycheck.theories.scansnap.data;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.MarsagliaTsangWangDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * Draws samples of the sequence classes: the class n uniformly from [K], then T−1 contextual tokens
 * i.i.d. from P(·|n), kept as a histogram over the class's support. The model only needs the histogram
 * (paper §1.1: Xᵀdiag(b)X = diag(a)), so a sample costs O(T) draws and O(|support|) memory. One sampler
 * per run: it owns the run's random stream and is not thread-safe.
 *
 * <p>The draws use Marsaglia, Tsang and Wang's table lookup (Commons RNG), which holds each P(l|n) to
 * 30 bits (an error below 1e-9) and draws about four times as fast as the alias method on this model's
 * supports: one 32-bit random number and no unpredictable branch per token.
 */
public final class ContextSampler {

    private final SequenceClasses classes;
    private final UniformRandomProvider rng;
    private final SharedStateDiscreteSampler[] perClass;
    private final int[] supportSize;
    private final int[][] supports;
    private final int context;
    private final int[] tally;

    /**
     * @param classes the sequence classes
     * @param context T−1, contextual tokens per sample
     * @param rng     the run's random stream
     */
    public ContextSampler(SequenceClasses classes, int context, UniformRandomProvider rng) {
        this.classes = classes;
        this.rng = rng;
        this.context = context;
        perClass = new SharedStateDiscreteSampler[classes.classes()];
        supportSize = new int[classes.classes()];
        supports = new int[classes.classes()][];
        int widest = 0;
        for (int n = 0; n < classes.classes(); n++) {
            int[] support = classes.support(n);
            supports[n] = support;
            supportSize[n] = support.length;
            widest = Math.max(widest, support.length);
            double[] p = new double[support.length];
            for (int i = 0; i < support.length; i++) {
                p[i] = classes.probability(n, support[i]);
            }
            perClass[n] = MarsagliaTsangWangDiscreteSampler.Enumerated.of(rng, p);
        }
        tally = new int[widest];
    }

    /** Draws a class uniformly from [K]. */
    public int nextClass() {
        return rng.nextInt(classes.classes());
    }

    /**
     * Draws the T−1 contextual tokens of class n into {@code counts}, indexed like
     * {@link SequenceClasses#support(int)} (overwritten, length ≥ |support|).
     */
    public void nextContext(int n, double[] counts) {
        int size = supportSize[n];
        // integer tallies: a repeated token waits on an integer increment, not on a floating-point add
        java.util.Arrays.fill(tally, 0, size, 0);
        SharedStateDiscreteSampler s = perClass[n];
        for (int t = 0; t < context; t++) {
            tally[s.sample()]++;
        }
        for (int i = 0; i < size; i++) {
            counts[i] = tally[i];
        }
    }

    /**
     * Draws the T−1 contextual tokens of class n as a sequence of vocabulary indices into {@code tokens}
     * (length ≥ T−1), for models that read tokens in order rather than as a histogram.
     */
    public void nextSequence(int n, int[] tokens) {
        int[] support = supports[n];
        SharedStateDiscreteSampler s = perClass[n];
        for (int t = 0; t < context; t++) {
            tokens[t] = support[s.sample()];
        }
    }

    /** T−1. */
    public int context() {
        return context;
    }
}
