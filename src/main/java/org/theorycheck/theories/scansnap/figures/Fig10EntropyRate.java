package org.theorycheck.theories.scansnap.figures;

import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import org.theorycheck.core.report.Budget;
import org.theorycheck.core.report.DataTable;
import org.theorycheck.core.report.FigureRecipe;
import org.theorycheck.core.report.FigureResult;
import org.theorycheck.core.report.SummaryRow;
import org.knowm.xchart.style.Styler;
import org.theorycheck.core.experiment.ExperimentSource;
import org.theorycheck.core.report.Figure;
import org.theorycheck.core.report.LineFigure;
import org.theorycheck.theories.scansnap.torch.TextRun;
import org.theorycheck.core.engine.Engine;
import org.theorycheck.core.sweep.SweepPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Paper Fig. 10 (Appendix G) on the Brown corpus: the final first-layer attention entropy on the
 * validation windows against the learning rate (one rate for every parameter), mean ± std over seeds,
 * for the grid of experiments/scan-and-snap/fig10-brown.yaml.
 */
final class Fig10EntropyRate implements FigureRecipe {

    static final String EXPERIMENT = "experiments/scan-and-snap/fig10-brown.yaml";
    /**
     * The quick budget: the five rates, two seeds, the vocabulary of words seen at least 100 times and
     * 100 iterations (the claim fig10-entropy-vs-rate checks three of the rates at this size).
     */
    static final List<String> QUICK = List.of("corpus.min_count=100", "train.steps=100", "seeds=1..2");

    private final TextRuns runs;
    private final List<String> overrides;

    Fig10EntropyRate(TextRuns runs, List<String> overrides) {
        this.runs = runs;
        this.overrides = List.copyOf(overrides);
    }

    @Override
    public String name() {
        return "fig10";
    }

    @Override
    public FigureResult compute(Budget budget, Engine engine, Consumer<String> progress) {
        ExperimentSource source = Runs.textSource(EXPERIMENT, budget, QUICK, overrides);
        SweepPlan<ExperimentConfig> plan = SweepPlan.of(source.file(ScanSnapExperiments.SCHEMA));
        List<Long> seeds = plan.base().seeds();
        List<TextRuns.Run> wanted = new ArrayList<>();
        for (SweepPlan.Cell<ExperimentConfig> cell : plan.cells()) {
            for (long seed : seeds) {
                wanted.add(new TextRuns.Run(source, cell.values(), seed));
            }
        }
        List<Double> entropy = runs.records(engine, wanted, "fig10 runs", progress).stream()
                .map(records -> records.get(records.size() - 1).entropy()[0]).toList();
        int cells = plan.cells().size();
        double[] rate = new double[cells];
        double[] mean = new double[cells];
        double[] std = new double[cells];
        DataTable data = new DataTable("train.eta_z", "seed", "entropy");
        List<SummaryRow> summary = new ArrayList<>();
        for (int c = 0; c < cells; c++) {
            rate[c] = plan.cells().get(c).config().train().etaZ();
            double[] values = new double[seeds.size()];
            for (int s = 0; s < seeds.size(); s++) {
                values[s] = entropy.get(c * seeds.size() + s);
                data.row(rate[c], seeds.get(s), values[s]);
            }
            SummaryRow row = SummaryRow.seeds("entropy/eta=" + DataTable.number(rate[c]), values);
            summary.add(row);
            mean[c] = row.mean();
            std[c] = row.std();
        }
        LineFigure f = LineFigure.titled("Brown, 1 layer: final layer-0 attention entropy vs learning rate")
                .axes("learning rate η (every parameter)", "mean attention entropy (nats)").size(760, 520)
                .legend(Styler.LegendPosition.InsideNE)
                .errorBars("mean ± std over " + seeds.size() + " seeds", rate, mean, std);
        StringBuilder seen = new StringBuilder();
        for (int c = 0; c < cells; c++) {
            seen.append(c == 0 ? "" : ", ").append(String.format(Locale.ROOT, "η = %s: %.3f ± %.3f", DataTable.number(rate[c]), mean[c], std[c]));
        }
        return new FigureResult(name(), "Fig. 10: attention entropy vs learning rate on the Brown corpus",
                "The average self-attention entropy falls as the (single) learning rate grows from 1 to 5 "
                        + "(WikiText-2 and WikiText-103 in the paper, 5 seeds).",
                "Final layer-0 entropy (nats, mean ± std over " + seeds.size() + " seeds, " + plan.base().train().steps()
                        + " iterations): " + seen + ".", Figure.of(f.chart()), data, summary);
    }
}
