package org.theorycheck.theories.decay;

import org.theorycheck.contract.RungContract;
import org.theorycheck.core.Theory;
import org.theorycheck.core.experiment.ExperimentFile;
import org.theorycheck.core.ladder.Rung;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The rung contract for the toy theory's whole ladder. */
class DecayRungContractTest extends RungContract<DecayExperiment, DecayTrace> {

    private static final Path ONE_WEIGHT = Path.of("src/test/resources/decay/experiments/exponential-decay/one-weight.yaml");

    static DecayExperiment read(String... overrides) {
        return ExperimentFile.read(ONE_WEIGHT, new DecayExperiments()).withOverrides(List.of(overrides)).resolve();
    }

    @Override
    protected Theory<DecayExperiment, DecayTrace> theory() {
        return new DecayTheory();
    }

    @Override
    protected DecayExperiment experiment(Rung<DecayExperiment, DecayTrace> rung) {
        return read("train.steps=20");
    }

    /** The closed form is the flow's, a small-rate limit; every other rung runs any rate below 2. */
    @Override
    protected Optional<DecayExperiment> refused(Rung<DecayExperiment, DecayTrace> rung) {
        return rung.name().equals("closed") ? Optional.of(read("train.rate=1.5")) : Optional.empty();
    }
}
