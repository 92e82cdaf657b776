package org.theorycheck.theories.scansnap.figures;

import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import org.theorycheck.core.report.Budget;
import org.theorycheck.core.report.DataTable;
import org.theorycheck.core.report.FigureRecipe;
import org.theorycheck.core.report.FigureResult;
import org.theorycheck.core.report.SummaryRow;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.core.experiment.ExperimentSource;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.core.report.Figure;
import org.theorycheck.core.report.LineFigure;
import org.theorycheck.theories.scansnap.rungs.Rungs;
import org.theorycheck.core.engine.Engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Theory beside SGD: for each class, the logits z_{ψ(n),l}(t) of its distinct tokens from SGD (mean ± std
 * over seeds 1..10) and from the rungs map, flow and reduced, on the same axes. The chart shows three
 * tokens per class — the most frequent distinct token, a middle one and the least frequent — so that
 * the bands stay readable; the data file holds every distinct token.
 *
 * <p>With a transformer experiment on the same sequence classes, a second row of panels shows the top rung:
 * the transformer's effective first-layer logits of the same tokens, one line per seed of the budget. It has
 * panels of its own because it is a different run, not a different view of the same one: the transformer
 * trains at its own rates (Syn-Small's η = 1 makes it diverge), and its logits start at random values on a
 * scale of their own.
 */
final class LadderFigure implements FigureRecipe {

    /** The experiment the figure is drawn for by default (Fig. 4, left). */
    static final String DEFAULT_EXPERIMENT = "experiments/scan-and-snap/syn-small.yaml";
    /** The transformer experiment drawn beside the default experiment: Syn-Small's classes at η = 0.1. */
    static final String DEFAULT_TRANSFORMER_EXPERIMENT = "experiments/scan-and-snap/syn-small-transformer.yaml";
    /** The role of the transformer experiment in {@code figure ladder --experiment transformer=FILE}. */
    static final String TRANSFORMER_ROLE = "transformer";
    /** Seeds of the SGD band, whatever the budget: the band is the point of the figure and SGD here is cheap. */
    static final String SEEDS = "seeds=1..10";
    static final List<Double> SHOWN_STEPS = List.of(10.0, 50.0, 100.0);
    /** The theory rungs drawn beside SGD, in the order of their line styles. */
    static final List<String> RUNGS = List.of("map", "flow", "reduced");

    private final String experiment;
    private final String transformerExperiment;

    /**
     * @param experiment            the YZ experiment of the first row
     * @param transformerExperiment a {@code rung: transformer} experiment with the same {@code data:}, drawn in a
     *                              second row, or null for none
     */
    LadderFigure(String experiment, String transformerExperiment) {
        this.experiment = experiment;
        this.transformerExperiment = transformerExperiment;
    }

    @Override
    public String name() {
        return "ladder";
    }

    /** The experiment file it is drawn for. */
    @Override
    public String experiment() {
        return experiment;
    }

    /**
     * Drawn for {@code ""}: the YZ experiment of the first row (then no transformer row unless one is given
     * too), and {@code transformer}: the transformer experiment of the second row.
     */
    @Override
    public FigureRecipe drawnFor(Map<String, String> experiments) {
        for (String role : experiments.keySet()) {
            if (!role.isEmpty() && !role.equals(TRANSFORMER_ROLE)) {
                throw new ConfigException("--experiment", 0, role, "the ladder figure is drawn for an experiment (--experiment "
                        + "FILE) and a transformer experiment (--experiment " + TRANSFORMER_ROLE + "=FILE); it has no role '" + role + "'");
            }
        }
        for (String file : experiments.values()) {
            if (!Files.isRegularFile(Path.of(file))) {
                throw new ConfigException(file, 0, "--experiment", "no such experiment file");
            }
        }
        String yz = experiments.get("");
        String transformer = experiments.get(TRANSFORMER_ROLE);
        return yz == null ? new LadderFigure(experiment, transformer == null ? transformerExperiment : transformer)
                : new LadderFigure(yz, transformer);
    }

    /**
     * Fails, naming the transformer experiment's file and key, unless it runs the transformer on the sequence
     * classes of the first row; cheap, so that a command can call it before anything runs.
     */
    @Override
    public void validate() {
        if (transformerExperiment != null) {
            transformerConfig(Runs.source(experiment, Budget.FULL, List.of()).file(ScanSnapExperiments.SCHEMA).resolve(), Budget.FULL);
        }
    }

    private ExperimentConfig transformerConfig(ExperimentConfig config, Budget budget) {
        ExperimentConfig t = Runs.source(transformerExperiment, budget, List.of()).file(ScanSnapExperiments.SCHEMA).resolve();
        if (!t.rung().equals("transformer")) {
            throw new ConfigException(t.source(), 0, "rung", "the ladder figure's transformer row needs an experiment "
                    + "with rung: transformer, not " + t.rung());
        }
        if (t.corpus() != null || !t.data().equals(config.data())) {
            throw new ConfigException(t.source(), 0, "data", "the ladder figure's transformer row must train on the "
                    + "sequence classes of " + config.source() + " (the same data: section)");
        }
        return t;
    }

    @Override
    public FigureResult compute(Budget budget, Engine engine, Consumer<String> progress) {
        ExperimentSource source = Runs.source(experiment, budget, List.of(SEEDS));
        ExperimentConfig config = source.file(ScanSnapExperiments.SCHEMA).resolve();
        List<Runs.Piece<Trajectory>> pieces = new ArrayList<>();
        for (long seed : config.seeds()) {
            pieces.add(Runs.sgdRun(source, null, seed));
        }
        long first = config.seeds().get(0);
        for (String rung : RUNGS) {
            pieces.add(Runs.Piece.of(source, c -> (Trajectory) Rungs.byName(rung).orElseThrow().run(c, first)));
        }
        ExperimentConfig tc = transformerExperiment == null ? null : transformerConfig(config, budget);
        if (tc != null) {
            ExperimentSource transformerSource = Runs.source(transformerExperiment, budget, List.of());
            for (long seed : tc.seeds()) {
                pieces.add(Runs.Piece.of(transformerSource, c -> (Trajectory) Rungs.byName("transformer").orElseThrow().run(c, seed)));
            }
        }
        List<Trajectory> all = Runs.parallel(engine, pieces, "ladder runs", progress);
        List<Trajectory> sgd = all.subList(0, config.seeds().size());
        List<Trajectory> rungs = all.subList(config.seeds().size(), config.seeds().size() + 3);
        List<Trajectory> transformer = all.subList(config.seeds().size() + 3, all.size());
        SequenceClasses classes = sgd.get(0).classes();
        double[] steps = sgd.get(0).steps();

        DataTable data = new DataTable("rung", "seed", "next_token", "token", "p", "step", "z");
        List<SummaryRow> summary = new ArrayList<>();
        List<XYChart> charts = new ArrayList<>();
        List<XYChart> transformerCharts = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        LineFigure.Style[] styles = {LineFigure.Style.DASHED, LineFigure.Style.DOTTED, LineFigure.Style.POINTS};
        for (int n = 0; n < classes.classes(); n++) {
            int[] byP = Runs.distinctByFrequency(classes, n);
            int[] shown = {byP[0], byP[byP.length / 2], byP[byP.length - 1]};
            LineFigure f = LineFigure.titled("class n = " + n + ": distinct-token logits, SGD vs map, flow, reduced")
                    .axes("step (SGD updates)", "z_{ψ(n),l}").size(760, 560).legend(Styler.LegendPosition.InsideNE);
            List<String> hidden = new ArrayList<>();
            for (int l : shown) {
                String token = String.format(Locale.ROOT, "l=%d, P=%.3f", l, classes.probability(n, l));
                int nn = n;
                List<double[]> runs = sgd.stream().map(t -> t.zSeries(nn, l)).toList();
                f.runs("SGD " + token, steps, runs);
                String sgdLabel = "SGD " + token + " (mean ± std, " + runs.size() + " runs)";
                for (int r = 0; r < rungs.size(); r++) {
                    String label = rungs.get(r).rung() + " " + token;
                    f.line(label, rungs.get(r).steps(), rungs.get(r).zSeries(n, l), styles[r], sgdLabel);
                    hidden.add(label);
                }
            }
            // Head room above the curves for the legend, which would otherwise sit on the reduced rung's points.
            double[] range = range(sgd, rungs, n, shown);
            double span = Math.max(range[1] - range[0], 1e-9);
            f.yRange(range[0] - 0.05 * span, range[1] + 0.45 * span);
            XYChart chart = f.chart();
            chart.getSeriesMap().values().stream().filter(x -> hidden.contains(x.getName())).forEach(x -> x.setShowInLegend(false));
            charts.add(chart);
            if (!transformer.isEmpty()) {
                transformerCharts.add(transformerPanel(tc, transformer, n, shown));
            }

            for (int l : byP) {
                for (int s = 0; s < sgd.size(); s++) {
                    double[] z = sgd.get(s).zSeries(n, l);
                    for (int i = 0; i < steps.length; i++) {
                        data.row("sgd", config.seeds().get(s), n, l, classes.probability(n, l), steps[i], z[i]);
                    }
                }
                for (Trajectory r : rungs) {
                    double[] z = r.zSeries(n, l);
                    for (int i = 0; i < z.length; i++) {
                        data.row(r.rung(), "", n, l, classes.probability(n, l), r.steps()[i], z[i]);
                    }
                }
                for (int s = 0; s < transformer.size(); s++) {
                    Trajectory t = transformer.get(s);
                    double[] z = t.zSeries(n, l);
                    for (int i = 0; i < z.length; i++) {
                        data.row(t.rung(), tc.seeds().get(s), n, l, classes.probability(n, l), t.steps()[i], z[i]);
                    }
                }
            }
            for (int l : new int[]{byP[0], byP[byP.length - 1]}) {
                for (double step : SHOWN_STEPS) {
                    int i = Runs.indexOf(steps, step);
                    String key = "n=" + n + "/l=" + l + "/step=" + Trajectory.stepLabel(step);
                    int nn = n;
                    summary.add(SummaryRow.seeds("z/sgd/" + key, sgd.stream().mapToDouble(t -> t.z(i, nn, l)).toArray()));
                    for (Trajectory r : rungs) {
                        summary.add(SummaryRow.exact("z/" + r.rung() + "/" + key, r.z(Runs.indexOf(r.steps(), step), n, l)));
                    }
                    int ti = transformer.isEmpty() ? -1 : Arrays.binarySearch(transformer.get(0).steps(), step);
                    if (ti >= 0) {
                        summary.add(SummaryRow.seeds("z/transformer/" + key,
                                transformer.stream().mapToDouble(t -> t.z(ti, nn, l)).toArray()));
                    }
                }
            }
            int end = steps.length - 1;
            int nn = n;
            double sgdTop = sgd.stream().mapToDouble(t -> t.z(end, nn, byP[0])).average().orElse(Double.NaN);
            seen.append(seen.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT,
                    "class %d, most frequent distinct token at step %s: SGD %.3f, map %.3f, flow %.3f, reduced %.3f",
                    n, Trajectory.stepLabel(steps[end]), sgdTop, rungs.get(0).z(end, n, byP[0]),
                    rungs.get(1).z(end, n, byP[0]), rungs.get(2).z(end, n, byP[0])));
            if (!transformer.isEmpty()) {
                Trajectory t0 = transformer.get(0);
                int tEnd = t0.size() - 1;
                SummaryRow top = SummaryRow.seeds("", transformer.stream().mapToDouble(t -> t.z(tEnd, nn, byP[0])).toArray());
                SummaryRow bottom = SummaryRow.seeds("",
                        transformer.stream().mapToDouble(t -> t.z(tEnd, nn, byP[byP.length - 1])).toArray());
                seen.append(String.format(Locale.ROOT, ", transformer at step %s: most frequent %.3f ± %.3f, least "
                                + "frequent %.3f ± %.3f", Trajectory.stepLabel(t0.steps()[tEnd]), top.mean(), top.std(),
                        bottom.mean(), bottom.std()));
            }
        }
        charts.addAll(transformerCharts);
        String name = config.name();
        return new FigureResult(name(), "Theory beside SGD on " + name + ": distinct-token logits on every rung",
                "Distinct-token logits rise in the order of P(l|n) (Theorems 2–3); each rung drops one assumption of the "
                        + "one above (finite T and minibatches → map; discrete steps → flow; the fast decoder → reduced), "
                        + "so the gaps between curves show what each assumption costs.",
                seen + ". Band: SGD mean ± std over " + sgd.size() + " seeds; dashed: map; dotted: flow; points: reduced "
                        + "(each in the colour of its token)." + (tc == null ? "" : transformerCaption(config, tc)),
                new Figure(charts, 2), data, summary);
    }

    /** Line styles of the transformer's seeds, in seed order (repeated beyond three). */
    private static final LineFigure.Style[] SEED_STYLES = {LineFigure.Style.SOLID, LineFigure.Style.DASHED, LineFigure.Style.DOTTED};

    /**
     * One class's panel of the top rung: the same tokens' effective logits, one line per seed. A band would
     * hide what the panel is for: each seed starts elsewhere and ends in an order of its own.
     */
    private static XYChart transformerPanel(ExperimentConfig tc, List<Trajectory> transformer, int n, int[] shown) {
        SequenceClasses classes = transformer.get(0).classes();
        LineFigure f = LineFigure.titled(String.format(Locale.ROOT, "class n = %d: the transformer's effective logits "
                        + "(η_Z = %s, η_Y = %s)", n, rate(tc.train().etaZ()), rate(tc.train().etaY())))
                .axes("step (SGD updates); " + seedKey(tc.seeds()), "effective z_{ψ(n),l}").size(760, 560)
                .legend(Styler.LegendPosition.OutsideS);
        List<String> hidden = new ArrayList<>();
        for (int l : shown) {
            String token = String.format(Locale.ROOT, "transformer l=%d, P=%.3f", l, classes.probability(n, l));
            for (int s = 0; s < transformer.size(); s++) {
                Trajectory t = transformer.get(s);
                String label = token + ", seed " + tc.seeds().get(s);
                if (s == 0) {
                    f.line(token, t.steps(), t.zSeries(n, l), SEED_STYLES[0]);
                } else {
                    f.line(label, t.steps(), t.zSeries(n, l), SEED_STYLES[s % SEED_STYLES.length], token);
                    hidden.add(label);
                }
            }
        }
        XYChart chart = f.chart();
        chart.getSeriesMap().values().stream().filter(x -> hidden.contains(x.getName())).forEach(x -> x.setShowInLegend(false));
        return chart;
    }

    /** Which line style is which seed, e.g. "seed 1 solid, 2 dashed, 3 dotted". */
    private static String seedKey(List<Long> seeds) {
        List<String> parts = new ArrayList<>();
        for (int s = 0; s < seeds.size(); s++) {
            parts.add(seeds.get(s) + " " + SEED_STYLES[s % SEED_STYLES.length].name().toLowerCase(Locale.ROOT));
        }
        return "seed " + String.join(", ", parts);
    }

    private static String transformerCaption(ExperimentConfig config, ExperimentConfig tc) {
        return String.format(Locale.ROOT, " Bottom row: the transformer rung, a separate run (%s) on the same classes at "
                        + "rates of its own, η_Z = %s and η_Y = %s (the top row: %s and %s; the experiment file says why), "
                        + "its effective first-layer logits (u_m W_Q)·(u_l W_K)/√d of the same tokens on a y scale of their "
                        + "own, one line per seed (%s); they start at the random values of the initialisation, not at 0.",
                tc.source(), rate(tc.train().etaZ()), rate(tc.train().etaY()), rate(config.train().etaZ()),
                rate(config.train().etaY()), seedKey(tc.seeds()));
    }

    private static String rate(double eta) {
        return Trajectory.stepLabel(eta);
    }

    /** Smallest and largest z of the shown tokens on every rung, SGD's seeds included. */
    private static double[] range(List<Trajectory> sgd, List<Trajectory> rungs, int n, int[] tokens) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (List<Trajectory> group : List.of(sgd, rungs)) {
            for (Trajectory t : group) {
                for (int l : tokens) {
                    for (double z : t.zSeries(n, l)) {
                        if (Double.isFinite(z)) {
                            lo = Math.min(lo, z);
                            hi = Math.max(hi, z);
                        }
                    }
                }
            }
        }
        return new double[]{lo, hi};
    }
}
