package org.theorycheck.theories.decay;

import org.theorycheck.contract.QuantityContract;
import org.theorycheck.core.claims.HandMadeCheck;
import org.theorycheck.core.claims.Quantity;
import org.theorycheck.core.claims.Tolerance;

import java.nio.file.Path;

/**
 * The quantity contract for the toy theory's rung_gap, with closed-form.yaml's tolerance: the flow
 * handing over the closed form itself holds; the closed form with w pushed a fifth of the distance
 * off at one step fails.
 */
class DecayRungGapContractTest extends QuantityContract<DecayExperiment, DecayTrace> {

    private static final Path ONE_WEIGHT = Path.of("src/test/resources/decay/experiments/exponential-decay/one-weight.yaml");
    private static final DecayRungs.Closed CLOSED = new DecayRungs.Closed();

    @Override
    protected Quantity<DecayExperiment, DecayTrace> quantity() {
        return new RungGap();
    }

    @Override
    protected Tolerance tolerance() {
        return new Tolerance(1e-8, 1e-6, 0.95);
    }

    /** The flow rung hands over {@code flow}; every other rung runs. */
    private static HandMadeCheck<DecayExperiment, DecayTrace> flowGiving(HandMadeCheck.Traces<DecayExperiment, DecayTrace> flow) {
        return HandMadeCheck.on(new DecayTheory(), "flow", ONE_WEIGHT).param("against", "closed")
                .traces((rung, e, seed) -> rung.name().equals("flow") ? flow.of(rung, e, seed) : rung.run(e, seed));
    }

    @Override
    protected HandMadeCheck<DecayExperiment, DecayTrace> meeting() {
        return flowGiving((rung, e, seed) -> CLOSED.run(e, seed));
    }

    @Override
    protected HandMadeCheck<DecayExperiment, DecayTrace> breaking() {
        return flowGiving((rung, e, seed) -> {
            DecayTrace closed = CLOSED.run(e, seed);
            double[] w = closed.weight().clone();
            w[10] += 0.2 * (e.target() - e.start());
            return new DecayTrace(closed.steps(), w, e.target());
        });
    }
}
