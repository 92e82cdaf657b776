package org.theorycheck.core.ladder;

import org.theorycheck.theories.scansnap.train.YZDivergence;
import org.junit.jupiter.api.Test;
import org.theorycheck.theories.scansnap.TestExperiments;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.data.SyntheticFamily;
import org.theorycheck.theories.scansnap.data.TokenRole;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.core.ladder.Divergence.Precision;
import org.theorycheck.core.ladder.DivergenceException.At;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one definition of a divergence: what it catches, what it leaves alone, and how it says so. */
class DivergenceTest {

    private static final String ADVICE = "lower something";

    @Test
    void theBoundIsWhereThePrecisionStopsResolvingAUnit() {
        double d = Precision.DOUBLE.bound();
        assertThat(Math.ulp(d)).isEqualTo(1.0);
        assertThat(Math.ulp(Math.nextDown(d))).isEqualTo(0.5);
        float f = (float) Precision.SINGLE.bound();
        assertThat(Math.ulp(f)).isEqualTo(1f);
        assertThat(Math.ulp(Math.nextDown(f))).isEqualTo(0.5f);
        assertThat(Divergence.inRange(Math.nextDown(d), Precision.DOUBLE)).isTrue();
        assertThat(Divergence.inRange(-Math.nextDown(d), Precision.DOUBLE)).isTrue();
        assertThat(Divergence.inRange(d, Precision.DOUBLE)).isFalse();
        assertThat(Divergence.inRange(-d, Precision.DOUBLE)).isFalse();
        assertThat(Divergence.inRange(Precision.SINGLE.bound(), Precision.SINGLE)).isFalse();
        assertThat(Divergence.inRange(Double.NaN, Precision.DOUBLE)).isFalse();
    }

    /** The per-step check of the trainer, on its fast path and on its entry-by-entry path, at every position. */
    @Test
    void theRangeCheckSeesAnEntryOutOfRangeAtAnyPosition() {
        double below = Math.nextDown(Precision.DOUBLE.bound());
        for (int length = 0; length <= 9; length++) {
            double[] small = new double[length];
            java.util.Arrays.setAll(small, i -> (i % 2 == 0 ? -1 : 1) * (i + 1.5));
            // just below the bound: their absolute sum passes it, so the entry-by-entry look must clear them
            double[] large = new double[length];
            java.util.Arrays.setAll(large, i -> (i % 2 == 0 ? -1 : 1) * below);
            for (double[] a : new double[][] {small, large}) {
                assertThat(Divergence.allInRange(new double[][] {a}, new int[] {0}, Precision.DOUBLE)).isTrue();
                assertThatCode(() -> Divergence.requireInRange(a, At.step(1), "Y", i -> "(" + i + ")", Precision.DOUBLE,
                        ADVICE)).doesNotThrowAnyException();
                for (int at = 0; at < length; at++) {
                    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                            Precision.DOUBLE.bound(), -Precision.DOUBLE.bound(), Double.MAX_VALUE}) {
                        double[] b = a.clone();
                        b[at] = bad;
                        assertThat(Divergence.allInRange(new double[][] {b}, new int[] {0}, Precision.DOUBLE))
                                .as("length %d, %s at %d", length, bad, at).isFalse();
                        int where = at;
                        assertThatThrownBy(() -> Divergence.requireInRange(b, At.step(1), "Y", i -> "(" + i + ")",
                                Precision.DOUBLE, ADVICE))
                                .isInstanceOfSatisfying(DivergenceException.class,
                                        e -> assertThat(e.entry()).isEqualTo("(" + where + ")"));
                    }
                }
            }
        }
    }

    @Test
    void finitenessAloneLetsLargeValuesThrough() {
        double[] huge = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        assertThatCode(() -> Divergence.requireFinite(huge, At.step(1), "row_sum_drift_y", i -> "", ADVICE))
                .as("their absolute sum overflows, but every entry is finite").doesNotThrowAnyException();
        double[] bad = {1, Double.NaN, Double.POSITIVE_INFINITY};
        assertThatThrownBy(() -> Divergence.requireFinite(bad, At.step(1), "x", i -> "(" + i + ")", ADVICE))
                .isInstanceOfSatisfying(DivergenceException.class, e -> assertThat(e.entry()).isEqualTo("(1)"));
    }

    @Test
    void theMessageNamesWhenWhatWhichEntryAndWhatToLower() {
        DivergenceException e = assertThrows(() -> Divergence.requireInRange(new double[][] {null, {0, 0, Double.NaN}},
                new int[] {1}, At.step(3), "Z", Precision.DOUBLE, "lower η_Z = 2.0 (train.eta_z)"));
        assertThat(e.getMessage()).isEqualTo("diverged at step 3: Z entry (1, 2) is not finite (NaN); lower η_Z = 2.0 (train.eta_z)");
        assertThat(e.step()).isEqualTo(3);
        assertThat(e.quantity()).isEqualTo("Z");
        assertThat(e.run()).isNull();

        DivergenceException big = assertThrows(() -> Divergence.requireInRange(1e20, At.time(2.5), "loss",
                Precision.DOUBLE, ADVICE));
        assertThat(big.getMessage()).isEqualTo("diverged at t = 2.50000 steps: loss overflows (1.0E20, past 2^52 ≈ 4.5e+15, "
                + "where double precision keeps no digit below 1); " + ADVICE);
        assertThat(big.at().continuous()).isTrue();

        DivergenceException inRun = e.inRun("train.eta_z=1e300 seed 2");
        assertThat(inRun.getMessage()).isEqualTo("the run train.eta_z=1e300 seed 2 " + e.getMessage());
        assertThat(inRun.run()).isEqualTo("train.eta_z=1e300 seed 2");
        assertThat(inRun.quantity()).isEqualTo("Z");
        assertThat(inRun.entry()).isEqualTo("(1, 2)");
    }

    /** A task on another machine hands its divergence back whole (the Spark engine serializes it). */
    @Test
    void aDivergenceSurvivesSerialization() throws IOException, ClassNotFoundException {
        DivergenceException e = new DivergenceException(At.time(1.5), "B_0", "", "is not finite (NaN)", ADVICE).inRun("seed 4");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(e);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            DivergenceException back = (DivergenceException) in.readObject();
            assertThat(back.getMessage()).isEqualTo(e.getMessage());
            assertThat(back.at()).isEqualTo(e.at());
            assertThat(back.run()).isEqualTo("seed 4");
        }
    }

    @Test
    void aSnapshotIsCheckedExceptWhatItsRungLeavesUndetermined() {
        ExperimentConfig config = TestExperiments.synSmall();
        SequenceClasses classes = SyntheticFamily.build(config.data());
        int k = classes.classes();
        int m = classes.vocabulary();
        int distinct = classes.distinctTokens(0)[0];
        int common = -1;
        for (int l : classes.support(0)) {
            if (classes.role(l) == TokenRole.COMMON) {
                common = l;
            }
        }
        double[][] rows = new double[k][m];
        double[] residual = new double[k];
        Map<String, Double> extras = new LinkedHashMap<>();
        extras.put("h", 0.1);
        Trajectory.Snapshot fine = new Trajectory.Snapshot(2, 1.5, rows, residual, extras);
        assertThatCode(() -> check(fine, classes, EnumSet.noneOf(Trajectory.Undetermined.class))).doesNotThrowAnyException();

        Trajectory.Snapshot noLoss = new Trajectory.Snapshot(2, Double.NaN, rows, residual, extras);
        assertThat(assertThrows(() -> check(noLoss, classes, EnumSet.noneOf(Trajectory.Undetermined.class))).quantity())
                .isEqualTo("loss");
        assertThatCode(() -> check(noLoss, classes, EnumSet.of(Trajectory.Undetermined.LOSS))).doesNotThrowAnyException();

        double[] noResidual = new double[k];
        java.util.Arrays.fill(noResidual, Double.NaN);
        Trajectory.Snapshot transformerLike = new Trajectory.Snapshot(2, 1.5, rows, noResidual, extras);
        assertThat(assertThrows(() -> check(transformerLike, classes, EnumSet.noneOf(Trajectory.Undetermined.class)))
                .quantity()).isEqualTo("decoder_residual");
        assertThatCode(() -> check(transformerLike, classes, EnumSet.of(Trajectory.Undetermined.DECODER_RESIDUAL)))
                .doesNotThrowAnyException();

        double[][] closedLike = new double[k][m];
        closedLike[0][distinct] = Double.NaN;
        Trajectory.Snapshot withoutDistinct = new Trajectory.Snapshot(2, 1.5, closedLike, residual, extras);
        assertThat(assertThrows(() -> check(withoutDistinct, classes, EnumSet.noneOf(Trajectory.Undetermined.class)))
                .entry()).isEqualTo("(class 0, token " + distinct + ")");
        assertThatCode(() -> check(withoutDistinct, classes, EnumSet.of(Trajectory.Undetermined.DISTINCT_LOGITS)))
                .doesNotThrowAnyException();
        double[][] commonGone = new double[k][m];
        commonGone[0][common] = Double.NEGATIVE_INFINITY;
        Trajectory.Snapshot badCommon = new Trajectory.Snapshot(2, 1.5, commonGone, residual, extras);
        assertThat(assertThrows(() -> check(badCommon, classes, EnumSet.of(Trajectory.Undetermined.DISTINCT_LOGITS))).entry())
                .as("a common token's logit is determined even where the distinct ones are not")
                .isEqualTo("(class 0, token " + common + ")");

        double[][] overflowing = new double[k][m];
        overflowing[1][common] = 1e16;
        assertThat(assertThrows(() -> check(new Trajectory.Snapshot(2, 1.5, overflowing, residual, extras), classes,
                EnumSet.noneOf(Trajectory.Undetermined.class))).getMessage()).contains("z entry (class 1", "overflows (1.0E16");

        Map<String, Double> badExtra = new LinkedHashMap<>(extras);
        badExtra.put("row_sum_drift_y", Double.POSITIVE_INFINITY);
        assertThat(assertThrows(() -> check(new Trajectory.Snapshot(2, 1.5, rows, residual, badExtra), classes,
                EnumSet.noneOf(Trajectory.Undetermined.class))).quantity()).isEqualTo("row_sum_drift_y");
        assertThatCode(() -> check(new Trajectory.Snapshot(2, 1.5, rows, residual, Map.of()), classes,
                EnumSet.noneOf(Trajectory.Undetermined.class))).as("an extra left out is undetermined there")
                .doesNotThrowAnyException();
    }

    private static void check(Trajectory.Snapshot s, SequenceClasses classes, EnumSet<Trajectory.Undetermined> undetermined) {
        YZDivergence.requireRecorded(s, classes, undetermined, At.step(2), Precision.DOUBLE, ADVICE);
    }

    private static DivergenceException assertThrows(Runnable r) {
        return org.junit.jupiter.api.Assertions.assertThrows(DivergenceException.class, r::run);
    }
}
