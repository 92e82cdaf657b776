package org.theorycheck.theories.deeplinear.nonlinear;

import org.theorycheck.theories.deeplinear.spectra.Table;

import java.util.LinkedHashMap;

/** The data of Fig 7 and Fig 8 as tables. */
public final class NonlinearFigures {

    private NonlinearFigures() {}

    /** Fig 8 left: the map q^l ↦ q^{l+1} of eq 48 for one gain, on {@code points} variances in [0, qMax]. */
    public static Table varianceMap(VarianceMap map, double gain, double qMax, int points) {
        double[] q = new double[points];
        double[] next = new double[points];
        for (int i = 0; i < points; i++) {
            q[i] = qMax * i / (points - 1);
            next[i] = map.next(q[i], gain);
        }
        LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
        columns.put("q", q);
        columns.put("q_next", next);
        return new Table("fig8-left-variance-map", columns);
    }

    /**
     * Fig 8 right: by gain, q∞ (eq 49), eq 48 iterated to the network's depth and the simulation, both
     * averaged over the last layers.
     */
    public static Table fixedPoints(VarianceSettings settings, double[][] simulated, VarianceMap map) {
        double[] gains = settings.gains();
        double[] fixed = new double[gains.length];
        double[] iterated = new double[gains.length];
        double[] sim = new double[gains.length];
        for (int g = 0; g < gains.length; g++) {
            fixed[g] = map.fixedPoint(gains[g]);
            iterated[g] = NonlinearPredictions.lastLayers(map.iterate(settings.inputVariance(), gains[g], settings.layers()),
                    settings.averagedLayers());
            sim[g] = NonlinearPredictions.lastLayers(simulated[g], settings.averagedLayers());
        }
        LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
        columns.put("g", gains);
        columns.put("q_inf", fixed);
        columns.put("q_eq48", iterated);
        columns.put("q_sim", sim);
        return new Table("fig8-right-fixed-points", columns);
    }

    /**
     * Fig 7: histograms of log10 σ of the Jacobian, one column {@code density_g<g>} per gain (share
     * per decade), on common bins from the smallest to the largest value.
     */
    public static Table jacobianHistogram(double[] gains, double[][] singularValues, double inputVariance, int bins) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] s : singularValues) {
            for (double v : s) {
                lo = Math.min(lo, Math.log10(v));
                hi = Math.max(hi, Math.log10(v));
            }
        }
        double width = (hi - lo) / bins;
        double[] centres = new double[bins];
        for (int b = 0; b < bins; b++) {
            centres[b] = lo + (b + 0.5) * width;
        }
        LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
        columns.put("log10_sigma", centres);
        for (int g = 0; g < gains.length; g++) {
            double[] density = new double[bins];
            for (double v : singularValues[g]) {
                density[Math.min(bins - 1, (int) ((Math.log10(v) - lo) / width))] += 1.0 / (singularValues[g].length * width);
            }
            columns.put("density_g" + gains[g], density);
        }
        return new Table("fig7-jacobian-q" + inputVariance, columns);
    }
}
