package org.theorycheck.theories.scansnap.torch;

import org.junit.jupiter.api.Test;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.train.SgdRun;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anchor of the transformer's ladder: with every feature switched off, the transformer's code trains
 * the YZ model on the minibatches of rung sgd, so its z and c columns equal rung sgd's step for step on
 * Syn-Small (seed 1, 100 steps, η = 1, momentum 0.9), up to the rounding of its precision.
 */
class TransformerAsYZModelTest {

    private static final Path EXPERIMENTS = Path.of("experiments", "scan-and-snap");

    /**
     * float32: a parameter near |z| ≈ 1.2 is held to u|z| ≈ 7e-8 (u = 2^-24), and every one of the 100 updates
     * adds a rounding of the same relative order to a gradient summed over 128 × 127 tokens, which the momentum
     * carries into the next 1/(1 − μ) = 10 updates: some hundred roundings of u|z| add up, so 1e-5 (about 140
     * u|z|) is the bound; measured 1.8e-6 on z and 2.8e-7 on c.
     */
    private static final double FLOAT32_BOUND = 1e-5;
    /** float64: the same count of roundings of 2^-53|z| ≈ 1.3e-16 is about 1e-14; measured 1.0e-13 on z. */
    private static final double FLOAT64_BOUND = 1e-11;

    private static ExperimentConfig read(String file, String... overrides) {
        return ScanSnapExperiments.read(EXPERIMENTS.resolve(file)).withOverrides(List.of(overrides)).resolve();
    }

    private static Trajectory sgd() {
        return SgdRun.run(read("syn-small.yaml"), 1, s -> { });
    }

    private static Trajectory transformer(String... overrides) {
        return SyntheticClassesRun.run(read("syn-small-transformer-as-yz.yaml", overrides), 1, s -> { });
    }

    /** The largest difference of z and of c over every recorded step, class and token of the support: {z, c}. */
    private static double[] gap(Trajectory a, Trajectory b) {
        assertThat(b.steps()).containsExactly(a.steps());
        double z = 0;
        double c = 0;
        for (int i = 0; i < a.size(); i++) {
            for (int n = 0; n < a.classes().classes(); n++) {
                double[] ca = a.attention(i, n);
                double[] cb = b.attention(i, n);
                for (int l : a.classes().support(n)) {
                    z = Math.max(z, Math.abs(a.z(i, n, l) - b.z(i, n, l)));
                    c = Math.max(c, Math.abs(ca[l] - cb[l]));
                }
            }
        }
        return new double[] {z, c};
    }

    @Test
    void inFloat32ItIsRungSgdUpToFloat32Rounding() {
        Trajectory sgd = sgd();
        Trajectory yz = transformer();
        double[] gap = gap(sgd, yz);
        assertThat(gap[0]).as("max |z(transformer, all off) - z(sgd)|").isLessThan(FLOAT32_BOUND);
        assertThat(gap[1]).as("max |c(transformer, all off) - c(sgd)|").isLessThan(FLOAT32_BOUND);
        // the logits do move (to about 1.2), so the agreement is not that of two runs that stayed at 0
        assertThat(sgd.z(sgd.size() - 1, 0, sgd.classes().distinctTokens(0)[9])).isGreaterThan(1);
        for (int i = 0; i < sgd.size(); i++) {
            assertThat(yz.at(i).loss()).as("loss at record %d", i)
                    .isCloseTo(sgd.at(i).loss(), org.assertj.core.data.Offset.offset(FLOAT32_BOUND * (1 + sgd.at(i).loss())));
        }
    }

    @Test
    void inFloat64ItIsRungSgdUpToFloat64Rounding() {
        double[] gap = gap(sgd(), transformer("transformer.dtype=float64"));
        assertThat(gap[0]).isLessThan(FLOAT64_BOUND);
        assertThat(gap[1]).isLessThan(FLOAT64_BOUND);
    }

    /** Negative control: one feature on (the decoder's bias) is no longer the YZ model, and the gap shows it. */
    @Test
    void oneFeatureOnIsAnotherModel() {
        double[] gap = gap(sgd(), transformer("transformer.dtype=float64", "transformer.decoder_bias=true"));
        assertThat(gap[0]).isGreaterThan(1e3 * FLOAT32_BOUND);
    }
}
