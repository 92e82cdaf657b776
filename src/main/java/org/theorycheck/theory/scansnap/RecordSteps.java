package org.theorycheck.theory.scansnap;

import org.theorycheck.config.TrainSpec;

import java.util.stream.IntStream;

/** The times at which every rung reports its state: the SGD record steps of {@code Trainer}. */
final class RecordSteps {

    private RecordSteps() {}

    /** 0, record_every, 2·record_every, …, and train.steps, ascending, as SGD records them. */
    static double[] of(TrainSpec train) {
        return IntStream.rangeClosed(0, train.steps())
                .filter(s -> s == 0 || s % train.recordEvery() == 0 || s == train.steps())
                .asDoubleStream().toArray();
    }
}
