package org.theorycheck.theories.deeplinear.quantities;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearRun;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.measure.LearningTimeVsDepth;
import org.theorycheck.theories.deeplinear.measure.Predictions;
import org.theorycheck.theories.deeplinear.task.Task;

/**
 * Prediction 22 (Sec 3, Fig 6A): learning time against depth under full-batch gd (eq 13) grows for the
 * scaled Gaussian start ({@code trend: grows}) and is flat for random orthogonal and pretrained starts
 * ({@code trend: flat}). For each of {@code depths} ({@link LearningTimeVsDepth}, the experiment's
 * {@code model.init}, {@code model.hidden}-wide layers, the seed's weights): the fewest iterations over the
 * rates {@code train.rates} until the loss Σ_μ ||y − W_tot x||² falls below {@code loss_fraction} of the zero
 * network's Σ_μ ||y||², within {@code train.steps}; a depth that does not get there counts as infinitely
 * slow. Deviation per seed: for {@code grows}, the share of steps in depth where the time did not rise; for
 * {@code flat}, (max − min)/min of the times.
 */
final class DepthLearningTime extends DeepLinearQuantity {

    DepthLearningTime() {
        super("depth_learning_time", "iterations to a loss threshold (best rate) against depth: share of steps not rising (trend: grows)"
                + " or (max - min)/min (trend: flat)", Set.of("gd"));
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.choice("trend", "grows", "grows", "flat"), Parameter.integers("depths", 2, 1000, 3, 5, 8, 12, 16),
                Parameter.number("loss_fraction", 0.05, Parameter.POSITIVE, 1));
    }

    @Override
    public void requireMeasurable(DeepLinearExperiment experiment) {
        if (experiment.gives("model.widths")) {
            throw experiment.error("model.widths", name() + " sets the depth itself: give model.depth and model.hidden, not model.widths");
        }
    }

    @Override
    public Measurement measure(CheckContext<DeepLinearExperiment, DeepLinearTrace> context) {
        DeepLinearExperiment e = context.config();
        DeepLinearRun run = e.run();
        Task task = run.task().build();
        int[] depths = SettlingScan.toInts(context.numbers("depths"));
        double threshold = context.number("loss_fraction") * task.outputEnergy();
        boolean grows = context.text("trend").equals("grows");
        int hidden = run.network().width(1);
        return perSeed(context, seed -> {
            LearningTimeVsDepth scan = new LearningTimeVsDepth(task, hidden, run.init(), e.rates(), threshold, run.steps(), seed);
            double[] iterations = scan.run(depths).stream()
                    .mapToDouble(p -> p.iterations() < 0 ? Double.POSITIVE_INFINITY : p.iterations()).toArray();
            Measurement m = grows ? Predictions.p22Grows(depths, iterations) : Predictions.p22Flat(depths, iterations);
            return Arrays.stream(iterations).allMatch(Double::isInfinite)
                    ? Measurement.decision(null, "no depth reached the loss threshold within train.steps: " + m.text(), "", "") : m;
        });
    }
}
