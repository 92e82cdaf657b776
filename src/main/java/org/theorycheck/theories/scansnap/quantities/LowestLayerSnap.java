package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.theories.scansnap.torch.TextRun;

import java.util.List;

/**
 * What paper Fig. 7 shows of the lowest attention layer of a transformer trained on text, measured from
 * the records of one run ({@link TextRun}): the attention becomes sparse, and then freezes although the
 * learning rate stays constant.
 *
 * <p>Definitions (T the last recorded iteration, layer 0 throughout):
 * <ul>
 *   <li><b>sparse</b>: the mean attention entropy falls from {@code initialEntropy} (iteration 0, close to
 *       that of uniform causal attention) to {@code finalEntropy};</li>
 *   <li><b>change rate</b>: the recorded change per iteration (mean over query rows of the L1 change of
 *       an attention row, divided by the iterations between records); {@code earlyRate} is its largest
 *       value in the first quarter of the run, {@code lateRate} its mean over the last quarter;</li>
 *   <li><b>frozen</b> (by rate): {@code lateRate ≤ ratio · earlyRate}, "far below its early rate"; the
 *       <b>snap iteration</b> is the first recorded iteration from which the rate stays at or below
 *       {@code ratio · earlyRate} to the end (−1 if it never does);</li>
 *   <li><b>frozen</b> (by maps, as Fig. 7 is read): the mean row L1 distance between the layer-0 maps of
 *       the mapped training window at the recorded iterations nearest 2T/3 and T ({@code lateMapChange})
 *       is at most {@code ratio} times the distance between those at 0 and T/3 ({@code earlyMapChange});
 *       for T = 1500 these are Fig. 7's iterations 1000, 1500 and 0, 500.</li>
 * </ul>
 *
 * @param mapSteps the recorded iterations nearest 0, T/3, 2T/3 and T
 */
public record LowestLayerSnap(double initialEntropy, double finalEntropy, double earlyRate, double lateRate,
                              double ratio, int snapIteration, double earlyMapChange, double lateMapChange,
                              int[] mapSteps) {

    /** "Far below its early rate" by default: an order of magnitude. */
    public static final double FAR_BELOW = 0.1;

    /** Measures a run's records (at least two, the first at iteration 0). */
    public static LowestLayerSnap of(List<TextRun.Record> records, double ratio) {
        TextRun.Record first = records.get(0);
        TextRun.Record last = records.get(records.size() - 1);
        int end = last.step();
        double early = Double.NaN;
        double lateSum = 0;
        int lateCount = 0;
        for (TextRun.Record r : records) {
            double c = r.change()[0];
            if (Double.isNaN(c)) {
                continue;
            }
            if (4L * r.step() <= end) {
                early = Double.isNaN(early) ? c : Math.max(early, c);
            }
            if (4L * r.step() > 3L * end) {
                lateSum += c;
                lateCount++;
            }
        }
        if (Double.isNaN(early)) {
            early = records.get(1).change()[0];
        }
        double late = lateSum / lateCount;
        int snap = -1;
        for (int k = records.size() - 1; k >= 1 && records.get(k).change()[0] <= ratio * early; k--) {
            snap = records.get(k).step();
        }
        int[] steps = new int[4];
        TextRun.Record[] at = new TextRun.Record[4];
        for (int q = 0; q < 4; q++) {
            at[q] = nearest(records, Math.round(end * q / 3.0));
            steps[q] = at[q].step();
        }
        return new LowestLayerSnap(first.entropy()[0], last.entropy()[0], early, late, ratio, snap,
                mapDistance(at[0], at[1]), mapDistance(at[2], at[3]), steps);
    }

    /** ln(finalEntropy / (fraction · initialEntropy)), ≤ 0 when the entropy fell to at most that fraction. */
    public double sparsityExcess(double fraction) {
        return Math.log(finalEntropy / (fraction * initialEntropy));
    }

    /** ln(lateRate / (ratio · earlyRate)), ≤ 0 when the late rate is at most {@code ratio} of the early one. */
    public double rateExcess() {
        return Math.log(lateRate / (ratio * earlyRate));
    }

    /** ln(lateMapChange / (ratio · earlyMapChange)), ≤ 0 when the maps moved at most {@code ratio} as much late as early. */
    public double mapExcess() {
        return Math.log(lateMapChange / (ratio * earlyMapChange));
    }

    /** Mean over query rows of the L1 distance between two records' layer-0 maps. */
    private static double mapDistance(TextRun.Record a, TextRun.Record b) {
        int rows = (int) Math.round(Math.sqrt(a.map().length));
        return TextRun.rowChange(a.map(), b.map(), rows);
    }

    private static TextRun.Record nearest(List<TextRun.Record> records, long step) {
        TextRun.Record best = records.get(0);
        for (TextRun.Record r : records) {
            if (Math.abs(r.step() - step) < Math.abs(best.step() - step)) {
                best = r;
            }
        }
        return best;
    }
}
