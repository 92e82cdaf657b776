package org.theorycheck.theories.scansnap.train;

import org.hipparchus.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;
import org.theorycheck.theories.scansnap.TestExperiments;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.data.TokenRole;
import org.theorycheck.theories.scansnap.model.Trajectory;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the paper reports for a Syn-Small run (paper file §5, Fig. 4 left; experiments/scan-and-snap/syn-small.yaml:
 * zero init, SGD momentum 0.9, η_Y = η_Z = 1): the loss falls below 1e-3 within about 30 steps, the
 * common-token logits fall (Theorem 2b / Corollary 2), and the distinct-token logits rise in the
 * order of P(l|n) (Theorem 3).
 */
class SynSmallBehaviourTest {

    /** The paper: "the training loss falls below 1e-3 within about 30 steps". */
    static final double LOSS_BY_STEP_30 = 1e-3;
    /** Theorem 3 orders the distinct logits by P(l|n); minibatch noise may swap close neighbours. */
    static final double MIN_SPEARMAN = 0.9;

    static final long[] SEEDS = {1, 2, 3};

    @Test
    void synSmallScansAndSnapsAsThePaperReports() {
        ExperimentConfig config = TestExperiments.synSmall();
        List<Trajectory> runs = new ArrayList<>();
        for (long seed : SEEDS) {
            runs.add(SgdRun.run(config, seed, step -> { }));
        }
        assertThat(violations(runs)).isEmpty();
    }

    /** Negative control: a hundredfold smaller rate cannot meet the loss target, and the check says so. */
    @Test
    void checkFailsForARunThatHasNotConverged() {
        ExperimentConfig config = TestExperiments.synSmall("train.eta_z=0.01");
        List<Trajectory> runs = new ArrayList<>();
        for (long seed : SEEDS) {
            runs.add(SgdRun.run(config, seed, step -> { }));
        }
        assertThat(violations(runs)).anyMatch(v -> v.startsWith("mean loss at step 30"));
    }

    /** Negative control: a trajectory whose attention logits are reversed in P order fails the ordering check. */
    @Test
    void checkFailsForAntiOrderedLogits() {
        ExperimentConfig config = TestExperiments.synSmall();
        Trajectory t = SgdRun.run(config, 1, step -> { });
        Trajectory.Snapshot last = t.last();
        double[][] rows = new double[last.zRows().length][];
        for (int n = 0; n < rows.length; n++) {
            rows[n] = last.zRows()[n].clone();
            for (int l = 0; l < rows[n].length; l++) {
                rows[n][l] = -rows[n][l];
            }
        }
        List<Trajectory.Snapshot> snaps = new ArrayList<>(t.snapshots());
        snaps.set(snaps.size() - 1, new Trajectory.Snapshot(last.step(), last.loss(), rows, last.decoderResidual(), last.extras()));
        List<String> v = violations(List.of(new Trajectory("sgd", t.classes(), snaps)));
        assertThat(v).anyMatch(s -> s.contains("Spearman"));
        assertThat(v).anyMatch(s -> s.contains("common token"));
    }

    /** The paper's observations, as a list of what is violated (empty: all hold). */
    static List<String> violations(List<Trajectory> runs) {
        List<String> out = new ArrayList<>();
        double lossSum = 0;
        for (Trajectory t : runs) {
            lossSum += lossAt(t, 30);
        }
        double meanLoss = lossSum / runs.size();
        if (!(meanLoss < LOSS_BY_STEP_30)) {
            out.add("mean loss at step 30 is " + meanLoss + ", not < " + LOSS_BY_STEP_30);
        }
        for (Trajectory t : runs) {
            SequenceClasses classes = t.classes();
            Trajectory.Snapshot last = t.last();
            if (last.step() != 100) {
                out.add("last recorded step is " + last.step() + ", not 100");
            }
            for (int n = 0; n < classes.classes(); n++) {
                double[] z = last.zRows()[n];
                for (int l : classes.support(n)) {
                    if (classes.role(l) == TokenRole.COMMON && !(z[l] < 0)) {
                        out.add("class " + n + ": common token " + l + " has logit " + z[l] + " >= 0");
                    }
                }
                int[] distinct = classes.distinctTokens(n);
                double[] p = new double[distinct.length];
                double[] zd = new double[distinct.length];
                for (int i = 0; i < distinct.length; i++) {
                    p[i] = classes.probability(n, distinct[i]);
                    zd[i] = z[distinct[i]];
                }
                double rho = new SpearmansCorrelation().correlation(p, zd);
                if (!(rho >= MIN_SPEARMAN)) {
                    out.add("class " + n + ": Spearman(P, z) over distinct tokens is " + rho + " < " + MIN_SPEARMAN);
                }
            }
        }
        return out;
    }

    private static double lossAt(Trajectory t, int step) {
        for (Trajectory.Snapshot s : t.snapshots()) {
            if (s.step() == step) {
                return s.loss();
            }
        }
        throw new AssertionError("step " + step + " was not recorded");
    }
}
