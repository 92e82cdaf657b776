package org.theorycheck.train;

import org.theorycheck.data.ContextSampler;
import org.theorycheck.data.SequenceClasses;
import org.theorycheck.model.YZGradient;
import org.theorycheck.model.YZModel;

/** The mean loss gradient over a freshly sampled minibatch (rung 1). Owns its sampler's stream. */
public final class MinibatchGradient implements GradientSource {

    private final SequenceClasses classes;
    private final ContextSampler sampler;
    private final YZGradient gradient;
    private final int batch;
    private final int[][] support;
    private final double[] counts;
    private final double[][] yRows;
    private final double[][] gradYRows;

    public MinibatchGradient(SequenceClasses classes, ContextSampler sampler, YZGradient gradient, int batch) {
        this.classes = classes;
        this.sampler = sampler;
        this.gradient = gradient;
        this.batch = batch;
        support = new int[classes.classes()][];
        int widest = 0;
        for (int n = 0; n < classes.classes(); n++) {
            support[n] = classes.support(n);
            widest = Math.max(widest, support[n].length);
        }
        counts = new double[widest];
        int m = classes.vocabulary();
        yRows = new double[m][m];
        gradYRows = new double[m][m];
    }

    @Override
    public double gradient(YZModel model, double[] gradY, double[] gradZ) {
        double scale = 1.0 / batch;
        double loss = 0;
        // Y stays fixed over the minibatch, so it is laid out as rows once per step, not once per sample.
        YZGradient.copyToRows(model.y(), yRows);
        YZGradient.copyToRows(gradY, gradYRows);
        for (int b = 0; b < batch; b++) {
            int n = sampler.nextClass();
            sampler.nextContext(n, counts);
            loss += gradient.accumulate(yRows, model.z(), classes.queryToken(n), classes.nextToken(n), support[n],
                    counts, support[n].length, scale, gradYRows, gradZ);
        }
        YZGradient.copyFromRows(gradYRows, gradY);
        return loss * scale;
    }
}
