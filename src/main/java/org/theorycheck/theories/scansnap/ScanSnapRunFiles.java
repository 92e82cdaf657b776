package org.theorycheck.theories.scansnap;

import org.theorycheck.core.ladder.RunFiles;
import org.theorycheck.core.ladder.TraceCsv;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.data.SyntheticFamily;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.experiment.ModelSpec;
import org.theorycheck.theories.scansnap.model.LongSequenceLimit;
import org.theorycheck.theories.scansnap.model.RowSums;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.torch.TextRun;
import org.theorycheck.theories.scansnap.torch.TextTrace;
import org.theorycheck.theories.scansnap.train.RecordSteps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run of Scan and Snap read back from its files (the form {@code docs/runs-scan-and-snap.md} documents): on the
 * synthetic sequence classes {@code trace.csv} and {@code attention.csv} into a {@link Trajectory}, on a corpus
 * {@code trace.csv} and {@code attention_maps.csv} into a {@link TextTrace}. The experiment says what the runs were: its
 * sequence classes, its record steps, its layers and window; every row is checked against it.
 *
 * <p>What the files do not hold is not invented. The logits of tokens that no context of a query holds are not in
 * {@code attention.csv}: on the YZ model started from {@code model.init: zero} they are 0 at every step (no gradient
 * reaches a logit of a token its query never attends to, Lemma 1's gradient), elsewhere they are undefined (NaN). Each
 * class's decoder residual is not in the files (only their mean), so it is undefined too.
 */
final class ScanSnapRunFiles {

    /** How far a derived column ({@code c}, {@code distinct_entropy}) may be from what the logits give. */
    static final double DERIVED_TOLERANCE = 1e-6;
    /** How far {@code p} may be from the experiment's P(l|n). */
    static final double PROBABILITY_TOLERANCE = 1e-9;

    private static final String ATTENTION = Trajectory.ATTENTION;
    private static final String MAPS = "attention_maps";

    private ScanSnapRunFiles() {}

    static ScanSnapTrace read(ExperimentConfig experiment, RunFiles files) {
        return experiment.corpus() == null ? trajectory(experiment, files) : text(experiment, files);
    }

    /** The record times must be the experiment's: 0, train.record_every, 2·train.record_every, …, and the last step. */
    private static double[] recordSteps(ExperimentConfig experiment, RunFiles.Table trace) {
        double[] steps = trace.steps();
        double[] expected = RecordSteps.of(experiment.train());
        for (int i = 0; i < Math.max(steps.length, expected.length); i++) {
            if (i >= steps.length || i >= expected.length || steps[i] != expected[i]) {
                int row = Math.min(i, steps.length - 1);
                throw trace.error(row, "step", (i < expected.length ? "step " + TraceCsv.step(expected[i]) + " is expected here"
                        : "no more steps are expected") + (i < steps.length ? ", not " + TraceCsv.step(steps[i]) : "")
                        + ": the experiment records steps 0, " + experiment.train().recordEvery() + ", "
                        + 2 * experiment.train().recordEvery() + ", … and " + experiment.train().steps()
                        + " (train.record_every and train.steps)");
            }
        }
        return steps;
    }

    private static Trajectory trajectory(ExperimentConfig experiment, RunFiles files) {
        SequenceClasses classes = SyntheticFamily.build(experiment.data());
        boolean yz = experiment.rung().equals("sgd");
        List<String> extras = yz ? List.of(RowSums.DRIFT_Y, RowSums.DRIFT_Z) : List.of();
        List<String> required = new ArrayList<>(List.of(Trajectory.LOSS));
        required.addAll(extras);
        RunFiles.Table trace = files.trace().expect(required, List.of(Trajectory.DISTINCT_ENTROPY, Trajectory.DECODER_RESIDUAL));
        double[] steps = recordSteps(experiment, trace);
        double[] loss = trace.values(Trajectory.LOSS);
        Map<String, double[]> extraValues = new LinkedHashMap<>();
        for (String e : extras) {
            extraValues.put(e, trace.values(e));
        }
        if (trace.has(Trajectory.DECODER_RESIDUAL)) {
            trace.values(Trajectory.DECODER_RESIDUAL);
        }
        Logits logits = logits(experiment, classes, files.table(ATTENTION), steps);
        int k = classes.classes();
        List<Trajectory.Snapshot> snapshots = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            Map<String, Double> at = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> e : extraValues.entrySet()) {
                if (!Double.isNaN(e.getValue()[i])) {
                    at.put(e.getKey(), e.getValue()[i]);
                }
            }
            double[] residual = new double[k];
            Arrays.fill(residual, Double.NaN);
            snapshots.add(new Trajectory.Snapshot(steps[i], loss[i], logits.z[i], residual, at,
                    logits.measured == null ? null : logits.measured[i]));
        }
        if (trace.has(Trajectory.DISTINCT_ENTROPY)) {
            double[] written = trace.values(Trajectory.DISTINCT_ENTROPY);
            for (int i = 0; i < steps.length; i++) {
                double mean = 0;
                for (int n = 0; n < k; n++) {
                    mean += LongSequenceLimit.distinctEntropy(classes, n, logits.z[i][n]) / k;
                }
                if (!(Math.abs(written[i] - mean) <= DERIVED_TOLERANCE)) {
                    throw trace.error(i, Trajectory.DISTINCT_ENTROPY, "is " + written[i] + ", but the logits of attention.csv give "
                            + mean + " (the mean over classes of the entropy of c over the distinct tokens); the column is "
                            + "optional");
                }
            }
        }
        Set<Trajectory.Undetermined> undetermined = yz ? Trajectory.DETERMINED : EnumSet.of(Trajectory.Undetermined.DECODER_RESIDUAL);
        return new Trajectory(experiment.rung(), classes, snapshots, undetermined);
    }

    /** Per recorded step, class and token, the logits z (and the measured attention a, if given). */
    private record Logits(double[][][] z, double[][][] measured) {}

    private static Logits logits(ExperimentConfig experiment, SequenceClasses classes, RunFiles.Table table, double[] steps) {
        table.expect(List.of("next_token", "token", "z"), List.of("role", "p", "c", "a"));
        int k = classes.classes();
        int m = classes.vocabulary();
        double[] rowSteps = table.steps();
        int[] next = table.integers("next_token", 0, k - 1);
        int[] token = table.integers("token", 0, m - 1);
        double[] z = table.numbers("z");
        double[] measured = table.has("a") ? table.numbers("a") : null;
        Map<Double, Integer> index = new HashMap<>();
        for (int i = 0; i < steps.length; i++) {
            index.put(steps[i], i);
        }
        double[][][] logits = new double[steps.length][k][m];
        double[][][] attention = measured == null ? null : new double[steps.length][k][m];
        int[][][] rowOf = new int[steps.length][k][m];
        for (double[][] perStep : logits) {
            for (double[] row : perStep) {
                Arrays.fill(row, Double.NaN);
            }
        }
        for (int r = 0; r < rowSteps.length; r++) {
            int i = index.get(rowSteps[r]);
            int n = next[r];
            int l = token[r];
            if (classes.probability(n, l) == 0) {
                throw table.error(r, "token", "token " + l + " is not in the support of class " + n + " (P(" + l + "|" + n
                        + ") = 0 in the experiment's data); attention.csv has one row per class and token of its support");
            }
            if (rowOf[i][n][l] != 0) {
                throw table.error(r, "token", "the row of step " + TraceCsv.step(rowSteps[r]) + ", class " + n + ", token " + l
                        + " appears twice (first on line " + table.line(rowOf[i][n][l] - 1) + ")");
            }
            rowOf[i][n][l] = r + 1;
            logits[i][n][l] = z[r];
            if (attention != null) {
                attention[i][n][l] = measured[r];
            }
        }
        for (int i = 0; i < steps.length; i++) {
            for (int n = 0; n < k; n++) {
                for (int l : classes.support(n)) {
                    if (rowOf[i][n][l] == 0) {
                        throw table.error(-1, "token", "has no row of step " + TraceCsv.step(steps[i]) + ", class " + n + ", token "
                                + l + "; attention.csv has one row per step of trace.csv, class and token of the class's support");
                    }
                }
            }
        }
        fillSharedRows(experiment, classes, table, logits, rowOf);
        checkDerived(classes, table, logits, rowSteps, next, token, index);
        return new Logits(logits, attention);
    }

    /**
     * Classes with one query token share its row of Z (and of the transformer's effective logits): a token of one class's
     * support has the same logit in the row of every class of that query. Tokens no context of the query holds keep
     * their initial logit, which the files tell only for the YZ model started from zero.
     */
    private static void fillSharedRows(ExperimentConfig experiment, SequenceClasses classes, RunFiles.Table table,
                                       double[][][] logits, int[][][] rowOf) {
        boolean zeroStart = experiment.rung().equals("sgd") && experiment.model().init() == ModelSpec.Init.ZERO;
        for (int i = 0; i < logits.length; i++) {
            for (int q : classes.queryTokens()) {
                int[] sharing = classes.classesOfQuery(q);
                for (int l = 0; l < classes.vocabulary(); l++) {
                    double value = Double.NaN;
                    int from = -1;
                    for (int n : sharing) {
                        if (rowOf[i][n][l] == 0) {
                            continue;
                        }
                        if (from >= 0 && logits[i][n][l] != value) {
                            throw table.error(rowOf[i][n][l] - 1, "z", "is " + logits[i][n][l] + ", but class " + from + " has z = "
                                    + value + " for token " + l + " on line " + table.line(rowOf[i][from][l] - 1) + ": classes "
                                    + from + " and " + n + " share the query token, and so its row of logits");
                        }
                        value = logits[i][n][l];
                        from = n;
                    }
                    double fill = from >= 0 ? value : zeroStart ? 0 : Double.NaN;
                    for (int n : sharing) {
                        logits[i][n][l] = fill;
                    }
                }
            }
        }
    }

    /** The optional columns p, role and c must be what the experiment and the logits give. */
    private static void checkDerived(SequenceClasses classes, RunFiles.Table table, double[][][] logits, double[] rowSteps,
                                     int[] next, int[] token, Map<Double, Integer> index) {
        if (table.has("role")) {
            String[] role = table.texts("role");
            for (int r = 0; r < role.length; r++) {
                String expected = classes.role(token[r]).label();
                if (!role[r].equals(expected)) {
                    throw table.error(r, "role", "is '" + role[r] + "', but token " + token[r] + " is " + expected
                            + " in the experiment's data");
                }
            }
        }
        if (table.has("p")) {
            double[] p = table.numbers("p");
            for (int r = 0; r < p.length; r++) {
                double expected = classes.probability(next[r], token[r]);
                if (!(Math.abs(p[r] - expected) <= PROBABILITY_TOLERANCE)) {
                    throw table.error(r, "p", "is " + p[r] + ", but P(" + token[r] + "|" + next[r] + ") = " + expected
                            + " in the experiment's data: are these runs of another experiment?");
                }
            }
        }
        if (table.has("c")) {
            double[] c = table.numbers("c");
            Map<Long, double[]> computed = new HashMap<>();
            for (int r = 0; r < c.length; r++) {
                int i = index.get(rowSteps[r]);
                int n = next[r];
                double[] attention = computed.computeIfAbsent((long) i * classes.classes() + n,
                        key -> LongSequenceLimit.attention(classes, n, logits[i][n]));
                if (!(Math.abs(c[r] - attention[token[r]]) <= DERIVED_TOLERANCE)) {
                    throw table.error(r, "c", "is " + c[r] + ", but the logits z of class " + n + " give c = " + attention[token[r]]
                            + " (Eqn. 5); the column is optional");
                }
            }
        }
    }

    private static TextTrace text(ExperimentConfig experiment, RunFiles files) {
        int layers = experiment.transformer().layers();
        List<String> required = new ArrayList<>(List.of("loss", "val_perplexity"));
        for (int l = 0; l < layers; l++) {
            required.add("entropy_" + l);
        }
        for (int l = 0; l < layers; l++) {
            required.add("change_" + l);
        }
        RunFiles.Table trace = files.trace().expect(required, List.of());
        double[] steps = recordSteps(experiment, trace);
        double[] loss = trace.numbers("loss");
        double[] perplexity = trace.numbers("val_perplexity");
        double[][] entropy = new double[layers][];
        double[][] change = new double[layers][];
        for (int l = 0; l < layers; l++) {
            entropy[l] = trace.numbers("entropy_" + l);
            change[l] = trace.values("change_" + l);
            for (int i = 1; i < steps.length; i++) {
                if (Double.isNaN(change[l][i])) {
                    throw trace.error(i, "change_" + l, "is empty, but the change rate is defined at every record after the first");
                }
            }
        }
        double[][] maps = maps(experiment, files.table(MAPS), steps);
        List<TextRun.Record> records = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            double[] e = new double[layers];
            double[] c = new double[layers];
            for (int l = 0; l < layers; l++) {
                e[l] = entropy[l][i];
                c[l] = change[l][i];
            }
            records.add(new TextRun.Record((int) steps[i], loss[i], perplexity[i], e, c, maps[i]));
        }
        return new TextTrace(records);
    }

    /** Per recorded step, layer 0's attention on the mapped window, length × length row-major; 0 above the diagonal (masked). */
    private static double[][] maps(ExperimentConfig experiment, RunFiles.Table table, double[] steps) {
        table.expect(List.of("query", "key", "p"), List.of());
        int length = experiment.corpus().bptt();
        double[] rowSteps = table.steps();
        int[] query = table.integers("query", 0, length - 1);
        int[] key = table.integers("key", 0, length - 1);
        double[] p = table.numbers("p");
        Map<Double, Integer> index = new HashMap<>();
        for (int i = 0; i < steps.length; i++) {
            index.put(steps[i], i);
        }
        double[][] maps = new double[steps.length][length * length];
        int[][] rowOf = new int[steps.length][length * length];
        for (int r = 0; r < rowSteps.length; r++) {
            int i = index.get(rowSteps[r]);
            if (key[r] > query[r]) {
                throw table.error(r, "key", "is " + key[r] + ", after the query " + query[r] + ": a causal model attends to keys "
                        + "up to its query only");
            }
            if (p[r] < 0 || p[r] > 1) {
                throw table.error(r, "p", "is " + p[r] + "; an attention weight lies in [0, 1]");
            }
            int at = query[r] * length + key[r];
            if (rowOf[i][at] != 0) {
                throw table.error(r, "key", "the row of step " + TraceCsv.step(rowSteps[r]) + ", query " + query[r] + ", key " + key[r]
                        + " appears twice (first on line " + table.line(rowOf[i][at] - 1) + ")");
            }
            rowOf[i][at] = r + 1;
            maps[i][at] = p[r];
        }
        for (int i = 0; i < steps.length; i++) {
            for (int q = 0; q < length; q++) {
                for (int kk = 0; kk <= q; kk++) {
                    if (rowOf[i][q * length + kk] == 0) {
                        throw table.error(-1, "key", "has no row of step " + TraceCsv.step(steps[i]) + ", query " + q + ", key " + kk
                                + "; attention_maps.csv has one row per step of trace.csv and pair key <= query < corpus.bptt ("
                                + length + ")");
                    }
                }
            }
        }
        return maps;
    }
}
