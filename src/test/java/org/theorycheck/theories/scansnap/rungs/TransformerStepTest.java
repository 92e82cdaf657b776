package org.theorycheck.theories.scansnap.rungs;

import org.junit.jupiter.api.Test;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import org.theorycheck.theories.scansnap.experiment.TransformerFeatures;
import org.theorycheck.theories.scansnap.model.Trajectory;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The steps of the ladder from the whole transformer down to the YZ model. */
class TransformerStepTest {

    private static ExperimentConfig read(String file, String... overrides) {
        return ScanSnapExperiments.read(Path.of("experiments", "scan-and-snap", file)).withOverrides(List.of(overrides)).resolve();
    }

    @Test
    void eachStepDropsOneMoreFeatureInLadderOrderDownToTheYZModel() {
        assertThat(Rungs.names()).containsSubsequence("transformer", "no-ffn", "no-ln", "no-residual", "no-bias", "identity-vo",
                "one-hot", "free-z", "torch-yz", "sgd", "map");
        List<TransformerStep> steps = TransformerStep.all();
        TransformerFeatures above = TransformerFeatures.ALL;
        for (TransformerStep s : steps) {
            assertThat(above.has(s.dropped())).as(s.name()).isTrue();
            assertThat(s.features()).as(s.name()).isEqualTo(above.without(s.dropped()));
            above = s.features();
        }
        assertThat(above).isEqualTo(TransformerFeatures.NONE);
    }

    /** The last step is rung sgd's model: on the same experiment and seed, the same logits up to float32 rounding. */
    @Test
    void theLastStepIsRungSgd() {
        ExperimentConfig c = read("syn-medium-transformer.yaml", "train.steps=20");
        Trajectory yz = (Trajectory) Rungs.byName("torch-yz").orElseThrow().run(c, 2);
        Trajectory sgd = (Trajectory) new SgdRung().run(c, 2);
        assertThat(yz.rung()).isEqualTo("torch-yz");
        double gap = 0;
        double moved = 0;
        for (int i = 0; i < sgd.size(); i++) {
            for (int n = 0; n < sgd.classes().classes(); n++) {
                for (int l : sgd.classes().support(n)) {
                    gap = Math.max(gap, Math.abs(yz.z(i, n, l) - sgd.z(i, n, l)));
                    moved = Math.max(moved, Math.abs(sgd.z(i, n, l) - sgd.z(0, n, l)));
                }
            }
        }
        assertThat(moved).isGreaterThan(0.01);
        assertThat(gap).isLessThan(1e-5);
    }

    @Test
    void aStepRefusesAnExperimentWhoseSwitchesAreSetAndOneWithoutTransformer() {
        TransformerStep step = TransformerStep.all().get(2);
        assertThatThrownBy(() -> step.requireApplicable(read("syn-medium-transformer.yaml", "transformer.residual=false")))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("transformer.residual");
                    assertThat(e.problem()).contains("sets the transformer's switches itself");
                });
        assertThatThrownBy(() -> step.requireApplicable(read("syn-small.yaml")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problem()).contains("rung: transformer"));
    }
}
