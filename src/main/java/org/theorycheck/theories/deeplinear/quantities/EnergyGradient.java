package org.theorycheck.theories.deeplinear.quantities;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.RandomStreams;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearRun;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.ladder.ModeStart;
import org.theorycheck.theories.deeplinear.linalg.Orthogonal;
import org.theorycheck.theories.deeplinear.measure.Predictions;

/**
 * Prediction 12, second part: eq 5 is the gradient flow of eq 6, −∂E/∂(a^α, b^α) by central differences
 * against eq 5's right-hand side ({@code terms: full}), at a state of N(0, {@code scale}²) entries drawn from
 * each seed, for the experiment's N1, N2, N3 (N_l = 3) and s. {@code terms: cooperative} drops eq 5's
 * competitive sums, which are the gradient of eq 6's second term: the comparison shows they are needed.
 * Deviation per seed: the largest error over the largest |rhs|.
 */
final class EnergyGradient extends DeepLinearQuantity {

    EnergyGradient() {
        super("energy_gradient", "max |-dE/d(a,b) of eq 6 (central differences) - eq 5's rhs| over max |rhs| at a random state (terms: full | cooperative)",
                Set.of("modes"));
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.choice("terms", "full", "full", "cooperative"), Parameter.positive("scale", 0.7, 100));
    }

    @Override
    public void requireMeasurable(DeepLinearExperiment experiment) {
        if (experiment.run().network().depth() != 3) {
            throw experiment.error("model.depth", name() + " is eq 5, for N_l = 3; the network has " + experiment.run().network().depth()
                    + " layers");
        }
    }

    @Override
    public Measurement measure(CheckContext<DeepLinearExperiment, DeepLinearTrace> context) {
        DeepLinearRun run = context.config().run();
        int n1 = run.network().width(0);
        int n2 = run.network().width(1);
        int n3 = run.network().width(2);
        double[] s = ModeStart.singularValues(run);
        boolean full = context.text("terms").equals("full");
        UnaryOperator<double[]> rhs = full ? Predictions.eq5(n1, n2, n3, s) : cooperative(n1, n2, n3, s);
        return perSeed(context, seed -> Predictions.p12Eq5IsGradientOfEq6(Orthogonal.gaussian(1, n2 * n1 + n3 * n2,
                context.number("scale"), RandomStreams.INIT.stream(seed)).data(), n1, n2, n3, s, rhs));
    }

    /** Eq 5 without its competitive sums: τ da^α/dt = (s_α − a^α·b^α) b^α, τ db^α/dt = (s_α − a^α·b^α) a^α. */
    private static UnaryOperator<double[]> cooperative(int n1, int n2, int n3, double[] s) {
        double[] padded = Arrays.copyOf(s, Math.max(n1, n3));
        int sizeA = n1 * n2;
        return y -> {
            double[] dy = new double[y.length];
            for (int a = 0; a < Math.min(n1, n3); a++) {
                double dot = 0;
                for (int i = 0; i < n2; i++) {
                    dot += y[i * n1 + a] * y[sizeA + a * n2 + i];
                }
                double coop = padded[a] - dot;
                for (int i = 0; i < n2; i++) {
                    dy[i * n1 + a] = coop * y[sizeA + a * n2 + i];
                    dy[sizeA + a * n2 + i] = coop * y[i * n1 + a];
                }
            }
            return dy;
        };
    }
}
