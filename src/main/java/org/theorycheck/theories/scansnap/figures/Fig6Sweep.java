package org.theorycheck.theories.scansnap.figures;

import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import org.theorycheck.core.report.Budget;
import org.theorycheck.core.report.DataTable;
import org.theorycheck.core.report.FigureRecipe;
import org.theorycheck.core.report.FigureResult;
import org.theorycheck.core.report.SummaryRow;
import org.theorycheck.core.experiment.ExperimentSource;
import org.theorycheck.core.report.CsvTable;
import org.theorycheck.core.sweep.SweepCsv;
import org.theorycheck.theories.scansnap.report.SweepPanels;
import org.theorycheck.core.engine.Engine;
import org.theorycheck.core.sweep.RunResult;
import org.theorycheck.core.sweep.Sweep;
import org.theorycheck.core.sweep.SweepPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Paper Fig. 6: Syn-Medium's final distinct-token entropy, mean ± std over seeds, against η_Y/η_Z, one
 * panel per Q, one curve per η_Z — the whole grid of experiments/scan-and-snap/fig6-syn-medium.yaml.
 */
final class Fig6Sweep implements FigureRecipe {

    static final String EXPERIMENT = "experiments/scan-and-snap/fig6-syn-medium.yaml";

    private final List<String> overrides;

    Fig6Sweep() {
        this(List.of());
    }

    /** A recipe on part of the grid, e.g. {@code data.queries=[1,3]} (tests use it to stay fast). */
    Fig6Sweep(List<String> overrides) {
        this.overrides = List.copyOf(overrides);
    }

    @Override
    public String name() {
        return "fig6";
    }

    @Override
    public FigureResult compute(Budget budget, Engine engine, Consumer<String> progress) {
        ExperimentSource source = Runs.source(EXPERIMENT, budget, overrides);
        SweepPlan<ExperimentConfig> plan = SweepPlan.of(source.file(ScanSnapExperiments.SCHEMA),
                List.of(Trajectory.DISTINCT_ENTROPY, Trajectory.LOSS));
        List<List<double[]>> runs = Runs.sgd(engine, source, plan, Trajectory::observables,
                "fig6 sweep", progress);
        List<RunResult> results = new ArrayList<>();
        DataTable data = new DataTable("data.queries", "train.eta_z", "train.eta_ratio", "n", "distinct_entropy_mean",
                "distinct_entropy_std", "loss_mean");
        List<SummaryRow> summary = new ArrayList<>();
        for (int c = 0; c < plan.cells().size(); c++) {
            List<double[]> cell = runs.get(c);
            for (int s = 0; s < cell.size(); s++) {
                results.add(new RunResult(c, plan.base().seeds().get(s), cell.get(s)[0], cell.get(s)[1]));
            }
            summary.add(SummaryRow.seeds("entropy/" + key(plan.cells().get(c).values()), Runs.column(cell, 0)));
        }
        for (SweepCsv.CellSummary s : SweepCsv.summarise(plan, results)) {
            Map<String, String> v = s.cell().values();
            data.row(v.get("data.queries"), v.get("train.eta_z"), v.get("train.eta_ratio"), s.n(), s.mean()[0],
                    s.std()[0], s.mean()[1]);
        }
        CsvTable table = CsvTable.parse("fig6 sweep", data.csv());
        int r = plan.base().data().nextPerQuery();
        return new FigureResult(name(), "Fig. 6: distinct-token entropy of Syn-Medium vs η_Y/η_Z",
                "Entropy falls as η_Z grows (sparser attention), and rises with η_Y/η_Z once it exceeds about 2 "
                        + "(Q/K = 1/2, 3/6, 5/10, 10/20; η_Z ∈ {0.5, 1, 2, 3}; mean ± std over 10 seeds).",
                trends(plan, runs), SweepPanels.figure(table, SweepPanels.Spec.paperFig6(), SweepPanels.queriesTitle(r), true),
                data, summary);
    }

    static String key(Map<String, String> values) {
        return "Q=" + values.get("data.queries") + "/eta_z=" + values.get("train.eta_z")
                + "/ratio=" + values.get("train.eta_ratio");
    }

    /** Counts, over the grid, how often each of the paper's two trends shows in the seed means. */
    private static String trends(SweepPlan<ExperimentConfig> plan, List<List<double[]>> runs) {
        List<String> queries = values(plan, "data.queries");
        List<String> etaZ = values(plan, "train.eta_z");
        List<String> ratios = values(plan, "train.eta_ratio");
        int fallsWithEtaZ = 0;
        int risesWithRatio = 0;
        for (String q : queries) {
            for (String ratio : ratios) {
                if (mean(plan, runs, q, etaZ.get(etaZ.size() - 1), ratio) < mean(plan, runs, q, etaZ.get(0), ratio)) {
                    fallsWithEtaZ++;
                }
            }
            for (String z : etaZ) {
                if (mean(plan, runs, q, z, ratios.get(ratios.size() - 1)) > mean(plan, runs, q, z, "2")) {
                    risesWithRatio++;
                }
            }
        }
        return String.format(Locale.ROOT, "Over %d seeds per cell: the entropy at η_Z = %s is below that at η_Z = %s in %d of "
                        + "%d (Q, η_Y/η_Z) pairs; the entropy at η_Y/η_Z = %s is above that at η_Y/η_Z = 2 in %d of %d (Q, η_Z) pairs.",
                plan.base().seeds().size(), etaZ.get(etaZ.size() - 1), etaZ.get(0), fallsWithEtaZ,
                queries.size() * ratios.size(), ratios.get(ratios.size() - 1), risesWithRatio, queries.size() * etaZ.size());
    }

    private static List<String> values(SweepPlan<ExperimentConfig> plan, String key) {
        return plan.cells().stream().map(c -> c.values().get(key)).distinct().toList();
    }

    private static double mean(SweepPlan<ExperimentConfig> plan, List<List<double[]>> runs, String q, String etaZ, String ratio) {
        for (int c = 0; c < plan.cells().size(); c++) {
            Map<String, String> v = plan.cells().get(c).values();
            if (same(v.get("data.queries"), q) && same(v.get("train.eta_z"), etaZ) && same(v.get("train.eta_ratio"), ratio)) {
                return runs.get(c).stream().mapToDouble(x -> x[0]).average().orElse(Double.NaN);
            }
        }
        return Double.NaN;
    }

    private static boolean same(String a, String b) {
        return Double.parseDouble(a) == Double.parseDouble(b);
    }
}
