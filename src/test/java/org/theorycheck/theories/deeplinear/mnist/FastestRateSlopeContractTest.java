package org.theorycheck.theories.deeplinear.mnist;

import org.theorycheck.contract.QuantityContract;
import org.theorycheck.core.claims.HandMadeCheck;
import org.theorycheck.core.claims.Quantity;
import org.theorycheck.core.claims.Tolerance;

/**
 * The quantity contract for fastest_rate_slope against O(1/N_l), with the claim file's tolerance 0.25: on modes
 * near 1 the fastest rate falls as 1/N_l; on modes up to 10 it falls faster (eq 41's s^{(2N_l−4)/(N_l−1)}).
 */
class FastestRateSlopeContractTest extends QuantityContract<ScanTheory.ScanExperiment, ScanTheory.NoTrace> {

    @Override
    protected Quantity<ScanTheory.ScanExperiment, ScanTheory.NoTrace> quantity() {
        return new ScanTheory().quantities().get(1);
    }

    @Override
    protected Tolerance tolerance() {
        return new Tolerance(0.25, 0.25, 0.95);
    }

    @Override
    protected HandMadeCheck<ScanTheory.ScanExperiment, ScanTheory.NoTrace> meeting() {
        return HandMadeCheck.on(new ScanTheory(), "gd", LearningTimeSaturationContractTest.DIR.resolve("equal-modes.yaml"))
                .param("against", "one_over_depth");
    }

    @Override
    protected HandMadeCheck<ScanTheory.ScanExperiment, ScanTheory.NoTrace> breaking() {
        return HandMadeCheck.on(new ScanTheory(), "gd", LearningTimeSaturationContractTest.DIR.resolve("strong-modes.yaml"))
                .param("against", "one_over_depth");
    }
}
