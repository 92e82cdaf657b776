package org.theorycheck.theories.scansnap.model;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.theorycheck.theories.scansnap.experiment.DataSpec;
import org.theorycheck.theories.scansnap.experiment.ModelSpec;
import org.theorycheck.theories.scansnap.data.ContextSampler;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.data.SyntheticFamily;
import org.theorycheck.theories.scansnap.train.SgdRun;

import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The speed-restructured {@link YZGradient} computes what its straightforward predecessor
 * ({@link YZGradientBaseline}) computes — loss, every gradient entry — on random single samples of every
 * variant and size, on random batches whose groups share tokens, on logits far apart (the softmax's
 * overflow path) and over a Syn-Medium minibatch stream. It sums in another order (a group's samples
 * before the batch's, dot products after the sums over samples, the softmax shifted by the target's logit),
 * so the two agree to rounding, not bit for bit: every difference must stay below {@link #RELATIVE} times
 * the size of the terms its entry sums. Those are bounded by the inputs: a sample adds at most scale to an
 * entry of ∂Y (κ ≤ scale, |α − e_n| ≤ 1) and terms of at most scale·max|Y|·(M + 2) to one of ∂Z (products
 * Y_l·(α − e_n) and o·(α − e_n), over M entries, times a ≤ 1 and 1/‖a'‖ ≤ √k ≤ √M), and each tensor's
 * size is the larger of that and its largest entry. Sums of a few hundred terms in another order differ by
 * some 1e-16 of their terms' size; the bound leaves a factor of 100 to spare, and a wrong term — a missing
 * sample, a coefficient off by one normalisation — is of the size of the entries themselves.
 */
class YZGradientOptimisationProperties {

    static final double RELATIVE = 1e-13;

    private static final boolean[][] VARIANTS = {{true, false}, {true, true}, {false, false}, {false, true}};

    @Property(tries = 300)
    void agreesWithThePlainComputationOnRandomSamples(@ForAll @IntRange(min = 3, max = 40) int size,
                                                      @ForAll long seed) {
        GradientInstance s = GradientInstance.random(size, seed);
        for (boolean[] v : VARIANTS) {
            double[] gyNew = s.prefilled(3);
            double[] gzNew = s.prefilled(4);
            double[] gyOld = gyNew.clone();
            double[] gzOld = gzNew.clone();
            double lossNew = new YZGradient(size, v[0], v[1]).accumulate(s.y(), s.z(), s.query(), s.next(),
                    s.tokens(), s.weights(), s.count(), s.scale(), gyNew, gzNew);
            double lossOld = new YZGradientBaseline(size, v[0], v[1], s.count()).accumulate(s.y(), s.z(), s.query(),
                    s.next(), s.tokens(), s.weights(), s.count(), s.scale(), gyOld, gzOld);
            assertAgree(lossNew, lossOld, gyNew, gyOld, gzNew, gzOld, s.scale(), s.y(), s + " variant " + v[0] + "/" + v[1]);
        }
    }

    /**
     * Random batches: a few groups with overlapping token sets (sometimes holding their query), several
     * samples per group in random order, counts with zeros, prefilled gradients.
     */
    @Property(tries = 200)
    void aBatchAgreesWithItsSamplesOneAfterTheOther(@ForAll @IntRange(min = 3, max = 30) int size,
                                                    @ForAll long seed) {
        Random r = new Random(seed);
        double spread = new double[] {0.5, 3, 400}[r.nextInt(3)];
        double[] y = new double[size * size];
        double[] z = new double[size * size];
        for (int i = 0; i < y.length; i++) {
            y[i] = spread * (2 * r.nextDouble() - 1);
            z[i] = 2 * r.nextDouble() - 1;
        }
        int groups = 1 + r.nextInt(4);
        int[] queries = new int[groups];
        int[] nexts = new int[groups];
        int[][] tokens = new int[groups][];
        for (int g = 0; g < groups; g++) {
            queries[g] = r.nextInt(size);
            nexts[g] = r.nextInt(size);
            tokens[g] = r.ints(0, size).distinct().limit(1 + r.nextInt(size)).toArray();
        }
        HistogramBatch batch = new HistogramBatch(queries, nexts, tokens);
        int samples = 1 + r.nextInt(12);
        for (int s = 0; s < samples; s++) {
            int g = r.nextInt(groups);
            double[] w = batch.add(g);
            for (int i = 0; i < tokens[g].length; i++) {
                w[i] = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(5);
            }
            w[r.nextInt(tokens[g].length)] = 1 + r.nextInt(5);
        }
        double scale = 0.25 + r.nextDouble();
        for (boolean[] v : VARIANTS) {
            double[] gyOld = new double[size * size];
            double[] gzOld = new double[size * size];
            for (int i = 0; i < gyOld.length; i++) {
                gyOld[i] = r.nextDouble() - 0.5;
                gzOld[i] = r.nextDouble() - 0.5;
            }
            double[][] yRows = rows(y, size);
            double[][] zRows = rows(z, size);
            double[][] gyRows = rows(gyOld, size);
            double[][] gzRows = rows(gzOld, size);
            double lossNew = new YZGradient(size, v[0], v[1]).accumulate(yRows, zRows, batch, scale, gyRows, gzRows);
            YZGradientBaseline before = new YZGradientBaseline(size, v[0], v[1], size);
            double lossOld = 0;
            for (int s = 0; s < samples; s++) {
                int g = batch.group(s);
                lossOld += before.accumulate(y, z, queries[g], nexts[g], tokens[g], batch.weights(s), tokens[g].length,
                        scale, gyOld, gzOld);
            }
            assertAgree(lossNew, lossOld, flat(gyRows), gyOld, flat(gzRows), gzOld, scale * samples, y,
                    "M=" + size + " seed " + seed + " variant " + v[0] + "/" + v[1]);
        }
    }

    /** Logits a few thousand apart: the sum shifted by the target's logit overflows and the largest logit is used. */
    @Example
    void logitsFarApartTakeTheOverflowPath() {
        int size = 12;
        Random r = new Random(9);
        double[] y = new double[size * size];
        double[] z = new double[size * size];
        for (int i = 0; i < y.length; i++) {
            y[i] = 3000 * (2 * r.nextDouble() - 1);
            z[i] = 2 * r.nextDouble() - 1;
        }
        int[] tokens = {1, 4, 7, 9};
        double[] counts = {2, 1, 3, 1};
        for (boolean[] v : VARIANTS) {
            double[] gyNew = new double[size * size];
            double[] gzNew = new double[size * size];
            double[] gyOld = new double[size * size];
            double[] gzOld = new double[size * size];
            double lossNew = new YZGradient(size, v[0], v[1]).accumulate(y, z, 3, 5, tokens, counts, 4, 1, gyNew, gzNew);
            double lossOld = new YZGradientBaseline(size, v[0], v[1], 4).accumulate(y, z, 3, 5, tokens, counts, 4, 1,
                    gyOld, gzOld);
            assertThat(lossOld).as("the target's logit is far below the largest").isGreaterThan(700);
            assertAgree(lossNew, lossOld, gyNew, gyOld, gzNew, gzOld, 1, y, "variant " + v[0] + "/" + v[1]);
        }
    }

    /** A Syn-Medium minibatch stream (Q = 3, M = 79, uniform init) in batches of 64. */
    @Example
    void agreesOverAMinibatchStream() {
        DataSpec data = new DataSpec(3, 2, 10, 0, 10, 1.0, 0.1, 1.0, 127);
        SequenceClasses classes = SyntheticFamily.build(data);
        int m = classes.vocabulary();
        ModelSpec spec = new ModelSpec(true, false, ModelSpec.Init.UNIFORM);
        YZModel model = YZModel.initial(m, spec, SgdRun.stream(1));
        ContextSampler sampler = new ContextSampler(classes, 127, SgdRun.stream(2));
        YZGradient now = new YZGradient(m, true, false);
        YZGradientBaseline before = new YZGradientBaseline(m, true, false, m);
        HistogramBatch batch = HistogramBatch.of(classes);
        double[][] yRows = rows(model.y(), m);
        double[][] zRows = rows(model.z(), m);
        double[][] gyRows = new double[m][m];
        double[][] gzRows = new double[m][m];
        double[] gyOld = new double[m * m];
        double[] gzOld = new double[m * m];
        double lossNew = 0;
        double lossOld = 0;
        for (int round = 0; round < 4; round++) {
            batch.clear();
            for (int b = 0; b < 64; b++) {
                int n = sampler.nextClass();
                sampler.nextContext(n, batch.add(n));
            }
            lossNew += now.accumulate(yRows, zRows, batch, 1.0 / 256, gyRows, gzRows);
            double roundOld = 0;
            for (int b = 0; b < 64; b++) {
                int n = batch.group(b);
                int[] support = classes.support(n);
                roundOld += before.accumulate(model.y(), model.z(), classes.queryToken(n), classes.nextToken(n), support,
                        batch.weights(b), support.length, 1.0 / 256, gyOld, gzOld);
            }
            lossOld += roundOld;
        }
        assertAgree(lossNew, lossOld, flat(gyRows), gyOld, flat(gzRows), gzOld, 1, model.y(), "Syn-Medium stream");
    }

    /**
     * @param weight scale × number of samples: the most one entry of ∂Y can collect
     * @param y      Y, whose largest entry sets the size of ∂Z's terms
     */
    private static void assertAgree(double lossNew, double lossOld, double[] gyNew, double[] gyOld, double[] gzNew,
                                    double[] gzOld, double weight, double[] y, String what) {
        int size = (int) Math.round(Math.sqrt(y.length));
        double yMax = 0;
        for (double v : y) {
            yMax = Math.max(yMax, Math.abs(v));
        }
        assertThat(Math.abs(lossNew - lossOld)).as("loss, %s", what)
                .isLessThanOrEqualTo(RELATIVE * (Math.abs(lossOld) + 2 * yMax));
        assertThat(gap(gyNew, gyOld, weight)).as("gradient of Y, %s", what).isLessThanOrEqualTo(RELATIVE);
        assertThat(gap(gzNew, gzOld, weight * yMax * (size + 2))).as("gradient of Z, %s", what)
                .isLessThanOrEqualTo(RELATIVE);
    }

    /** max_i |a_i − b_i| / max(terms, max_i |b_i|). */
    private static double gap(double[] a, double[] b, double terms) {
        double worst = 0;
        double scale = terms;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return worst / scale;
    }

    private static double[][] rows(double[] flat, int size) {
        return MovingRows.rowsOf(flat, size, IntStream.range(0, size).toArray());
    }

    private static double[] flat(double[][] rows) {
        double[] flat = new double[rows.length * rows.length];
        MovingRows.writeBack(rows, IntStream.range(0, rows.length).toArray(), flat);
        return flat;
    }
}
