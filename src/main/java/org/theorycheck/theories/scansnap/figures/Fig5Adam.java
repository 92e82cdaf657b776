package org.theorycheck.theories.scansnap.figures;

import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import org.theorycheck.core.report.Budget;
import org.theorycheck.core.report.FigureRecipe;
import org.theorycheck.core.report.FigureResult;
import org.theorycheck.core.experiment.ExperimentSource;
import org.theorycheck.core.engine.Engine;
import org.theorycheck.core.sweep.SweepPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Paper Fig. 5: Syn-Small trained with Adam at η_Y = η_Z ∈ {0.1, 0.5, 1}; one row of heat maps per rate. */
final class Fig5Adam implements FigureRecipe {

    static final String EXPERIMENT = "experiments/scan-and-snap/fig5-adam.yaml";

    @Override
    public String name() {
        return "fig5";
    }

    @Override
    public FigureResult compute(Budget budget, Engine engine, Consumer<String> progress) {
        ExperimentSource source = Runs.source(EXPERIMENT, budget, List.of());
        SweepPlan<ExperimentConfig> plan = SweepPlan.of(source.file(ScanSnapExperiments.SCHEMA));
        List<AttentionRuns> settings = new ArrayList<>();
        for (SweepPlan.Cell<ExperimentConfig> cell : plan.cells()) {
            String eta = cell.values().get("train.eta_z");
            settings.add(Fig4Heatmaps.run(engine, source, cell.values(), "eta=" + eta, "Adam, η_Y = η_Z = " + eta,
                    "fig5 η = " + eta, progress));
        }
        return Fig4Heatmaps.result(name(), "Fig. 5: attention heat maps on Syn-Small trained with Adam",
                "With Adam the attention also becomes sparse, but on distinct tokens other than the most frequent ones: "
                        + "Adam does not show SGD's frequency bias.", settings);
    }
}
