package org.theorycheck.theories.scansnap.rungs;

import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.train.SgdRun;

import java.util.function.DoubleConsumer;

/** Rung 1: what a practitioner runs, real minibatch SGD with finite T and momentum. */
public final class SgdRung implements Rung<ExperimentConfig, ScanSnapTrace> {

    @Override
    public void requireApplicable(ExperimentConfig config) {
        config.requireSynthetic("rung " + name());
    }

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public Trajectory run(ExperimentConfig config, long seed) {
        return run(config, seed, step -> { });
    }

    @Override
    public Trajectory run(ExperimentConfig config, long seed, DoubleConsumer progress) {
        return SgdRun.run(config, seed, progress::accept);
    }
}
