package org.theorycheck.theories.scansnap.quantities;

import org.apache.commons.rng.UniformRandomProvider;
import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Format;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.core.claims.WorstCase;
import org.theorycheck.core.stats.Stats;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.data.SyntheticFamily;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.model.YZGradient;
import org.theorycheck.theories.scansnap.train.SgdRun;

import java.util.List;
import java.util.Set;

/**
 * Lemma 1 numerically: the model's exact gradient (which reduces to Eqn. 3 without the residual) equals
 * central finite differences of the loss, at random (Y, Z) and random sampled contexts of the
 * experiment's classes and model variant. Deviation: the largest |analytic − numeric| / (|numeric| +
 * 1e-6) over every entry of Y and of the query row of Z; central differences with h = 1e-5 are
 * accurate to about 1e-9 here.
 */
final class GradientFiniteDifference implements ScanSnapQuantity {

    private static final double STEP = 1e-5;
    private static final double FLOOR = 1e-6;

    @Override
    public String name() {
        return "gradient_finite_difference";
    }

    @Override
    public String description() {
        return "max relative gap between the exact gradient and central finite differences";
    }

    @Override
    public Set<String> rungs() {
        return Set.of("sgd");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("instances", 3, 1, 100));
    }

    @Override
    public Measurement measure(CheckContext<ExperimentConfig, ScanSnapTrace> context) {
        int instances = context.integer("instances");
        SequenceClasses classes = SyntheticFamily.build(context.config().data());
        int size = classes.vocabulary();
        boolean normalize = context.config().model().normalize();
        boolean residual = context.config().model().residual();
        UniformRandomProvider rng = SgdRun.stream(context.seeds().get(0));
        YZGradient gradient = new YZGradient(size, normalize, residual);
        double[] dev = new double[instances];
        WorstCase worst = new WorstCase();
        for (int k = 0; k < instances; k++) {
            double[] y = new double[size * size];
            double[] z = new double[size * size];
            for (int i = 0; i < y.length; i++) {
                y[i] = rng.nextDouble() * 2 - 1;
                z[i] = rng.nextDouble() * 2 - 1;
            }
            int n = rng.nextInt(classes.classes());
            int[] support = classes.support(n);
            double[] counts = new double[support.length];
            for (int i = 0; i < support.length; i++) {
                counts[i] = rng.nextInt(4);
            }
            counts[rng.nextInt(support.length)] += 1;
            int query = classes.queryToken(n);
            int next = classes.nextToken(n);
            double[] gy = new double[size * size];
            double[] gz = new double[size * size];
            gradient.accumulate(y, z, query, next, support, counts, support.length, 1, gy, gz);
            double[] scratch = new double[size * size];
            for (int which = 0; which < 2; which++) {
                double[] theta = which == 0 ? y : z;
                double[] analytic = which == 0 ? gy : gz;
                int from = which == 0 ? 0 : query * size;
                int to = which == 0 ? size * size : (query + 1) * size;
                for (int i = from; i < to; i++) {
                    double keep = theta[i];
                    theta[i] = keep + STEP;
                    double up = gradient.accumulate(y, z, query, next, support, counts, support.length, 0, scratch, scratch);
                    theta[i] = keep - STEP;
                    double down = gradient.accumulate(y, z, query, next, support, counts, support.length, 0, scratch, scratch);
                    theta[i] = keep;
                    double numeric = (up - down) / (2 * STEP);
                    double gap = Math.abs(analytic[i] - numeric) / (Math.abs(numeric) + FLOOR);
                    dev[k] = Math.max(dev[k], gap);
                    int instance = k;
                    String matrix = which == 0 ? "Y" : "Z";
                    int entry = i;
                    double exact = analytic[i];
                    worst.offer(gap, () -> "instance " + instance + ", " + matrix + "(" + entry / size + "," + entry % size
                            + "): exact " + Format.number(exact) + ", finite difference " + Format.number(numeric));
                }
            }
        }
        double max = Stats.max(dev);
        return Measurement.overCases(max, "max relative gap " + Format.number(max) + " over " + instances + " random states", dev,
                worst.description());
    }
}
