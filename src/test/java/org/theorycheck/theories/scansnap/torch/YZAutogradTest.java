package org.theorycheck.theories.scansnap.torch;

import org.theorycheck.torch.Libtorch;
import org.theorycheck.torch.TorchTestSupport;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.theorycheck.theories.scansnap.model.GradientInstance;
import org.theorycheck.theories.scansnap.model.YZGradient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * libtorch's autograd of the YZ model, written once in DJL in float64, equals the hand-derived exact
 * gradient of {@link YZGradient} to 1e-10 on random states, for the four variants (normalised or not,
 * residual or not): the two independent derivations of the chain rule agree.
 */
class YZAutogradTest {

    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = TorchTestSupport.manager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    @ParameterizedTest(name = "normalize={0} residual={1}")
    @CsvSource({"true,false", "true,true", "false,false", "false,true"})
    void autogradEqualsTheExactGradient(boolean normalize, boolean residual) {
        double worst = 0;
        for (long seed = 1; seed <= 25; seed++) {
            int size = 3 + (int) (seed % 9);
            GradientInstance g = GradientInstance.random(size, seed);
            double[] gradY = new double[size * size];
            double[] gradZ = new double[size * size];
            double exactLoss = new YZGradient(size, normalize, residual).accumulate(g.y(), g.z(), g.query(), g.next(),
                    g.tokens(), g.weights(), g.count(), g.scale(), gradY, gradZ);
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray y = TorchTestSupport.leaf(manager, g.y(), size, size);
                NDArray z = TorchTestSupport.leaf(manager, g.z(), size, size);
                double loss;
                try (GradientCollector collector = Libtorch.get().newGradientCollector()) {
                    NDArray l = YZModelInTorch.loss(manager, y, z, size, g.query(), g.next(), g.tokens(), g.weights(), g.count(),
                            normalize, residual, g.scale());
                    collector.backward(l);
                    loss = l.getDouble();
                }
                assertThat(loss).as("loss, seed %d", seed).isCloseTo(exactLoss * g.scale(), org.assertj.core.data.Offset.offset(1e-12));
                worst = Math.max(worst, maxDifference(y.getGradient().toDoubleArray(), gradY));
                worst = Math.max(worst, maxDifference(z.getGradient().toDoubleArray(), gradZ));
            }
        }
        assertThat(worst).as("largest |autograd − exact| over 25 random states").isLessThan(1e-10);
    }

    private static double maxDifference(double[] a, double[] b) {
        assertThat(a).hasSameSizeAs(b);
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }
}
