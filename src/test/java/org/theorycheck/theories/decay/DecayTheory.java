package org.theorycheck.theories.decay;

import org.theorycheck.core.Theory;
import org.theorycheck.core.claims.Quantity;
import org.theorycheck.core.claims.SymbolicChecks;
import org.theorycheck.core.experiment.ExperimentSchema;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.core.ladder.RunFiles;
import org.theorycheck.core.ladder.TraceCsv;
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

    /**
     * {@code trace.csv} with the columns {@code step} (every step from 0 to the experiment's last) and {@code w}; the
     * column {@code loss}, which {@code train} writes too, is optional and, if there, must be ½(w − w*)².
     */
    @Override
    public DecayTrace readTrace(DecayExperiment experiment, RunFiles files) {
        RunFiles.Table trace = files.trace().expect(List.of("w"), List.of("loss"));
        double[] steps = trace.steps();
        for (int k = 0; k < steps.length; k++) {
            if (steps[k] != k) {
                throw trace.error(k, "step", "is " + TraceCsv.step(steps[k]) + " where step " + k + " is expected: a run "
                        + "records every step from 0");
            }
        }
        double[] w = trace.numbers("w");
        if (trace.has("loss")) {
            double[] loss = trace.numbers("loss");
            for (int k = 0; k < w.length; k++) {
                double expected = 0.5 * (w[k] - experiment.target()) * (w[k] - experiment.target());
                if (Math.abs(loss[k] - expected) > 1e-12 * Math.max(1, expected)) {
                    throw trace.error(k, "loss", "is " + loss[k] + ", but ½(w − w*)² = " + expected + " with w* = "
                            + experiment.target() + " (model.target)");
                }
            }
        }
        return new DecayTrace(steps, w, experiment.target());
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
