package org.theorycheck.theories.scansnap.rungs;

import org.theorycheck.contract.RungContract;
import org.theorycheck.core.Theory;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.theories.scansnap.ScanSnapTheory;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The rung contract for Scan and Snap's ladder, on the synthetic classes of Syn-Small cut to 6 steps (the
 * transformer and its steps down to the YZ model on the transformer's Syn-Small experiment); the transformer
 * on real text is left to the text tests, which need the corpus.
 */
class ScanSnapRungContractTest extends RungContract<ExperimentConfig, ScanSnapTrace> {

    private static final Path EXPERIMENTS = Path.of("experiments", "scan-and-snap");

    private static ExperimentConfig read(String file, String... overrides) {
        return ScanSnapExperiments.read(EXPERIMENTS.resolve(file)).withOverrides(List.of(overrides)).resolve();
    }

    @Override
    protected Theory<ExperimentConfig, ScanSnapTrace> theory() {
        return new ScanSnapTheory();
    }

    @Override
    protected ExperimentConfig experiment(Rung<ExperimentConfig, ScanSnapTrace> rung) {
        return rung instanceof TransformerRung || rung instanceof TransformerStep
                ? read("syn-small-transformer.yaml", "train.steps=6", "train.record_every=2", "train.batch=32")
                : read("syn-small.yaml", "train.steps=6", "train.record_every=2");
    }

    @Override
    protected Optional<ExperimentConfig> refused(Rung<ExperimentConfig, ScanSnapTrace> rung) {
        return switch (rung.name()) {
            // Both run on the synthetic classes only.
            case "sgd", "map" -> Optional.of(read("fig7-brown.yaml"));
            // Continuous time is the limit of SGD, not of Adam.
            case "flow" -> Optional.of(read("syn-small.yaml", "train.optimizer=adam"));
            // Their equations are of the l2-normalised model without the residual.
            case "reduced", "closed" -> Optional.of(read("syn-small.yaml", "model.residual=true"));
            // The transformer trains on the synthetic classes and on text alike; its steps on the classes only.
            case "transformer" -> Optional.empty();
            default -> Optional.of(read("fig7-brown.yaml"));
        };
    }
}
