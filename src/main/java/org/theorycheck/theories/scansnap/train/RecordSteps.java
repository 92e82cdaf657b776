package org.theorycheck.theories.scansnap.train;

import org.theorycheck.theories.scansnap.experiment.TrainSpec;

import java.util.ArrayList;
import java.util.List;

/** The times at which every rung reports its state: the SGD trainer's record steps. */
public final class RecordSteps {

    private RecordSteps() {}

    /** Whether the state after {@code step} updates is recorded (step 0 always is). */
    public static boolean isRecorded(TrainSpec train, int step) {
        return step == 0 || step % train.recordEvery() == 0 || step == train.steps();
    }

    /** 0, record_every, 2·record_every, …, and the last step, ascending without repeats. */
    public static double[] of(TrainSpec train) {
        List<Double> steps = new ArrayList<>();
        steps.add(0.0);
        for (int s = 1; s <= train.steps(); s++) {
            if (isRecorded(train, s)) {
                steps.add((double) s);
            }
        }
        return steps.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
