package org.theorycheck.theories.scansnap.rungs;

import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.theories.scansnap.torch.SyntheticClassesRun;

/**
 * The top rung: a real transformer (embeddings, query/key/value projections, feed-forward layers, layer
 * norm) trained with SGD on the same sequence classes, which drops the YZ reparametrization (paper §1.1).
 * Its Z rows are the effective first-layer logits between tokens.
 */
public final class TransformerRung implements Rung {

    @Override
    public String name() {
        return "transformer";
    }

    @Override
    public Trajectory run(ExperimentConfig config, long seed) {
        return SyntheticClassesRun.run(config, seed, step -> { });
    }
}
