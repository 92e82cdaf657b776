package org.theorycheck.theories.scansnap;

import org.theorycheck.core.Theory;
import org.theorycheck.core.claims.Quantity;
import org.theorycheck.core.claims.SymbolicChecks;
import org.theorycheck.core.experiment.ExperimentSchema;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.core.ladder.RunFiles;
import org.theorycheck.core.report.FigureRecipe;
import org.theorycheck.theories.scansnap.cli.BenchCommand;
import org.theorycheck.theories.scansnap.cli.CorpusCommand;
import org.theorycheck.theories.scansnap.cli.PlotCommand;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import org.theorycheck.theories.scansnap.figures.FigureRecipes;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.quantities.ScanSnapQuantities;
import org.theorycheck.theories.scansnap.rungs.Rungs;
import org.theorycheck.theories.scansnap.rungs.SnapTime;
import org.theorycheck.theories.scansnap.symbolic.ScanSnapSymbolicChecks;
import org.theorycheck.theories.scansnap.torch.TextRun;
import org.theorycheck.theories.scansnap.torch.TextTrace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tian, Wang, Chen and Du, "Scan and Snap" (NeurIPS 2023): the self-attention dynamics of a 1-layer
 * transformer, verified on the ladder transformer → sgd (the YZ model) → map → flow → reduced → closed.
 */
public final class ScanSnapTheory implements Theory<ExperimentConfig, ScanSnapTrace> {

    /** The names of the rungs, top first. */
    public static final List<String> RUNGS = Rungs.names();

    @Override
    public String id() {
        return ScanSnapExperiments.THEORY;
    }

    @Override
    public String title() {
        return "Scan and Snap (Tian, Wang, Chen, Du; NeurIPS 2023)";
    }

    @Override
    public ExperimentSchema<ExperimentConfig> experiments() {
        return ScanSnapExperiments.SCHEMA;
    }

    @Override
    public List<Rung<ExperimentConfig, ScanSnapTrace>> ladder() {
        return Rungs.all();
    }

    @Override
    public List<Quantity<ExperimentConfig, ScanSnapTrace>> quantities() {
        return ScanSnapQuantities.all();
    }

    @Override
    public SymbolicChecks symbolic() {
        return SymbolicChecks.of(ScanSnapSymbolicChecks.ids(), ScanSnapSymbolicChecks::run);
    }

    /**
     * On the synthetic classes the distinct-token entropy and the last minibatch's loss; on a corpus, each
     * layer's mean attention entropy on the validation windows ({@code entropy_0}, …), the validation
     * perplexity and the last window's loss. The loss comes last in both.
     */
    @Override
    public Observables<ExperimentConfig, ScanSnapTrace> observables() {
        return new Observables<>() {
            @Override
            public List<String> names(ExperimentConfig experiment) {
                if (experiment.corpus() == null) {
                    return List.of(Trajectory.DISTINCT_ENTROPY, Trajectory.LOSS);
                }
                List<String> names = new ArrayList<>();
                for (int l = 0; l < experiment.transformer().layers(); l++) {
                    names.add("entropy_" + l);
                }
                names.add("val_perplexity");
                names.add("loss");
                return List.copyOf(names);
            }

            @Override
            public double[] of(ExperimentConfig experiment, ScanSnapTrace trace) {
                if (trace instanceof TextTrace text) {
                    return text.last().observables();
                }
                return ((Trajectory) trace).observables();
            }
        };
    }

    @Override
    public List<FigureRecipe> figures() {
        return FigureRecipes.all();
    }

    /**
     * On the synthetic classes {@code trace.csv} and {@code attention.csv}, on a corpus {@code trace.csv} and
     * {@code attention_maps.csv}, each row checked against the experiment ({@code docs/runs-scan-and-snap.md}).
     */
    @Override
    public ScanSnapTrace readTrace(ExperimentConfig experiment, RunFiles files) {
        return ScanSnapRunFiles.read(experiment, files);
    }

    /** The final loss and entropy; on a continuous rung, the snap times it shows beside the paper's t0. */
    @Override
    public List<String> describe(ExperimentConfig experiment, ScanSnapTrace trace) {
        if (trace instanceof TextTrace text) {
            TextRun.Record last = text.last();
            return List.of(String.format(Locale.ROOT, "final loss %.4g, validation perplexity %.1f, layer-0 attention "
                    + "entropy %.3f nats", last.loss(), last.perplexity(), last.entropy()[0]));
        }
        Trajectory t = (Trajectory) trace;
        List<String> lines = new ArrayList<>();
        String loss = t.undetermined().contains(Trajectory.Undetermined.LOSS) ? "no loss (this rung has none)"
                : String.format(Locale.ROOT, "final loss %.4g", t.last().loss());
        String entropy = t.undetermined().contains(Trajectory.Undetermined.DISTINCT_LOGITS)
                ? "final distinct-token entropy not determined by this rung"
                : String.format(Locale.ROOT, "final distinct-token entropy %.4f nats", t.distinctEntropy(t.size() - 1));
        lines.add(loss + ", " + entropy);
        if (!t.rung().equals("sgd") && !Rungs.transformerNames().contains(t.rung())) {
            for (SnapTime.SnapEstimate e : SnapTime.estimates(t, experiment)) {
                String found = Double.isNaN(e.measured()) ? "not found" : String.format(Locale.ROOT, "%8.3f steps", e.measured());
                lines.add(String.format(Locale.ROOT, "snap time %s by %s (paper: t0 = 2K ln M/eta_Y = %.3f)", found, e.method(),
                        e.predicted()));
            }
        }
        return lines;
    }

    @Override
    public List<Object> commands() {
        return List.of(new CorpusCommand(), new PlotCommand(), new BenchCommand());
    }
}
