package org.theorycheck.theories.deeplinear.ladder;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.theorycheck.contract.RungContract;
import org.theorycheck.core.Theory;
import org.theorycheck.core.experiment.ExperimentFile;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.DeepLinearExperiments;
import org.theorycheck.theories.deeplinear.DeepLinearTheory;

/**
 * The rung contract for the deep-linear ladder, on the small synthetic task cut to 60 steps, and for each
 * rung that refuses something an experiment it refuses: a batch that does not divide P (sgd), a depth eq 5
 * does not describe (modes), a random start without the u0 the theory assumes (decoupled), a u0 past s_2
 * (closed).
 */
class DeepLinearRungContractTest extends RungContract<DeepLinearExperiment, DeepLinearTrace> {

    private static final Path SMALL = Path.of("experiments/deep-linear/synthetic-small.yaml");

    static DeepLinearExperiment read(String... overrides) {
        return ExperimentFile.read(SMALL, new DeepLinearExperiments()).withOverrides(List.of(overrides)).resolve();
    }

    @Override
    protected Theory<DeepLinearExperiment, DeepLinearTrace> theory() {
        return new DeepLinearTheory();
    }

    @Override
    protected DeepLinearExperiment experiment(Rung<DeepLinearExperiment, DeepLinearTrace> rung) {
        return read("train.steps=60", "model.init=small_gaussian", "model.init_std=0.05", "model.theory_u0=1e-3");
    }

    @Override
    protected Optional<DeepLinearExperiment> refused(Rung<DeepLinearExperiment, DeepLinearTrace> rung) {
        return switch (rung.name()) {
            case "sgd" -> Optional.of(read("train.batch=3"));
            case "modes" -> Optional.of(read("model.widths=[4, 3, 3, 5]"));
            case "decoupled" -> Optional.of(read("model.init=small_gaussian"));
            case "closed" -> Optional.of(read("model.u0=2.5"));
            default -> Optional.empty();
        };
    }
}
