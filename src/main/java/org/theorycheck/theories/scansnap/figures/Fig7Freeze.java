package org.theorycheck.theories.scansnap.figures;

import org.theorycheck.core.report.Budget;
import org.theorycheck.core.report.DataTable;
import org.theorycheck.core.report.FigureRecipe;
import org.theorycheck.core.report.FigureResult;
import org.theorycheck.core.report.SummaryRow;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.theorycheck.core.report.Figure;
import org.theorycheck.core.report.LineFigure;
import org.theorycheck.theories.scansnap.torch.TextRun;
import org.theorycheck.core.engine.Engine;
import org.theorycheck.theories.scansnap.quantities.LowestLayerSnap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The numbers behind Fig. 7 over the whole run, for the 1-layer and the 3-layer model: every layer's mean
 * attention entropy on the validation windows, and the lowest layer's change rate with the bar it must
 * fall under to count as frozen (a tenth of its largest early rate) and the snap iteration where it
 * stays under it ({@link LowestLayerSnap}), if there is one.
 */
final class Fig7Freeze implements FigureRecipe {

    private final TextRuns runs;
    private final List<String> overrides;

    Fig7Freeze(TextRuns runs, List<String> overrides) {
        this.runs = runs;
        this.overrides = List.copyOf(overrides);
    }

    @Override
    public String name() {
        return "fig7-freeze";
    }

    @Override
    public FigureResult compute(Budget budget, Engine engine, Consumer<String> progress) {
        List<List<TextRun.Record>> models = Fig7Attention.records(runs, budget, overrides, engine, progress);
        List<XYChart> charts = new ArrayList<>();
        DataTable data = new DataTable("model", "step", "layer", "entropy", "change_rate");
        List<SummaryRow> summary = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        for (int m = 0; m < Fig7Attention.MODELS.length; m++) {
            String model = Fig7Attention.MODELS[m][1];
            List<TextRun.Record> records = models.get(m);
            LowestLayerSnap snap = LowestLayerSnap.of(records, LowestLayerSnap.FAR_BELOW);
            int layers = records.get(0).entropy().length;
            double[] steps = records.stream().mapToDouble(TextRun.Record::step).toArray();
            LineFigure entropy = LineFigure.titled(model + ": mean attention entropy (validation)")
                    .axes("iteration", "entropy (nats)").size(640, 420).legend(Styler.LegendPosition.InsideNE);
            for (int l = 0; l < layers; l++) {
                int layer = l;
                entropy.line("layer " + l, steps, records.stream().mapToDouble(r -> r.entropy()[layer]).toArray());
                for (TextRun.Record r : records) {
                    data.row(model, r.step(), l, r.entropy()[l], r.change()[l]);
                }
            }
            double[] rateSteps = records.stream().skip(1).mapToDouble(TextRun.Record::step).toArray();
            double[] rate = records.stream().skip(1).mapToDouble(r -> r.change()[0]).toArray();
            double bar = snap.ratio() * snap.earlyRate();
            LineFigure change = LineFigure.titled(model + ": layer-0 change rate" + (snap.snapIteration() < 0
                            ? " (no snap)" : " (snap at " + snap.snapIteration() + ")"))
                    .axes("iteration", "mean row L1 change per iteration").logY().size(640, 420)
                    .legend(Styler.LegendPosition.InsideNE)
                    .line("layer 0", rateSteps, rate)
                    .line("frozen below (0.1 x early peak)", new double[] {rateSteps[0], rateSteps[rateSteps.length - 1]},
                            new double[] {bar, bar}, LineFigure.Style.DASHED);
            if (snap.snapIteration() >= 0) {
                change.marker(snap.snapIteration(), "snap", "layer 0");
            }
            charts.add(entropy.chart());
            charts.add(change.chart());
            String key = model.replace(' ', '-');
            summary.add(SummaryRow.exact("rate_early/" + key, snap.earlyRate()));
            summary.add(SummaryRow.exact("rate_late/" + key, snap.lateRate()));
            seen.append(seen.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT,
                    "%s: layer-0 change rate %.3g per iteration at its early peak, %.3g over the last quarter (%.0f%%), %s",
                    model, snap.earlyRate(), snap.lateRate(), 100 * snap.lateRate() / snap.earlyRate(),
                    snap.snapIteration() < 0 ? "never under a tenth of the peak to the end" : "under a tenth from iteration " + snap.snapIteration()));
        }
        return new FigureResult(name(), "Fig. 7 over time: attention entropy and how fast the lowest layer still changes",
                "The lowest layer's attention becomes sparse and then freezes while the learning rate stays constant.",
                seen + ".", new Figure(charts, 2), data, summary);
    }
}
