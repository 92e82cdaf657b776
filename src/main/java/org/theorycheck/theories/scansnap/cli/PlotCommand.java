package org.theorycheck.theories.scansnap.cli;

import org.theorycheck.core.command.OutputDirectories;
import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.experiment.ExperimentFile;
import org.theorycheck.core.io.OutputLock;
import org.theorycheck.theories.scansnap.report.AttentionHeatmap;
import org.theorycheck.theories.scansnap.report.AttentionTable;
import org.theorycheck.core.report.CsvTable;
import org.theorycheck.core.report.Figure;
import org.theorycheck.theories.scansnap.report.Overlay;
import org.theorycheck.theories.scansnap.report.RecallCurves;
import org.theorycheck.theories.scansnap.report.KeyLabels;
import org.theorycheck.theories.scansnap.report.SweepPanels;
import org.theorycheck.theories.scansnap.report.TraceSeries;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"Draws the paper's figures from the CSV files that train and sweep write.",
                "Each figure is written twice, as OUT.png and OUT.svg. On bad input (a missing file, column or key) "
                        + "it names the file and column, exits with code 2 and writes nothing."},
        subcommands = {PlotCommand.Heatmap.class, PlotCommand.Panels.class, PlotCommand.OverlayPlot.class,
                PlotCommand.Recall.class},
        footer = {"%nExamples:",
                "  theorycheck plot heatmap out/ss/attention.csv --title \"η_Y = η_Z = 1\" \\",
                "      --out fig/fig4-left",
                "  theorycheck plot panels out/sw/summary.csv --next-per-query 2 --out fig/fig6",
                "  theorycheck plot overlay sgd=out/s1 sgd=out/s2 sgd=out/s3 map=out/map \\",
                "      --column z:0:19 --marker 23=t0 --out fig/z",
                "  theorycheck plot recall \"η_Y/η_Z=1=out/r1\" \"η_Y/η_Z=10=out/r10\" \\",
                "      --vocabulary 33 --out fig/fig11"})
public final class PlotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a figure: heatmap, panels, overlay or recall");
    }

    /** Writes the figure as {@code out.png} and {@code out.svg}, holding the lock of their directory. */
    private static int written(CommandSpec spec, Figure figure, Path out) {
        Figure.Written w;
        try (OutputLock lock = OutputDirectories.lockFor(spec, out)) {
            w = figure.save(out);
        }
        spec.commandLine().getOut().println("wrote " + w.png() + " and " + w.svg());
        return 0;
    }

    /** A labelled input: the text after the last '=' is the path, the rest the label; no '=' labels it by its directory. */
    record Labelled(String label, Path path) {
        static Labelled parse(String text) {
            int eq = text.lastIndexOf('=');
            if (eq < 0) {
                Path p = Path.of(text);
                Path dir = p.toFile().isDirectory() ? p : p.toAbsolutePath().getParent();
                return new Labelled(dir.getFileName().toString(), p);
            }
            if (eq == 0 || eq == text.length() - 1) {
                throw new ConfigException("command line", 0, text, "expected LABEL=PATH");
            }
            return new Labelled(text.substring(0, eq), Path.of(text.substring(eq + 1)));
        }
    }

    @Command(name = "heatmap", mixinStandardHelpOptions = true,
            description = {"Paper Fig. 4: attention c(l|n) of each class as a heat map.",
                    "Rows are steps (earliest on top, then the final step), columns the class's support tokens: "
                            + "the common block, a gap, then its distinct tokens by ascending P(l|n). "
                            + "All panels share one colour scale."},
            footer = {"%nExample:", "  theorycheck plot heatmap out/ss/attention.csv --title \"η_Y = η_Z = 1\" \\",
                    "      --out fig/fig4-left"})
    static final class Heatmap implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ATTENTION_CSV", description = "An attention.csv written by train (or its directory).")
        Path input;

        @Option(names = "--steps", split = ",", paramLabel = "S", defaultValue = "0,2,4,6,8,10",
                description = "Row steps before the final one (default: ${DEFAULT-VALUE}); each becomes the nearest recorded step.")
        List<Double> steps;

        @Option(names = "--title", description = "A title prefix for every panel, e.g. the learning rates.")
        String title;

        @Option(names = "--out", required = true, paramLabel = "OUT", description = "Output path without extension.")
        Path out;

        @Override
        public Integer call() {
            Path file = input.toFile().isDirectory() ? input.resolve("attention.csv") : input;
            return written(spec, AttentionHeatmap.figure(AttentionTable.read(file), steps, title), out);
        }
    }

    @Command(name = "panels", mixinStandardHelpOptions = true,
            description = {"Paper Fig. 6: a metric's mean ± std against a swept key, from summary.csv.",
                    "One panel per value of --panel, the mean with ± std error bars against --x, one curve per "
                            + "value of --curve. Every other swept key must be fixed with --where KEY=VALUE."},
            footer = {"%nExamples:",
                    "  theorycheck plot panels out/sw/summary.csv --next-per-query 2 --out fig/fig6",
                    "  theorycheck plot panels out/sw/summary.csv --panel train.eta_z \\",
                    "      --x train.eta_ratio --curve data.queries --metric loss \\",
                    "      --where model.init=uniform --out fig/loss",
                    "  theorycheck plot panels out/fig10-brown/summary.csv --panel none --curve none \\",
                    "      --x train.eta_z --metric entropy_0 --linear-x --out fig/fig10"})
    static final class Panels implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SUMMARY_CSV", description = "A summary.csv written by sweep (or its directory).")
        Path input;

        @Option(names = "--panel", defaultValue = "data.queries", description = "Panel key, or none for one panel (default: ${DEFAULT-VALUE}).")
        String panel;

        @Option(names = "--x", defaultValue = "train.eta_ratio", description = "x-axis key (default: ${DEFAULT-VALUE}).")
        String x;

        @Option(names = "--curve", defaultValue = "train.eta_z", description = "Curve key, or none for one curve (default: ${DEFAULT-VALUE}).")
        String curve;

        @Option(names = "--metric", defaultValue = "distinct_entropy",
                description = "Plots METRIC_mean with METRIC_std as error bars when that column exists (default: ${DEFAULT-VALUE}).")
        String metric;

        @Option(names = "--where", paramLabel = "KEY=VALUE", description = "Keeps only rows with this value (repeatable).")
        Map<String, String> where = new LinkedHashMap<>();

        @Option(names = "--next-per-query", paramLabel = "R",
                description = "R, to title data.queries panels \"Q/K = Q/(Q·R)\" as the paper does.")
        Integer nextPerQuery;

        @Option(names = "--config", paramLabel = "CONFIG", description = "Takes R from this experiment file instead.")
        Path config;

        @Option(names = "--linear-x", description = "Linear instead of logarithmic x axis.")
        boolean linearX;

        @Option(names = "--out", required = true, paramLabel = "OUT", description = "Output path without extension.")
        Path out;

        @Override
        public Integer call() {
            Path file = input.toFile().isDirectory() ? input.resolve("summary.csv") : input;
            CsvTable summary = CsvTable.read(file);
            String mean = metric + "_mean";
            String std = summary.hasColumn(metric + "_std") ? metric + "_std" : null;
            Integer r = nextPerQuery != null ? nextPerQuery
                    : config != null ? ScanSnapExperiments.read(config).resolve().data().nextPerQuery() : null;
            Function<String, String> title = panel.equals("data.queries") && r != null ? SweepPanels.queriesTitle(r)
                    : panel.equals(SweepPanels.NONE) ? v -> KeyLabels.axisTitle(mean) + " against " + KeyLabels.axisTitle(x)
                    : SweepPanels.keyTitle(panel);
            SweepPanels.Spec s = new SweepPanels.Spec(panel, x, curve, mean, std, where);
            return written(spec, SweepPanels.figure(summary, s, title, !linearX), out);
        }
    }

    @Command(name = "overlay", mixinStandardHelpOptions = true,
            description = {"One observable against step from several runs or rungs, on the same axes.",
                    "Sources that share a label (e.g. SGD seeds) become their mean with a ± std band. "
                            + "COLUMN is a trace.csv column (loss, distinct_entropy, decoder_residual, or an extra "
                            + "such as gamma or B_0), or z:<n>:<token> / c:<n>:<token> from attention.csv."},
            footer = {"%nExamples:",
                    "  theorycheck plot overlay sgd=out/s1 sgd=out/s2 sgd=out/s3 map=out/map \\",
                    "      --column distinct_entropy --marker 23=t0 --out fig/entropy",
                    "  theorycheck plot overlay sgd=out/s1/attention.csv --column z:0:19 --log-x \\",
                    "      --out fig/z-top"})
    static final class OverlayPlot implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "LABEL=PATH",
                description = "trace.csv / attention.csv files or run directories, each after its legend label "
                        + "(the label ends at the last '='; without one, the directory name labels it).")
        List<String> sources;

        @Option(names = "--column", required = true, paramLabel = "COLUMN", description = "What to plot (see above).")
        String column;

        @Option(names = "--marker", paramLabel = "STEP=TEXT", description = "A labelled vertical line (repeatable), e.g. 23=t0.")
        Map<Double, String> markers = new LinkedHashMap<>();

        @Option(names = "--log-x", description = "Logarithmic step axis (step 0 is then left out).")
        boolean logX;

        @Option(names = "--title", defaultValue = "", description = "Figure title.")
        String title;

        @Option(names = "--out", required = true, paramLabel = "OUT", description = "Output path without extension.")
        Path out;

        @Override
        public Integer call() {
            TraceSeries.Selector selector = TraceSeries.Selector.parse(column);
            List<String> labels = new ArrayList<>();
            List<TraceSeries.Sampled> series = new ArrayList<>();
            for (String s : sources) {
                Labelled l = Labelled.parse(s);
                labels.add(l.label());
                series.add(TraceSeries.read(l.path(), selector));
            }
            List<Overlay.Marker> marks = markers.entrySet().stream()
                    .map(e -> new Overlay.Marker(e.getKey(), e.getValue())).toList();
            return written(spec, Overlay.lines(title, selector.axisTitle(), Overlay.group(labels, series), marks, logX)
                    .figure(), out);
        }
    }

    @Command(name = "recall", mixinStandardHelpOptions = true,
            description = {"Paper Fig. 11/12: recall of distinct tokens against a threshold τ near 1/M.",
                    "At the final step, recall(τ) = mean over classes n of the fraction of n's distinct tokens "
                            + "with c(l|n) > τ; τ runs from 0.1/M to 10/M. "
                            + "Runs that share a label become their mean with a ± std band."},
            footer = {"%nExample:",
                    "  theorycheck plot recall ratio1=out/r1 ratio1=out/r1b ratio10=out/r10 \\",
                    "      --config experiments/scan-and-snap/syn-small.yaml --out fig/fig11"})
    static final class Recall implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "LABEL=PATH", description = "attention.csv files or run directories, each with a label.")
        List<String> sources;

        @Option(names = "--vocabulary", paramLabel = "M", description = "The vocabulary size M.")
        Integer vocabulary;

        @Option(names = "--config", paramLabel = "CONFIG", description = "Takes M from this experiment file instead.")
        Path config;

        @Option(names = "--title", defaultValue = "Recall of distinct tokens at the final step", description = "Figure title.")
        String title;

        @Option(names = "--out", required = true, paramLabel = "OUT", description = "Output path without extension.")
        Path out;

        @Override
        public Integer call() {
            if ((vocabulary == null) == (config == null)) {
                throw new ConfigException("command line", 0, "--vocabulary", "give exactly one of --vocabulary M and --config CONFIG");
            }
            int m = vocabulary != null ? vocabulary : ScanSnapExperiments.read(config).resolve().data().vocabulary();
            if (m < 1) {
                throw new ConfigException("command line", 0, "--vocabulary", "must be positive, got " + m);
            }
            Map<String, List<AttentionTable>> runs = new LinkedHashMap<>();
            for (String s : sources) {
                Labelled l = Labelled.parse(s);
                Path file = l.path().toFile().isDirectory() ? l.path().resolve("attention.csv") : l.path();
                runs.computeIfAbsent(l.label(), k -> new ArrayList<>()).add(AttentionTable.read(file));
            }
            return written(spec, RecallCurves.figure(title, runs, m, RecallCurves.defaultMultiples()), out);
        }
    }
}
