package org.theorycheck.theories.scansnap.figures;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.theorycheck.core.engine.Engine;
import org.theorycheck.core.experiment.ExperimentSource;
import org.theorycheck.core.report.Budget;
import org.theorycheck.core.report.DataTable;
import org.theorycheck.core.report.Figure;
import org.theorycheck.core.report.FigureRecipe;
import org.theorycheck.core.report.FigureResult;
import org.theorycheck.core.report.LineFigure;
import org.theorycheck.core.report.SummaryRow;
import org.theorycheck.core.stats.Stats;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.rungs.Rungs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The ladder from a real transformer down to the YZ model, as the claims' matrix reads it: one panel per rung
 * (the whole transformer, then one feature fewer per panel, down to torch-yz, the YZ model), each drawing the
 * final effective logit of every distinct token against P(l|n), per class, as mean ± std over the seeds.
 * Each logit is drawn relative to the mean of its class's row over the class's support, since adding a
 * constant to a row changes no attention. Theorem 3 predicts lines rising with P(l|n); the panel from which
 * on they rise names the feature whose removal gives the frequency bias.
 */
final class TransformerLadderFigure implements FigureRecipe {

    /** The ladder's experiment: Syn-Medium with one query and two next tokens, the same rates on every rung. */
    static final String EXPERIMENT = "experiments/scan-and-snap/syn-medium-transformer.yaml";

    @Override
    public String name() {
        return "transformer-ladder";
    }

    @Override
    public String experiment() {
        return EXPERIMENT;
    }

    @Override
    public FigureResult compute(Budget budget, Engine engine, Consumer<String> progress) {
        ExperimentSource source = Runs.source(EXPERIMENT, budget, List.of());
        ExperimentConfig config = source.file(ScanSnapExperiments.SCHEMA).resolve();
        List<String> rungs = Rungs.transformerNames();
        List<Runs.Piece<Trajectory>> pieces = new ArrayList<>();
        for (String rung : rungs) {
            for (long seed : config.seeds()) {
                pieces.add(Runs.Piece.of(source, c -> Runs.last((Trajectory) Rungs.byName(rung).orElseThrow().run(c, seed))));
            }
        }
        List<Trajectory> all = Runs.parallel(engine, pieces, "transformer ladder runs", progress);
        int seeds = config.seeds().size();
        DataTable data = new DataTable("rung", "seed", "next_token", "token", "p", "z_final", "z_centred");
        List<SummaryRow> summary = new ArrayList<>();
        List<XYChart> charts = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        for (int r = 0; r < rungs.size(); r++) {
            List<Trajectory> runs = all.subList(r * seeds, (r + 1) * seeds);
            SequenceClasses classes = runs.get(0).classes();
            LineFigure f = LineFigure.titled((r + 1) + ". rung " + rungs.get(r))
                    .axes("P(l|n)", "z_{ψ(n),l} − row mean").size(520, 420).legend(Styler.LegendPosition.InsideNW);
            double[] rho = new double[classes.classes()];
            for (int n = 0; n < classes.classes(); n++) {
                int[] tokens = ascendingByP(classes, n);
                int cls = n;
                double[] p = Arrays.stream(tokens).mapToDouble(l -> classes.probability(cls, l)).toArray();
                List<double[]> centred = new ArrayList<>();
                for (int s = 0; s < seeds; s++) {
                    double[] z = centred(runs.get(s), n, tokens);
                    centred.add(z);
                    for (int i = 0; i < tokens.length; i++) {
                        data.row(rungs.get(r), config.seeds().get(s), n, tokens[i], p[i], runs.get(s).last().zRows()[n][tokens[i]], z[i]);
                    }
                }
                f.runs("class " + n, p, centred);
                double[] mean = Stats.pointwiseMeanStd(centred)[0];
                rho[n] = Stats.spearman(p, mean);
                summary.add(SummaryRow.seeds("spread/" + rungs.get(r) + "/n=" + n,
                        centred.stream().mapToDouble(Stats::spread).toArray()));
            }
            charts.add(f.chart());
            seen.append(seen.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s %s", rungs.get(r),
                    Arrays.stream(rho).mapToObj(x -> String.format(Locale.ROOT, "%.2f", x)).toList()));
        }
        return new FigureResult(name(), "The transformer's ladder on " + config.name() + ": final effective logits against "
                + "P(l|n), one feature fewer per panel",
                "Theorem 3 (frequency bias): the distinct tokens' logits end ordered by P(l|n); Theorem 2: distinct tokens "
                        + "gain, common tokens lose. The paper proves it for the YZ model (the last panel) and says it carries "
                        + "over to a transformer (the first).",
                "Spearman(P(l|n), mean final logit) per class: " + seen + ". Each panel: mean ± std over " + seeds
                        + " seeds, logits relative to their row's mean over the class's support.",
                new Figure(charts, 3), data, summary);
    }

    /** The distinct tokens of class n by ascending P(l|n). */
    private static int[] ascendingByP(SequenceClasses classes, int n) {
        int[] byP = Runs.distinctByFrequency(classes, n);
        int[] up = new int[byP.length];
        for (int i = 0; i < byP.length; i++) {
            up[i] = byP[byP.length - 1 - i];
        }
        return up;
    }

    /** The final logits of the tokens, less the mean of the class's final row over its support. */
    private static double[] centred(Trajectory t, int n, int[] tokens) {
        double[] row = t.last().zRows()[n];
        double mean = Arrays.stream(t.classes().support(n)).mapToDouble(l -> row[l]).average().orElse(0);
        return Arrays.stream(tokens).mapToDouble(l -> row[l] - mean).toArray();
    }
}
