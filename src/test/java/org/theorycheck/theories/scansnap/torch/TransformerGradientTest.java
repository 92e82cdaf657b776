package org.theorycheck.theories.scansnap.torch;

import org.theorycheck.torch.DropoutMasks;
import org.theorycheck.torch.Libtorch;
import org.theorycheck.torch.TorchParameter;
import org.theorycheck.torch.TorchTestSupport;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.theorycheck.theories.scansnap.experiment.TransformerFeatures;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transformer in float64 on a tiny instance (two layers, two heads, positional encoding, causal mask,
 * dropout with fixed masks): libtorch's gradients of every parameter entry agree with central finite
 * differences of the loss; the read-out at one position equals the full pass there; the first layer's
 * attention of a query equals the softmax of the effective logits over the tokens it sees.
 */
class TransformerGradientTest {

    private static final int LENGTH = 5;
    private static final int BATCH = 2;
    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = TorchTestSupport.manager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    private static Transformer tiny(boolean positional, double dropout, int layers) {
        Architecture a = new Architecture(7, 4, 2, 6, layers, dropout, positional, true, 0.5);
        return new Transformer(a, manager, true, RandomSource.XO_RO_SHI_RO_128_PP.create(11L));
    }

    private static long[] tokens(long seed, int vocabulary) {
        Random r = new Random(seed);
        long[] t = new long[BATCH * LENGTH];
        for (int i = 0; i < t.length; i++) {
            t[i] = r.nextInt(vocabulary);
        }
        return t;
    }

    /** Mean next-token cross-entropy over all positions, with dropout masks drawn afresh from one seed each call. */
    private static NDArray loss(Transformer model, NDArray tokens, NDArray mask, double[] targets) {
        DropoutMasks dropout = model.architecture().dropout() > 0
                ? new DropoutMasks(model.architecture().dropout(), RandomSource.XO_RO_SHI_RO_128_PP.create(5L)) : null;
        NDArray logits = model.forward(tokens, mask, dropout).logits();
        NDArray y = manager.create(targets, new Shape(BATCH, LENGTH, model.architecture().vocabulary()));
        return logits.logSoftmax(-1).mul(y).sum().neg().div(BATCH * LENGTH);
    }

    private static double[] oneHot(long[] next, int vocabulary) {
        double[] y = new double[next.length * vocabulary];
        for (int i = 0; i < next.length; i++) {
            y[i * vocabulary + (int) next[i]] = 1;
        }
        return y;
    }

    /**
     * One layer, one head, with the given features: width 4, or the vocabulary's 7 with one-hot embeddings;
     * without PyTorch's initialisation, Y and Z uniform on ±0.5 (Y = Z = 0 would leave every gradient of Z 0).
     */
    private static Transformer tiny(TransformerFeatures f) {
        int v = 7;
        Architecture a = new Architecture(v, f.learnedEmbedding() ? 4 : v, 1, 6, 1, 0, false, true, 0.5, f, true);
        if (f.pytorchInit()) {
            return new Transformer(a, manager, true, RandomSource.XO_RO_SHI_RO_128_PP.create(11L));
        }
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        return new Transformer(a, manager, true, RandomSource.XO_RO_SHI_RO_128_PP.create(11L),
                r.doubles(v * v, -0.5, 0.5).toArray(), r.doubles(v * v, -0.5, 0.5).toArray());
    }

    /** Every step of the ladder, from the whole transformer to the YZ model (features dropped in ladder order). */
    static java.util.stream.Stream<TransformerFeatures> ladder() {
        java.util.List<TransformerFeatures> steps = new java.util.ArrayList<>(java.util.List.of(TransformerFeatures.ALL));
        for (TransformerFeatures.Feature f : TransformerFeatures.Feature.values()) {
            steps.add(steps.get(steps.size() - 1).without(f));
        }
        return steps.stream();
    }

    @Test
    void gradientsMatchCentralFiniteDifferences() {
        assertGradientsMatch(tiny(true, 0.25, 2));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("ladder")
    void gradientsMatchCentralFiniteDifferencesOnEveryStepOfTheLadder(TransformerFeatures features) {
        assertGradientsMatch(tiny(features));
    }

    private static void assertGradientsMatch(Transformer model) {
        int v = model.architecture().vocabulary();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray tokens = manager.create(tokens(1, v), new Shape(BATCH, LENGTH));
            NDArray mask = model.array(manager, Transformer.causalMask(LENGTH), LENGTH, LENGTH);
            double[] targets = oneHot(tokens(2, v), v);
            try (GradientCollector collector = Libtorch.get().newGradientCollector()) {
                collector.backward(loss(model, tokens, mask, targets));
            }
            double h = 1e-6;
            double worst = 0;
            int entries = 0;
            for (TorchParameter p : model.parameters()) {
                double[] gradient = p.value().getGradient().toDoubleArray();
                int size = gradient.length;
                for (int i = 0; i < size; i++) {
                    double up = perturbed(model, p, i, h, tokens, mask, targets);
                    double down = perturbed(model, p, i, -h, tokens, mask, targets);
                    double numeric = (up - down) / (2 * h);
                    worst = Math.max(worst, Math.abs(numeric - gradient[i]) / Math.max(1, Math.abs(numeric)));
                    entries++;
                }
            }
            assertThat(entries).as("every entry of every parameter").isEqualTo(model.architecture().parameterCount());
            // central differences at h = 1e-6 in float64: truncation ~h² and rounding ~1e-16/h, about 1e-9
            assertThat(worst).as("largest relative |autograd − finite difference|").isLessThan(1e-7);
        }
    }

    /** The loss with entry i of p moved by delta (and moved back afterwards). */
    private static double perturbed(Transformer model, TorchParameter p, int i, double delta, NDArray tokens, NDArray mask,
                                    double[] targets) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            double[] step = new double[(int) p.value().size()];
            step[i] = delta;
            NDArray shift = manager.create(step, p.value().getShape());
            p.value().stopGradient().addi(shift);
            double loss = loss(model, tokens, mask, targets).getDouble();
            p.value().stopGradient().subi(shift);
            return loss;
        }
    }

    @Test
    void readOutAtOnePositionEqualsTheFullPass() {
        Transformer model = tiny(false, 0, 2);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray tokens = manager.create(tokens(3, 7), new Shape(BATCH, LENGTH));
            NDArray mask = model.array(manager, SyntheticClassesRun.queryMask(LENGTH), LENGTH, LENGTH);
            double[] full = model.forward(tokens, mask, null).logits().get(new NDIndex(":, {}, :", LENGTH - 1)).toDoubleArray();
            double[] one = model.forwardAt(tokens, mask, null, LENGTH - 1).logits().toDoubleArray();
            assertThat(one).hasSameSizeAs(full);
            for (int i = 0; i < one.length; i++) {
                assertThat(one[i]).isCloseTo(full[i], org.assertj.core.data.Offset.offset(1e-12));
            }
        }
    }

    @Test
    void firstLayerAttentionIsTheSoftmaxOfTheEffectiveLogitsOverTheSampledTokens() {
        assertAttentionIsSoftmaxOfEffectiveLogits(tiny(false, 0, 1));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("ladder")
    void onEveryStepOfTheLadderTheAttentionIsTheSoftmaxOfTheEffectiveLogits(TransformerFeatures features) {
        assertAttentionIsSoftmaxOfEffectiveLogits(tiny(features));
    }

    private static void assertAttentionIsSoftmaxOfEffectiveLogits(Transformer model) {
        double[][][] z = model.effectiveLogits();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            long[] t = tokens(4, 7);
            NDArray tokens = manager.create(t, new Shape(BATCH, LENGTH));
            NDArray mask = model.array(manager, SyntheticClassesRun.queryMask(LENGTH), LENGTH, LENGTH);
            double[] attention = model.forwardAt(tokens, mask, null, LENGTH - 1).attention().get(0).toDoubleArray();
            int heads = model.architecture().heads();
            for (int b = 0; b < BATCH; b++) {
                int query = (int) t[b * LENGTH + LENGTH - 1];
                for (int h = 0; h < heads; h++) {
                    double partition = 0;
                    for (int s = 0; s < LENGTH - 1; s++) {
                        partition += Math.exp(z[h][query][(int) t[b * LENGTH + s]]);
                    }
                    for (int s = 0; s < LENGTH; s++) {
                        double expected = s == LENGTH - 1 ? 0 : Math.exp(z[h][query][(int) t[b * LENGTH + s]]) / partition;
                        assertThat(attention[(b * heads + h) * LENGTH + s]).as("sample %d head %d position %d", b, h, s)
                                .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
                    }
                }
            }
        }
    }
}
