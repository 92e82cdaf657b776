package org.theorycheck.theories.scansnap.train;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The optimisers against PyTorch's update rules ([ref], paper §1.2), on examples computed by hand. */
class OptimizerTest {

    /** Hand-computed expectations are exact decimals (SGD) or 40-digit decimals (Adam); a few ulps of O(1). */
    static final double HAND_TOLERANCE = 1e-14;

    /**
     * torch.optim.SGD(lr=0.1, momentum=0.9): v₁ = g₁, then v ← 0.9·v + g, θ ← θ − 0.1·v.
     * g₁ = (0.5, 1), g₂ = (−1, 2), g₃ = (0.25, 0) from θ₀ = (1, −2):
     * v₁ = (0.5, 1),      θ₁ = (0.95, −2.1);
     * v₂ = (−0.55, 2.9),  θ₂ = (1.005, −2.39);
     * v₃ = (−0.245, 2.61), θ₃ = (1.0295, −2.651).
     */
    @Test
    void sgdMomentumFollowsPyTorch() {
        SgdMomentum sgd = new SgdMomentum(0.1, 0.9);
        double[] theta = {1, -2};
        double[] g1 = {0.5, 1};
        sgd.step(theta, g1);
        assertThat(theta).containsExactly(new double[] {0.95, -2.1}, within(HAND_TOLERANCE));
        assertThat(g1).as("the gradient is read only").containsExactly(0.5, 1);
        sgd.step(theta, new double[] {-1, 2});
        assertThat(theta).containsExactly(new double[] {1.005, -2.39}, within(HAND_TOLERANCE));
        sgd.step(theta, new double[] {0.25, 0});
        assertThat(theta).containsExactly(new double[] {1.0295, -2.651}, within(HAND_TOLERANCE));
    }

    /** Negative control of the first step: dampened (v₁ = (1−μ)g) or zero-started momentum would give θ₁ = (0.995, −2.01). */
    @Test
    void firstMomentumStepUsesTheFullGradient() {
        SgdMomentum sgd = new SgdMomentum(1.0, 0.9);
        double[] theta = {0};
        sgd.step(theta, new double[] {1});
        assertThat(theta[0]).isEqualTo(-1.0);
        sgd.step(theta, new double[] {0});
        assertThat(theta[0]).isCloseTo(-1.9, within(HAND_TOLERANCE));
    }

    @Test
    void zeroMomentumIsPlainSgd() {
        SgdMomentum sgd = new SgdMomentum(0.5, 0.0);
        double[] theta = {1, 1};
        sgd.step(theta, new double[] {1, -2});
        sgd.step(theta, new double[] {4, 0});
        assertThat(theta).containsExactly(new double[] {1 - 0.5 - 2, 1 + 1}, within(HAND_TOLERANCE));
    }

    /**
     * Stepping only some rows gives the bits of stepping every entry when the other rows' gradient is
     * +0.0 or −0.0 at every step, for both optimisers; θ holds signed zeros, and rows of the moving set
     * also see zero gradients at some steps.
     */
    @Test
    void steppingTheMovingRowsGivesTheBitsOfSteppingEverything() {
        int width = 7;
        int[] moving = {0, 2, 3, 6};
        int[] every = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        java.util.Random r = new java.util.Random(5);
        double[][] start = new double[every.length][width];
        for (double[] row : start) {
            for (int c = 0; c < width; c++) {
                row[c] = c % 5 == 0 ? -0.0 : c % 3 == 0 ? 0.0 : r.nextGaussian();
            }
        }
        for (boolean adam : new boolean[] {false, true}) {
            Optimizer rows = adam ? new Adam(0.3) : new SgdMomentum(0.3, 0.9);
            Optimizer all = adam ? new Adam(0.3) : new SgdMomentum(0.3, 0.9);
            double[][] thetaRows = copy(start);
            double[][] thetaAll = copy(start);
            for (int step = 0; step < 6; step++) {
                double[][] g = new double[every.length][width];
                for (int row : moving) {
                    for (int c = 0; c < width; c++) {
                        g[row][c] = (row + step) % 4 == 0 ? 0.0 : step == 4 && c % 3 == 0 ? -0.0 : r.nextGaussian();
                    }
                }
                rows.step(thetaRows, g, moving);
                all.step(thetaAll, g, every);
                for (int row : every) {
                    for (int c = 0; c < width; c++) {
                        assertThat(Double.doubleToRawLongBits(thetaRows[row][c]))
                                .as("adam %b step %d entry (%d, %d)", adam, step, row, c)
                                .isEqualTo(Double.doubleToRawLongBits(thetaAll[row][c]));
                    }
                }
            }
        }
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    /**
     * torch.optim.Adam(lr=0.1) (β = (0.9, 0.999), ε = 1e-8), θ₀ = (1, −0.5), g₁ = (0.2, −4), g₂ = (−0.1, 1):
     * step 1: m = (0.02, −0.4), v = (4e-5, 0.016), m̂ = g₁, √v̂ = |g₁|, θ₁ = θ₀ − 0.1·g₁/(|g₁| + ε)
     *         = (1 − 0.1/(1 + 5e-8), −0.5 + 0.1/(1 + 2.5e-9));
     * step 2: m = (0.008, −0.26), v = (4.996e-5, 0.016984), m̂ = m/0.19, v̂ = v/0.001999,
     *         θ₂ = θ₁ − 0.1·m̂/(√v̂ + ε) (40-digit decimal arithmetic).
     */
    @Test
    void adamFollowsPyTorchDefaults() {
        Adam adam = new Adam(0.1);
        double[] theta = {1.0, -0.5};
        adam.step(theta, new double[] {0.2, -4});
        assertThat(theta).containsExactly(new double[] {0.90000000499999975000, -0.40000000024999999938},
                within(HAND_TOLERANCE));
        adam.step(theta, new double[] {-0.1, 1});
        assertThat(theta).containsExactly(new double[] {0.87336630271867557945, -0.35305318329027270216},
                within(HAND_TOLERANCE));
    }
}
