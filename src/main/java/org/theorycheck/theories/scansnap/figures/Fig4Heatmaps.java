package org.theorycheck.theories.scansnap.figures;

import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import org.theorycheck.core.report.Budget;
import org.theorycheck.core.report.DataTable;
import org.theorycheck.core.report.FigureRecipe;
import org.theorycheck.core.report.FigureResult;
import org.theorycheck.core.report.SummaryRow;
import org.knowm.xchart.internal.chartpart.Chart;
import org.theorycheck.core.experiment.ExperimentSource;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.core.report.Figure;
import org.theorycheck.core.engine.Engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Paper Fig. 4: the attention c_n of both classes of Syn-Small at steps 0, 2, …, 10 and the final step,
 * for η_Y = η_Z = 1 (left in the paper, top here) and η_Y = 10, η_Z = 1 (right, bottom), trained with SGD.
 */
final class Fig4Heatmaps implements FigureRecipe {

    static final String[][] SETTINGS = {
            {"experiments/scan-and-snap/syn-small.yaml", "eta_y=1", "η_Y = η_Z = 1"},
            {"experiments/scan-and-snap/syn-small-fast-decoder.yaml", "eta_y=10", "η_Y = 10, η_Z = 1"}};

    @Override
    public String name() {
        return "fig4";
    }

    @Override
    public FigureResult compute(Budget budget, Engine engine, Consumer<String> progress) {
        List<AttentionRuns> settings = new ArrayList<>();
        for (String[] s : SETTINGS) {
            settings.add(run(engine, Runs.source(s[0], budget, List.of()), null, s[1], s[2], "fig4 " + s[1], progress));
        }
        return result(name(), "Fig. 4: attention heat maps on Syn-Small (SGD)",
                "Attention concentrates on the distinct tokens with the highest P(l|n) while common tokens fade; "
                        + "a larger η_Y (bottom) converges faster but ends less sparse.",
                settings);
    }

    /** Every seed's SGD run of the experiment, or of one cell of it ({@code cell} null: the experiment as it is). */
    static AttentionRuns run(Engine engine, ExperimentSource source, Map<String, String> cell, String key, String title,
                             String what, Consumer<String> progress) {
        List<Runs.Piece<Trajectory>> pieces = new ArrayList<>();
        List<Long> seeds = cell == null ? source.file(ScanSnapExperiments.SCHEMA).resolve().seeds() : source.file(ScanSnapExperiments.SCHEMA).resolveCell(cell).seeds();
        for (long seed : seeds) {
            pieces.add(Runs.sgdRun(source, cell, seed));
        }
        return new AttentionRuns(key, title, Runs.parallel(engine, pieces, what, progress));
    }

    /** Heat maps of every setting stacked (one row of class panels per setting), with their data and summary. */
    static FigureResult result(String name, String title, String paperSays, List<AttentionRuns> settings) {
        List<Chart<?, ?>> panels = new ArrayList<>();
        DataTable data = AttentionRuns.dataTable();
        List<SummaryRow> summary = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        for (AttentionRuns s : settings) {
            panels.addAll(s.heatmap().panels());
            s.data(data);
            summary.addAll(s.summary());
            seen.append(seen.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT,
                    "%s: mean over %d seeds of the final distinct-token entropy %.2f nats (uniform over 10 tokens: %.2f), "
                            + "attention on the most frequent distinct token %.2f at step 10 and %.2f at the end, "
                            + "common tokens' total %.3f, its share of the top distinct attention %.2f",
                    s.key().replace("eta_y", "η_Y").replace("eta_z", "η_Z"), s.runs().size(), s.mean(0), Math.log(10),
                    s.mean(1), s.mean(2), s.mean(3), s.mean(4)));
        }
        return new FigureResult(name, title, paperSays, seen + ". Heat maps: the first seed; each row of panels has its own "
                + "colour scale (see its colour bar).", new Figure(panels, 2), data, summary);
    }
}
