package org.theorycheck.theories.scansnap.figures;

import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import org.theorycheck.core.report.Budget;
import org.theorycheck.core.report.DataTable;
import org.theorycheck.core.report.FigureRecipe;
import org.theorycheck.core.report.FigureResult;
import org.theorycheck.core.report.SummaryRow;
import org.knowm.xchart.internal.chartpart.Chart;
import org.theorycheck.core.experiment.ExperimentSource;
import org.theorycheck.theories.scansnap.report.AttentionTable;
import org.theorycheck.core.report.Figure;
import org.theorycheck.theories.scansnap.report.KeyLabels;
import org.theorycheck.theories.scansnap.report.RecallCurves;
import org.theorycheck.theories.scansnap.report.SweepPanels;
import org.theorycheck.core.engine.Engine;
import org.theorycheck.core.sweep.SweepPlan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Paper Fig. 11 and 12: recall of distinct tokens against a threshold τ near 1/M at the end of SGD
 * training on Syn-Medium (see {@link RecallCurves} for the definition), one panel per Q, one curve per
 * value of the swept rate. The summary number of a run is its recall averaged over the thresholds
 * (evenly spaced in log τ from 0.1/M to 10/M), the area under its curve: larger means denser attention.
 */
final class RecallFigure implements FigureRecipe {

    private final String name;
    private final String experiment;
    private final String curveKey;
    private final String title;
    private final String paperSays;
    private final List<String> overrides;

    private RecallFigure(String name, String experiment, String curveKey, String title, String paperSays,
                         List<String> overrides) {
        this.name = name;
        this.experiment = experiment;
        this.curveKey = curveKey;
        this.title = title;
        this.paperSays = paperSays;
        this.overrides = List.copyOf(overrides);
    }

    static RecallFigure fig11(List<String> overrides) {
        return new RecallFigure("fig11", "experiments/scan-and-snap/fig11-recall.yaml", "train.eta_ratio",
                "Fig. 11: recall of distinct tokens on Syn-Medium for several η_Y/η_Z (η_Z = 1)",
                "A larger η_Y/η_Z keeps more distinct tokens above the threshold: the attention is denser.", overrides);
    }

    static RecallFigure fig12(List<String> overrides) {
        return new RecallFigure("fig12", "experiments/scan-and-snap/fig12-recall.yaml", "train.eta_z",
                "Fig. 12: recall of distinct tokens on Syn-Medium for several η_Z (η_Y/η_Z = 1)",
                "A larger η_Z drops more distinct tokens below the threshold: the attention is sparser.", overrides);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FigureResult compute(Budget budget, Engine engine, Consumer<String> progress) {
        ExperimentSource source = Runs.source(experiment, budget, overrides);
        SweepPlan<ExperimentConfig> plan = SweepPlan.of(source.file(ScanSnapExperiments.SCHEMA));
        List<List<AttentionTable>> runs = Runs.sgd(engine, source, plan, t -> AttentionTable.of(Runs.last(t)), name + " runs", progress);
        double[] multiples = RecallCurves.defaultMultiples();
        String symbol = KeyLabels.symbol(curveKey);
        Map<String, Map<String, List<AttentionTable>>> panels = new LinkedHashMap<>();
        Map<String, Integer> vocabulary = new LinkedHashMap<>();
        DataTable data = new DataTable("data.queries", curveKey, "tau_times_m", "recall_mean", "recall_std", "n");
        List<SummaryRow> summary = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        for (int c = 0; c < plan.cells().size(); c++) {
            SweepPlan.Cell<ExperimentConfig> cell = plan.cells().get(c);
            String q = cell.values().get("data.queries");
            String v = cell.values().get(curveKey);
            int m = cell.config().data().vocabulary();
            vocabulary.put(q, m);
            panels.computeIfAbsent(q, k -> new LinkedHashMap<>()).put(symbol + " = " + v, runs.get(c));
            double[] tau = new double[multiples.length];
            for (int i = 0; i < tau.length; i++) {
                tau[i] = multiples[i] / m;
            }
            List<double[]> curves = runs.get(c).stream().map(t -> RecallCurves.recall(t, tau)).toList();
            for (int i = 0; i < multiples.length; i++) {
                SummaryRow point = SummaryRow.seeds("", Runs.column(curves, i));
                data.row(q, v, multiples[i], point.mean(), point.std(), point.n());
            }
            double[] area = curves.stream().mapToDouble(r -> Arrays.stream(r).average().orElse(Double.NaN)).toArray();
            SummaryRow row = SummaryRow.seeds("recall_area/Q=" + q + "/" + curveKey.substring(6) + "=" + v, area);
            summary.add(row);
        }
        List<Chart<?, ?>> charts = new ArrayList<>();
        int r = plan.base().data().nextPerQuery();
        for (Map.Entry<String, Map<String, List<AttentionTable>>> p : panels.entrySet()) {
            String panelTitle = SweepPanels.queriesTitle(r).apply(p.getKey()) + " (M = " + vocabulary.get(p.getKey()) + ")";
            charts.addAll(RecallCurves.figure(panelTitle, p.getValue(), vocabulary.get(p.getKey()), multiples).panels());
            List<SummaryRow> rows = summary.stream().filter(s -> s.key().contains("/Q=" + p.getKey() + "/")).toList();
            seen.append(seen.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "Q = %s: mean recall over τ %s",
                    p.getKey(), String.join(", ", rows.stream().map(s -> String.format(Locale.ROOT, "%.2f", s.mean())).toList())));
        }
        String values = String.join(", ", plan.cells().stream().map(c -> c.values().get(curveKey)).distinct().toList());
        return new FigureResult(name, title, paperSays, "Over " + plan.base().seeds().size() + " seeds, for " + symbol
                + " = " + values + ": " + seen + ".", new Figure(charts, 2), data, summary);
    }
}
