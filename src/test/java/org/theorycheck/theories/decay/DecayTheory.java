package org.theorycheck.theories.decay;

import org.theorycheck.core.Theory;
import org.theorycheck.core.claims.Quantity;
import org.theorycheck.core.claims.SymbolicChecks;
import org.theorycheck.core.experiment.ExperimentSchema;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.core.report.FigureRecipe;
import org.theorycheck.theories.decay.symbolic.DecaySymbolicChecks;

import java.util.List;

/**
 * A theory that needs no paper, to prove the seam: one weight fitted by SGD decays to its target,
 * and the ladder SGD → gradient descent → gradient flow → closed form says how. It lives in the test
 * sources and plugs in through {@code META-INF/services} alone; {@code docs/adding-a-theory.md} walks
 * through it.
 */
public final class DecayTheory implements Theory<DecayExperiment, DecayTrace> {

    static final String ID = "exponential-decay";
    static final List<String> RUNGS = List.of("sgd", "gd", "flow", "closed");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Exponential decay of one weight (a worked example)";
    }

    @Override
    public ExperimentSchema<DecayExperiment> experiments() {
        return new DecayExperiments();
    }

    @Override
    public List<Rung<DecayExperiment, DecayTrace>> ladder() {
        return List.of(new DecayRungs.Sgd(), new DecayRungs.Gd(), new DecayRungs.Flow(), new DecayRungs.Closed());
    }

    @Override
    public List<Quantity<DecayExperiment, DecayTrace>> quantities() {
        return List.of(new RungGap());
    }

    @Override
    public SymbolicChecks symbolic() {
        return SymbolicChecks.of(DecaySymbolicChecks.IDS, DecaySymbolicChecks::run);
    }

    @Override
    public Observables<DecayExperiment, DecayTrace> observables() {
        return new Observables<>() {
            @Override
            public List<String> names(DecayExperiment experiment) {
                return List.of("w");
            }

            @Override
            public double[] of(DecayExperiment experiment, DecayTrace trace) {
                return new double[] {trace.weight()[trace.weight().length - 1]};
            }
        };
    }

    @Override
    public List<FigureRecipe> figures() {
        return List.of();
    }
}
