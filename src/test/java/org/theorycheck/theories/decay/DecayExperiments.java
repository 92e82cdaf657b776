package org.theorycheck.theories.decay;

import org.theorycheck.core.experiment.ExperimentKeys;
import org.theorycheck.core.experiment.ExperimentSchema;
import org.theorycheck.core.experiment.ExperimentValues;

/** The keys of an exponential-decay experiment file and their binding. */
final class DecayExperiments implements ExperimentSchema<DecayExperiment> {

    private static final ExperimentKeys KEYS = ExperimentKeys.builder()
            .number("model.target", "1.0")
            .number("model.start", "0.0")
            .number("train.rate", "0.1")
            .integer("train.batch", "8")
            .integer("train.steps", "50")
            .text("rung", "sgd")
            .fixed("rung")
            .build();

    @Override
    public String theory() {
        return DecayTheory.ID;
    }

    @Override
    public ExperimentKeys keys() {
        return KEYS;
    }

    @Override
    public DecayExperiment bind(ExperimentValues v) {
        double rate = v.positive("train.rate");
        if (rate >= 2) {
            throw v.error("train.rate", "must be below 2, where gradient descent on this loss stops converging; got " + rate);
        }
        double target = v.number("model.target");
        double start = v.number("model.start");
        if (target == start) {
            throw v.error("model.start", "must differ from model.target, or nothing decays");
        }
        return new DecayExperiment(v.name(), v.source(), v.seeds(), v.sweepAxes(), v.choice("rung", DecayTheory.RUNGS.toArray(String[]::new)),
                v.fingerprint(), target, start, rate, v.integer("train.batch", 1), v.integer("train.steps", 1));
    }
}
