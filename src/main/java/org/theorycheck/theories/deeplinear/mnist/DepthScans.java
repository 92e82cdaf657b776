package org.theorycheck.theories.deeplinear.mnist;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.ladder.Trace;
import org.theorycheck.core.sweep.SweepPlan;
import org.theorycheck.theories.deeplinear.task.Task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The depth scans of a verification, each computed once for the checks that read it (prediction 19 has a
 * check of the learning time and one of the rate on the same scan).
 *
 * @param <E> the theory's experiment type
 */
final class DepthScans<E extends Experiment> {

    /** A scan: its points, depth by depth, and the top singular value of its task (for eq 41). */
    record Scan(List<DepthScan.Point> points, double topSingularValue, String task, double threshold) {}

    /** Scans kept at most: a verification reads one or two. */
    private static final int KEPT = 4;

    private final DepthScanReading<E> reading;
    private final Map<String, Scan> done = new LinkedHashMap<>();

    DepthScans(DepthScanReading<E> reading) {
        this.reading = reading;
    }

    DepthScanReading<E> reading() {
        return reading;
    }

    /** Fails, naming the experiment's file and key, unless it sweeps the depth and nothing else. */
    void requireScan(E experiment) {
        List<String> keys = experiment.sweep().stream().map(a -> a.key()).toList();
        if (!keys.equals(List.of(reading.depthKey()))) {
            throw new ConfigException(experiment.source(), 0, reading.depthKey(), "a depth scan sweeps " + reading.depthKey()
                    + " (the depths N_l) and nothing else; this experiment sweeps " + (keys.isEmpty() ? "nothing" : keys));
        }
        if (experiment.sweep().get(0).values().size() < 3) {
            throw new ConfigException(experiment.source(), 0, reading.depthKey(), "a trend in depth needs at least 3 depths, got "
                    + experiment.sweep().get(0).values());
        }
    }

    /** The scan of the check's experiment at the check's first seed, with this threshold fraction. */
    synchronized <T extends Trace> Scan of(CheckContext<E, T> context, double remaining) {
        SweepPlan<E> plan = context.sweepPlan();
        long seed = context.config().seeds().get(0);
        StringBuilder key = new StringBuilder().append(seed).append('|').append(remaining);
        for (SweepPlan.Cell<E> cell : plan.cells()) {
            key.append('|').append(cell.config().fingerprint());
        }
        Scan scan = done.get(key.toString());
        if (scan == null) {
            scan = compute(plan, seed, remaining);
            if (done.size() == KEPT) {
                done.remove(done.keySet().iterator().next());
            }
            done.put(key.toString(), scan);
        }
        return scan;
    }

    private Scan compute(SweepPlan<E> plan, long seed, double remaining) {
        E first = plan.cells().get(0).config();
        Task task = reading.task(first);
        int hidden = reading.hidden(first);
        int narrowest = Math.min(hidden, Math.min(task.inputDimension(), task.outputDimension()));
        double threshold = DepthScan.threshold(task.statistics(), task.outputEnergy(), narrowest, remaining);
        List<DepthScan.Point> points = new ArrayList<>();
        for (SweepPlan.Cell<E> cell : plan.cells()) {
            E e = cell.config();
            points.add(DepthScan.search(task, reading.depth(e), hidden, reading.init(e), reading.rates(e), threshold,
                    reading.maxIterations(e), seed));
        }
        return new Scan(points, task.svd().s()[0], task.description(), threshold);
    }

    /** A measurement that could not be made (too few depths learned): INCONCLUSIVE, with the reason in its text. */
    static Measurement notMeasured(String text) {
        return new Measurement(Double.NaN, text, new double[] {Double.NaN}, "", Measurement.Replicates.UNDECIDED,
                "not measured");
    }

    /** The step between consecutive depths of {@code depths} where the learning time grows fastest in log–log. */
    static String steepest(List<DepthScan.Point> points, int[] depths) {
        List<DepthScan.Point> kept = points.stream().filter(p -> Arrays.stream(depths).anyMatch(d -> d == p.depth())).toList();
        String worst = "";
        double steepest = Double.NEGATIVE_INFINITY;
        for (int i = 1; i < kept.size(); i++) {
            DepthScan.Point a = kept.get(i - 1);
            DepthScan.Point b = kept.get(i);
            double slope = Math.log((double) Math.max(1, b.iterations()) / Math.max(1, a.iterations()))
                    / Math.log((double) b.depth() / a.depth());
            if (slope > steepest) {
                steepest = slope;
                worst = String.format(Locale.ROOT, "N_l %d → %d: %d → %d iterations (local slope %.2f)", a.depth(), b.depth(),
                        a.iterations(), b.iterations(), slope);
            }
        }
        return worst;
    }

    /** The fastest rates at the shallowest and the deepest depth of {@code depths}. */
    static String ends(List<DepthScan.Point> points, int[] depths) {
        DepthScan.Point first = points.stream().filter(p -> p.depth() == depths[0]).findFirst().orElseThrow();
        DepthScan.Point last = points.stream().filter(p -> p.depth() == depths[depths.length - 1]).findFirst().orElseThrow();
        return String.format(Locale.ROOT, "fastest rate %.3g at N_l = %d, %.3g at N_l = %d", first.bestRate(), first.depth(),
                last.bestRate(), last.depth());
    }
}
