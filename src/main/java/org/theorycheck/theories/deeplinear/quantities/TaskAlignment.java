package org.theorycheck.theories.deeplinear.quantities;

import java.util.List;
import java.util.Set;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.RandomStreams;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.linalg.Matrix;
import org.theorycheck.theories.deeplinear.linalg.Orthogonal;
import org.theorycheck.theories.deeplinear.mnist.InputAlignment;
import org.theorycheck.theories.deeplinear.task.Statistics;

/**
 * Prediction 23 (eq 18, App. F, Fig 5): pretraining finds the input modes only if the principal axes of Σ11
 * are the input singular vectors of the task, Q = V11, i.e. V11ᵀ Σ11 V11 is diagonal. Deviation: its
 * off-diagonal fraction on the modes the data determine ({@link InputAlignment}), of the experiment's task
 * ({@code basis: data}); {@code basis: random} turns Σ11 by a random orthogonal matrix drawn from the seed
 * first, keeping its spectrum but not its axes (inputs not aligned with the task).
 */
final class TaskAlignment extends DeepLinearQuantity {

    TaskAlignment() {
        super("task_alignment", "off-diagonal fraction of V11^T Sigma11 V11 on the data-determined modes (basis: data | random)",
                Set.of("sgd"));
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.choice("basis", "data", "data", "random"));
    }

    @Override
    public Measurement measure(CheckContext<DeepLinearExperiment, DeepLinearTrace> context) {
        Statistics stats = context.config().run().task().build().statistics();
        boolean random = context.text("basis").equals("random");
        return perSeed(context, seed -> {
            Matrix sigma11 = stats.sigma11();
            if (random) {
                Matrix turn = Orthogonal.haar(sigma11.rows(), RandomStreams.INIT.stream(seed));
                sigma11 = turn.times(sigma11).timesTranspose(turn);
            }
            return of(InputAlignment.of(rows(sigma11), rows(stats.sigma31())).measure());
        });
    }

    private static double[][] rows(Matrix m) {
        double[][] out = new double[m.rows()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(m.data(), i * m.cols(), (i + 1) * m.cols());
        }
        return out;
    }
}
