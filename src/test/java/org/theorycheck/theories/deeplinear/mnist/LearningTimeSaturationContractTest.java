package org.theorycheck.theories.deeplinear.mnist;

import org.theorycheck.contract.QuantityContract;
import org.theorycheck.core.claims.HandMadeCheck;
import org.theorycheck.core.claims.Quantity;
import org.theorycheck.core.claims.Tolerance;

import java.nio.file.Path;

/**
 * The quantity contract for learning_time_saturation, with the claim file's tolerance 0.5 (halfway between a
 * saturated learning time, slope 0, and one proportional to depth, slope 1): a decoupled start of strength 0.1
 * on modes near 1 saturates; a start of 0.001 on modes up to 3 still grows over depths up to 50.
 */
class LearningTimeSaturationContractTest extends QuantityContract<ScanTheory.ScanExperiment, ScanTheory.NoTrace> {

    static final Path DIR = Path.of("src/test/resources/deeplinear/depth-scan");

    @Override
    protected Quantity<ScanTheory.ScanExperiment, ScanTheory.NoTrace> quantity() {
        return new ScanTheory().quantities().get(0);
    }

    @Override
    protected Tolerance tolerance() {
        return new Tolerance(0.5, 0.5, 0.95);
    }

    @Override
    protected HandMadeCheck<ScanTheory.ScanExperiment, ScanTheory.NoTrace> meeting() {
        return HandMadeCheck.on(new ScanTheory(), "gd", DIR.resolve("equal-modes.yaml"));
    }

    @Override
    protected HandMadeCheck<ScanTheory.ScanExperiment, ScanTheory.NoTrace> breaking() {
        return HandMadeCheck.on(new ScanTheory(), "gd", DIR.resolve("small-start.yaml"));
    }
}
