package org.theorycheck.theories.scansnap.report;

import org.theorycheck.theories.scansnap.report.KeyLabels;
import org.theorycheck.core.report.LineFigure;

import org.theorycheck.core.experiment.ConfigException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trajectories of several sources on the same axes: each label is one line, or, when several sources
 * share a label (SGD seeds), their mean with a ± std band. Theory rungs and SGD thus sit side by side.
 */
public final class Overlay {

    /** A labelled vertical marker, e.g. a snap time t0. */
    public record Marker(double step, String text) {}

    private Overlay() {}

    /**
     * @param sources series grouped by label, in legend order; within a label all must share their steps
     * @param yTitle  the y axis title with its unit
     */
    public static LineFigure lines(String title, String yTitle, Map<String, List<TraceSeries.Sampled>> sources,
                                   List<Marker> markers, boolean logX) {
        LineFigure f = LineFigure.titled(title).axes(logX ? "step (SGD updates, log scale)" : KeyLabels.axisTitle("step"), yTitle);
        if (logX) {
            f.logX();
        }
        for (Map.Entry<String, List<TraceSeries.Sampled>> e : sources.entrySet()) {
            List<TraceSeries.Sampled> runs = e.getValue();
            double[] steps = runs.get(0).steps();
            List<double[]> values = new ArrayList<>();
            for (TraceSeries.Sampled s : runs) {
                if (!Arrays.equals(s.steps(), steps)) {
                    throw new ConfigException(s.source(), 0, "step", "records other steps than "
                            + runs.get(0).source() + ", which has the same label " + e.getKey()
                            + "; runs averaged into one band must share their record steps");
                }
                values.add(s.values());
            }
            f.runs(e.getKey(), steps, values);
        }
        for (Marker m : markers) {
            f.marker(m.step(), m.text());
        }
        return f;
    }

    /** Groups (label, series) pairs by label, keeping the first-seen order. */
    public static Map<String, List<TraceSeries.Sampled>> group(List<String> labels, List<TraceSeries.Sampled> series) {
        Map<String, List<TraceSeries.Sampled>> out = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            out.computeIfAbsent(labels.get(i), k -> new ArrayList<>()).add(series.get(i));
        }
        return out;
    }
}
