package org.theorycheck.model;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.theorycheck.config.DataSpec;
import org.theorycheck.config.ModelSpec;
import org.theorycheck.data.ContextSampler;
import org.theorycheck.data.SequenceClasses;
import org.theorycheck.data.SyntheticFamily;
import org.theorycheck.train.SgdRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The speed-restructured {@link YZGradient} gives the same bits as its previous implementation
 * ({@link YZGradientBaseline}) — loss, every gradient entry — on random instances of every variant and
 * size (including supports that are not a multiple of the row blocking), and over a whole
 * Syn-Medium minibatch stream, with Y flat and laid out as rows.
 */
class YZGradientOptimisationProperties {

    private static final boolean[][] VARIANTS = {{true, false}, {true, true}, {false, false}, {false, true}};

    @Property(tries = 300)
    void sameBitsAsBeforeOnRandomInstances(@ForAll @IntRange(min = 3, max = 40) int size, @ForAll long seed) {
        GradientInstance s = GradientInstance.random(size, seed);
        for (boolean[] v : VARIANTS) {
            double[] gyNew = s.prefilled(3);
            double[] gzNew = s.prefilled(4);
            double[] gyOld = gyNew.clone();
            double[] gzOld = gzNew.clone();
            double lossNew = new YZGradient(size, v[0], v[1], s.count()).accumulate(s.y(), s.z(), s.query(), s.next(),
                    s.tokens(), s.weights(), s.count(), s.scale(), gyNew, gzNew);
            double lossOld = new YZGradientBaseline(size, v[0], v[1], s.count()).accumulate(s.y(), s.z(), s.query(),
                    s.next(), s.tokens(), s.weights(), s.count(), s.scale(), gyOld, gzOld);
            assertThat(Double.doubleToRawLongBits(lossNew)).isEqualTo(Double.doubleToRawLongBits(lossOld));
            assertThat(gyNew).isEqualTo(gyOld);
            assertThat(gzNew).isEqualTo(gzOld);
        }
    }

    /** A Syn-Medium minibatch stream (Q = 3, M = 79, uniform init) accumulated by both: the same bits. */
    @Example
    void sameBitsOverAMinibatchStream() {
        DataSpec data = new DataSpec(3, 2, 10, 0, 10, 1.0, 0.1, 1.0, 127);
        SequenceClasses classes = SyntheticFamily.build(data);
        int m = classes.vocabulary();
        ModelSpec spec = new ModelSpec(true, false, ModelSpec.Init.UNIFORM);
        YZModel model = YZModel.initial(m, spec, SgdRun.stream(1));
        ContextSampler sampler = new ContextSampler(classes, 127, SgdRun.stream(2));
        int widest = SgdRun.maxSupport(classes);
        YZGradient now = new YZGradient(m, true, false, widest);
        YZGradientBaseline before = new YZGradientBaseline(m, true, false, widest);
        double[] gyNew = new double[m * m];
        double[] gzNew = new double[m * m];
        double[] gyOld = new double[m * m];
        double[] gzOld = new double[m * m];
        double[] counts = new double[widest];
        double[][] yRows = new double[m][m];
        double[][] gyRows = new double[m][m];
        double[] gzRows = new double[m * m];
        YZGradient.copyToRows(model.y(), yRows);
        double lossNew = 0;
        double lossRows = 0;
        double lossOld = 0;
        for (int b = 0; b < 256; b++) {
            int n = sampler.nextClass();
            sampler.nextContext(n, counts);
            int[] support = classes.support(n);
            lossNew += now.accumulate(model.y(), model.z(), classes.queryToken(n), classes.nextToken(n), support, counts,
                    support.length, 1.0 / 256, gyNew, gzNew);
            lossRows += now.accumulate(yRows, model.z(), classes.queryToken(n), classes.nextToken(n), support, counts,
                    support.length, 1.0 / 256, gyRows, gzRows);
            lossOld += before.accumulate(model.y(), model.z(), classes.queryToken(n), classes.nextToken(n), support, counts,
                    support.length, 1.0 / 256, gyOld, gzOld);
        }
        assertThat(Double.doubleToRawLongBits(lossNew)).isEqualTo(Double.doubleToRawLongBits(lossOld));
        assertThat(gyNew).isEqualTo(gyOld);
        assertThat(gzNew).isEqualTo(gzOld);
        // the row layout MinibatchGradient uses
        double[] gyFromRows = new double[m * m];
        YZGradient.copyFromRows(gyRows, gyFromRows);
        assertThat(Double.doubleToRawLongBits(lossRows)).isEqualTo(Double.doubleToRawLongBits(lossOld));
        assertThat(gyFromRows).isEqualTo(gyOld);
        assertThat(gzRows).isEqualTo(gzOld);
    }
}
