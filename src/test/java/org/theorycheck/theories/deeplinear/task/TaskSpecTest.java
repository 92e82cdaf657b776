package org.theorycheck.theories.deeplinear.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.theorycheck.theories.deeplinear.linalg.Matrix;
import org.theorycheck.theories.deeplinear.task.TaskSpec.InputBasis;

class TaskSpecTest {

    /** Round-off bound for products and decompositions of O(1)-to-O(100) matrices of this size. */
    private static final double ROUND_OFF = 1e-10;

    @Test
    void syntheticTaskHasIdentityInputsAndThePrescribedModes() {
        double[] s = {3, 2, 1, 0.5};
        for (InputBasis basis : InputBasis.values()) {
            Task task = new TaskSpec.Synthetic(6, 5, s, basis, 7).build();
            Matrix s11 = task.inputs().transposeTimes(task.inputs());
            assertThat(s11.minus(Matrix.identity(6)).frobenius()).as("Σ11 = I (" + basis + ")").isLessThan(ROUND_OFF);
            Matrix s31 = task.targets().transposeTimes(task.inputs());
            assertThat(s31.minus(task.statistics().sigma31()).frobenius()).as("Σ31 from the samples").isLessThan(ROUND_OFF);
            TaskSvd svd = task.svd();
            assertThat(svd.singularValues()).containsExactly(3, 2, 1, 0.5, 0);
            assertThat(svd.u().transposeTimes(svd.u()).minus(Matrix.identity(5)).frobenius()).isLessThan(ROUND_OFF);
            assertThat(svd.v().transposeTimes(svd.v()).minus(Matrix.identity(5)).frobenius()).isLessThan(ROUND_OFF);
            assertThat(svd.bestRank(5).minus(s31).frobenius()).as("U S Vᵀ = Σ31").isLessThan(ROUND_OFF);
            TaskSvd recomputed = TaskSvd.of(s31);
            for (int a = 0; a < 4; a++) {
                assertThat(recomputed.s()[a]).isCloseTo(s[a], within(ROUND_OFF));
                for (int i = 0; i < 6; i++) {
                    assertThat(recomputed.v().get(i, a)).as("sign convention is the SVD routine's choice-free")
                            .isCloseTo(svd.v().get(i, a), within(1e-8));
                }
            }
        }
        assertThat(new TaskSpec.Synthetic(6, 5, s, InputBasis.ONE_HOT, 7).build().statistics().identityInput()).isTrue();
    }

    @Test
    void sameSeedSameBitsOtherSeedOtherTask() {
        double[] s = {2, 1};
        Task a = new TaskSpec.Synthetic(4, 3, s, InputBasis.ROTATED, 11).build();
        Task b = new TaskSpec.Synthetic(4, 3, s, InputBasis.ROTATED, 11).build();
        Task c = new TaskSpec.Synthetic(4, 3, s, InputBasis.ROTATED, 12).build();
        assertThat(a.statistics().sigma31()).isEqualTo(b.statistics().sigma31());
        assertThat(a.inputs()).isEqualTo(b.inputs());
        assertThat(a.statistics().sigma31()).isNotEqualTo(c.statistics().sigma31());
        Task h1 = TaskSpec.Hierarchical.fig3(3).build();
        assertThat(h1.targets()).isEqualTo(TaskSpec.Hierarchical.fig3(3).build().targets());
        assertThat(h1.targets()).isNotEqualTo(TaskSpec.Hierarchical.fig3(4).build().targets());
    }

    @Test
    void hierarchicalTaskMatchesFig3() {
        Task task = TaskSpec.Hierarchical.fig3(1).build();
        assertThat(task.samples()).isEqualTo(32);
        assertThat(task.inputDimension()).isEqualTo(32);
        assertThat(task.outputDimension()).isEqualTo(1000);
        assertThat(task.statistics().identityInput()).isTrue();
        assertThat(task.outputEnergy()).as("sum over 32 items of 1000 squared ±1 features").isEqualTo(32000.0);
        for (double v : task.targets().data()) {
            assertThat(Math.abs(v)).isEqualTo(1.0);
        }
        // Sibling leaves share a parent: they differ when exactly one of the two flips happens, 2·0.1·0.9.
        int differ = 0;
        int pairs = 0;
        for (int f = 0; f < 1000; f++) {
            for (int leaf = 0; leaf < 32; leaf += 2) {
                differ += task.targets().get(leaf, f) != task.targets().get(leaf + 1, f) ? 1 : 0;
                pairs++;
            }
        }
        double rate = differ / (double) pairs;
        assertThat(rate).as("sibling disagreement rate, 16000 pairs (sd 0.003)").isCloseTo(0.18, within(0.015));
        // Leaves in different halves of the tree are 10 flips apart: nearly uncorrelated (E = 0.8^10 ≈ 0.107).
        double corr = 0;
        for (int f = 0; f < 1000; f++) {
            corr += task.targets().get(0, f) * task.targets().get(31, f);
        }
        assertThat(corr / 1000).isCloseTo(Math.pow(0.8, 10), within(0.1));
        double[] s = task.svd().singularValues();
        assertThat(s[0]).as("the root mode: the mean feature over items, about sqrt(32 * 1000 * E[mean^2])").isGreaterThan(50);
        for (int a = 1; a < s.length; a++) {
            assertThat(s[a]).isLessThanOrEqualTo(s[a - 1]);
        }
        assertThat(task.svd().bestRank(32).minus(task.statistics().sigma31()).frobenius()).isLessThan(1e-9);
    }

    @Test
    void badSpecsAreRefusedWithTheKeyAndWhatIsAllowed() {
        assertThatThrownBy(() -> new TaskSpec.Synthetic(3, 3, new double[] {1, 2}, InputBasis.ONE_HOT, 1))
                .hasMessageContaining("data.singular_values").hasMessageContaining("descending");
        assertThatThrownBy(() -> new TaskSpec.Synthetic(3, 3, new double[] {1, 0}, InputBasis.ONE_HOT, 1))
                .hasMessageContaining("data.singular_values").hasMessageContaining("positive");
        assertThatThrownBy(() -> new TaskSpec.Synthetic(3, 2, new double[] {3, 2, 1}, InputBasis.ONE_HOT, 1))
                .hasMessageContaining("data.singular_values").hasMessageContaining("min(data.inputs, data.outputs) = 2");
        assertThatThrownBy(() -> new TaskSpec.Synthetic(0, 2, new double[] {1}, InputBasis.ONE_HOT, 1))
                .hasMessageContaining("data.inputs");
        assertThatThrownBy(() -> new TaskSpec.Hierarchical(5, 1000, 0.7, 1)).hasMessageContaining("data.flip");
        assertThatThrownBy(() -> new TaskSpec.Hierarchical(0, 1000, 0.1, 1)).hasMessageContaining("data.levels");
        assertThatThrownBy(() -> new Statistics(Matrix.zeros(2, 2), Matrix.zeros(3, 2), true))
                .hasMessageContaining("not exactly the identity");
    }
}
