package org.theorycheck.theories.scansnap.train;

import org.theorycheck.theories.scansnap.data.ContextSampler;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.model.HistogramBatch;
import org.theorycheck.theories.scansnap.model.YZGradient;

/** The mean loss gradient over a freshly sampled minibatch (rung 1). Owns its sampler's stream. */
public final class MinibatchGradient implements GradientSource {

    private final ContextSampler sampler;
    private final YZGradient gradient;
    private final int batchSize;
    private final HistogramBatch batch;

    public MinibatchGradient(SequenceClasses classes, ContextSampler sampler, YZGradient gradient, int batchSize) {
        this.sampler = sampler;
        this.gradient = gradient;
        this.batchSize = batchSize;
        batch = HistogramBatch.of(classes);
    }

    @Override
    public double gradient(double[][] y, double[][] z, double[][] gradY, double[][] gradZ) {
        batch.clear();
        for (int b = 0; b < batchSize; b++) {
            int n = sampler.nextClass();
            sampler.nextContext(n, batch.add(n));
        }
        double scale = 1.0 / batchSize;
        return gradient.accumulate(y, z, batch, scale, gradY, gradZ) * scale;
    }
}
