package org.theorycheck.theories.deeplinear.ladder;

import java.util.function.DoubleConsumer;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.theorycheck.core.ladder.DivergenceException.At;
import org.theorycheck.theories.deeplinear.RandomStreams;
import org.theorycheck.theories.deeplinear.network.Backprop;
import org.theorycheck.theories.deeplinear.task.Task;
import org.theorycheck.theories.deeplinear.SettingException;

/**
 * The real network trained by minibatch SGD on the samples: each epoch visits the P examples in a fresh
 * random order (the run's {@code SGD} stream) in batches of {@code train.batch}, each batch updating
 * {@code W_l += λ G_l(B)} by forward and backward passes ({@link Backprop}). One epoch is one step of
 * the time axis ({@link LearningRate}); batch = P is full-batch gd computed from the samples.
 */
public final class SgdRung extends DeepLinearRung {

    @Override
    public String name() {
        return "sgd";
    }

    /** The minibatches tile each epoch: the batch size divides P. */
    @Override
    public void requireApplicable(DeepLinearRun run) {
        int p = run.task().samples();
        if (p % run.batch() != 0) {
            throw new SettingException("train.batch", run.batch() + " must divide the number of samples P = " + p);
        }
    }

    @Override
    public DeepLinearTrace run(DeepLinearRun run, long seed, DoubleConsumer progress) {
        requireApplicable(run);
        Start start = Start.of(run, seed);
        Task task = start.task();
        int p = task.samples();
        int b = run.batch();
        Observables observables = start.observables();
        Observables.Recorder recorder = start.discreteRecorder(name(), observables, progress);
        double[][] w = start.weightArrays();
        int[] widths = start.network().widths();
        Backprop backprop = new Backprop(start.network(), b);
        double[][] g = new double[w.length][];
        for (int l = 0; l < w.length; l++) {
            g[l] = new double[w[l].length];
        }
        int n1 = task.inputDimension();
        int n3 = task.outputDimension();
        double[] x = task.inputs().data();
        double[] y = task.targets().data();
        double[] xb = new double[b * n1];
        double[] yb = new double[b * n3];
        UniformRandomProvider rng = RandomStreams.SGD.stream(seed);
        int[] order = PermutationSampler.natural(p);
        double[] record = run.recordSteps();
        int next = 0;
        for (int epoch = 0; ; epoch++) {
            if (next < record.length && record[next] == epoch) {
                recorder.add(epoch, observables.of(start.asMatrices(w)));
                next++;
            }
            if (epoch == run.steps()) {
                break;
            }
            PermutationSampler.shuffle(rng, order);
            for (int first = 0; first < p; first += b) {
                for (int i = 0; i < b; i++) {
                    System.arraycopy(x, order[first + i] * n1, xb, i * n1, n1);
                    System.arraycopy(y, order[first + i] * n3, yb, i * n3, n3);
                }
                backprop.compute(w, xb, yb, g);
                GdRung.step(w, g, run.rate());
                // Time after this update, in epochs: a fraction of a step within an epoch.
                GdRung.requireInRange(w, widths, At.time(epoch + (first + b) / (double) p), run.rate());
            }
        }
        return recorder.build();
    }
}
