package org.theorycheck.theories.scansnap.figures;

import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import org.theorycheck.core.report.Budget;
import org.theorycheck.core.report.DataTable;
import org.theorycheck.core.report.FigureRecipe;
import org.theorycheck.core.report.FigureResult;
import org.theorycheck.core.report.SummaryRow;
import org.knowm.xchart.internal.chartpart.Chart;
import org.theorycheck.core.experiment.ExperimentSource;
import org.theorycheck.theories.scansnap.report.AttentionHeatmap;
import org.theorycheck.core.report.Figure;
import org.theorycheck.theories.scansnap.torch.TextRun;
import org.theorycheck.core.engine.Engine;
import org.theorycheck.theories.scansnap.quantities.LowestLayerSnap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Paper Fig. 7 on the Brown corpus: the layer-0 attention map of one training window (column 0 of the
 * window at token 100·bptt) at the recorded iterations nearest 0, T/3, 2T/3 and T (0, 500, 1000, 1500 at
 * the full budget), top row a 1-layer, bottom row a 3-layer transformer, all on one colour scale.
 */
final class Fig7Attention implements FigureRecipe {

    /** The two models of Fig. 7: experiment file and row label. */
    static final String[][] MODELS = {
            {"experiments/scan-and-snap/fig7-brown.yaml", "1 layer"},
            {"experiments/scan-and-snap/fig7-brown-3layer.yaml", "3 layers"}};
    /**
     * The quick budget, as in the claim fig7-attention-freezes: the vocabulary of words seen at least 100
     * times (853 entries; an iteration about 3 times cheaper than with min_count 10's 7,289) and 300
     * iterations, by which the 1-layer attention is sparse.
     */
    static final List<String> QUICK = List.of("corpus.min_count=100", "train.steps=300");

    private final TextRuns runs;
    private final List<String> overrides;

    Fig7Attention(TextRuns runs, List<String> overrides) {
        this.runs = runs;
        this.overrides = List.copyOf(overrides);
    }

    @Override
    public String name() {
        return "fig7";
    }

    /** The records of both models (seed: each file's first), computed once in {@code runs}. */
    static List<List<TextRun.Record>> records(TextRuns runs, Budget budget, List<String> overrides, Engine engine,
                                              Consumer<String> progress) {
        List<TextRuns.Run> wanted = new ArrayList<>();
        for (String[] model : MODELS) {
            ExperimentSource source = Runs.textSource(model[0], budget, QUICK, overrides);
            wanted.add(new TextRuns.Run(source, null, source.file(ScanSnapExperiments.SCHEMA).resolve().seeds().get(0)));
        }
        return runs.records(engine, wanted, "fig7 runs", progress);
    }

    @Override
    public FigureResult compute(Budget budget, Engine engine, Consumer<String> progress) {
        List<List<TextRun.Record>> models = records(runs, budget, overrides, engine, progress);
        List<Chart<?, ?>> panels = new ArrayList<>();
        DataTable data = new DataTable("model", "step", "query", "key", "p");
        List<SummaryRow> summary = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        for (int m = 0; m < MODELS.length; m++) {
            List<TextRun.Record> records = models.get(m);
            LowestLayerSnap snap = LowestLayerSnap.of(records, LowestLayerSnap.FAR_BELOW);
            int size = (int) Math.round(Math.sqrt(records.get(0).map().length));
            for (int step : snap.mapSteps()) {
                TextRun.Record r = records.stream().filter(x -> x.step() == step).findFirst().orElseThrow();
                panels.add(AttentionHeatmap.textMap(r.map(), size, MODELS[m][1] + " · iteration " + step, 1.0));
                for (int i = 0; i < size; i++) {
                    for (int j = 0; j <= i; j++) {
                        data.row(MODELS[m][1], step, i, j, r.map()[i * size + j]);
                    }
                }
            }
            String key = MODELS[m][1].replace(' ', '-');
            summary.add(SummaryRow.exact("entropy_initial/" + key, snap.initialEntropy()));
            summary.add(SummaryRow.exact("entropy_final/" + key, snap.finalEntropy()));
            summary.add(SummaryRow.exact("map_change_early/" + key, snap.earlyMapChange()));
            summary.add(SummaryRow.exact("map_change_late/" + key, snap.lateMapChange()));
            int[] at = snap.mapSteps();
            seen.append(seen.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT,
                    "%s: layer-0 entropy %.2f -> %.2f nats; the map moved %.2f (mean row L1) over iterations %d-%d and %.2f over %d-%d",
                    MODELS[m][1], snap.initialEntropy(), snap.finalEntropy(), snap.earlyMapChange(), at[0], at[1],
                    snap.lateMapChange(), at[2], at[3]));
        }
        return new FigureResult(name(), "Fig. 7: layer-0 attention maps on the Brown corpus (1 and 3 layers)",
                "On real text the attention of the lowest layer becomes sparse and then freezes: the maps at iterations "
                        + "500, 1000 and 1500 look alike although the learning rate stays constant (WikiText-2 in the paper).",
                seen + ".", new Figure(panels, 4), data, summary);
    }
}
