package org.theorycheck.theories.scansnap.rungs;

import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.core.experiment.ExperimentFile;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.data.TokenRole;
import org.theorycheck.theories.scansnap.model.Trajectory;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rung 5 on Syn-Small: C₀ from the family by hand, the rows it determines, and its distance to rung 4.
 * Syn-Small has ten common tokens, not Appendix F's one: lumping them into one logit makes the common
 * logits fall far faster than under Eqn. 10, so the overlaps and B_n shrink sooner; the measured B_n of
 * rung 5 stays below rung 4's at every sample.
 */
class ClosedFormRungTest {

    /** Closed forms evaluated directly: only rounding separates them from the hand computation. */
    private static final double ROUNDING = 1e-12;

    private static ExperimentConfig config;
    private static Trajectory closed;

    @BeforeAll
    static void evaluate() {
        config = ScanSnapExperiments.read(Path.of("experiments/scan-and-snap/syn-small.yaml")).resolve();
        closed = new ClosedFormRung().run(config, 1);
    }

    @Test
    void c0FollowsFromTheInitialOverlapOfSynSmall() {
        // Z(0) = 0: f_0ᵀf_1 = Σ_common w_c² / (Σ_common w_c² + Σ_distinct w²) = 10 / (10 + 3.85), since the
        // distinct weights 0.1, 0.2, …, 1.0 have squares summing to 3.85; ρ₀² is its inverse, C₀ = ρ₀⁴/K.
        double rhoSquared = 13.85 / 10;
        double expected = rhoSquared * rhoSquared / 2;
        double c0 = closed.at(0).extras().get("C0");
        System.out.printf("syn-small: rho0^2 = %.4f, C0 = %.6f%n", rhoSquared, c0);
        assertThat(Math.abs(c0 - expected)).isLessThanOrEqualTo(ROUNDING);
    }

    @Test
    void determinesCommonLogitsOnlyAndLeavesUntouchedTokensAtTheirStart() {
        SequenceClasses classes = closed.classes();
        double etaY = ContinuousTime.etaY(config.train(), config.source());
        double etaZ = ContinuousTime.etaZ(config.train(), config.source());
        AppendixF model = new AppendixF(new DecoderClosedForm(classes.vocabulary(), 2, etaY), etaZ,
                closed.at(0).extras().get("C0"));
        for (int i = 0; i < closed.size(); i++) {
            double t = closed.at(i).step();
            for (int n = 0; n < 2; n++) {
                double[] row = closed.at(i).zRows()[n];
                for (int l = 0; l < row.length; l++) {
                    if (classes.probability(n, l) == 0) {
                        assertThat(row[l]).isZero();
                    } else if (classes.role(l) == TokenRole.COMMON) {
                        assertThat(row[l]).isEqualTo(model.commonLogit(t));
                    } else {
                        assertThat(row[l]).isNaN();
                    }
                }
            }
            assertThat(closed.at(i).extras().get("B_0")).isEqualTo(model.b(t));
        }
    }

    @Test
    void singleCommonTokenModelUnderestimatesRung4sBOnSynSmall() {
        Trajectory reduced = new ReducedRung().run(config, 1);
        int common = 0;
        for (int i : new int[] {1, 2, 5, 10, 25, 50}) {
            System.out.printf("syn-small t=%3.0f: B_0 closed %.4f vs reduced %.4f; common z closed %.4f vs reduced %.4f; "
                            + "B_scan %.4f B_snap %.4f%n",
                    closed.at(i).step(), closed.at(i).extras().get("B_0"), reduced.at(i).extras().get("B_0"),
                    closed.z(i, 0, common), reduced.z(i, 0, common),
                    closed.at(i).extras().get("B_scan"), closed.at(i).extras().get("B_snap"));
        }
        assertThat(closed.steps()).containsExactly(reduced.steps());
        double[] closedB = closed.extraSeries("B_0");
        double[] reducedB = reduced.extraSeries("B_0");
        for (int i = 1; i < closed.size(); i++) {
            assertThat(closedB[i]).isLessThan(reducedB[i]);
        }
    }
}
