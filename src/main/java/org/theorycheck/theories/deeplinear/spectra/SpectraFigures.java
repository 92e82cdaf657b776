package org.theorycheck.theories.deeplinear.spectra;

import java.util.LinkedHashMap;

/** The data of Fig 6A right, 6B and 6C as tables, one column per depth where there are several. */
public final class SpectraFigures {

    /** The bin width of Fig 6C's eigenvalue histograms, in the complex plane. */
    public static final double EIGENVALUE_BIN = 0.1;

    private SpectraFigures() {}

    /**
     * Fig 6B: histograms of the singular values on common bins from 0 to the largest value sampled:
     * columns {@code sigma} (bin centres) and {@code density_<factors>} (fraction per unit σ).
     */
    public static Table singularValueHistogram(ProductSpectra spectra, int bins) {
        double top = 0;
        for (double[] depth : spectra.singularValues()) {
            for (double s : depth) {
                top = Math.max(top, s);
            }
        }
        double width = top / bins;
        LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
        double[] centres = new double[bins];
        for (int b = 0; b < bins; b++) {
            centres[b] = (b + 0.5) * width;
        }
        columns.put("sigma", centres);
        int[] factors = spectra.settings().factors();
        for (int k = 0; k < factors.length; k++) {
            double[] density = new double[bins];
            double[] values = spectra.singularValues()[k];
            for (double s : values) {
                density[Math.min(bins - 1, (int) (s / width))] += 1.0 / (values.length * width);
            }
            columns.put("density_" + factors[k], density);
        }
        return new Table("fig6b-singular-values-" + spectra.settings().ensemble().key(), columns);
    }

    /**
     * Fig 6B on a logarithmic scale: histograms of log10 σ on common bins from the smallest to the largest value
     * sampled: columns {@code log10_sigma} (bin centres) and {@code density_<factors>} (fraction per decade; a
     * singular value of exactly 0, which has no logarithm, counts in no bin).
     */
    public static Table logSingularValueHistogram(ProductSpectra spectra, int bins) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] depth : spectra.singularValues()) {
            for (double s : depth) {
                if (s > 0) {
                    lo = Math.min(lo, Math.log10(s));
                    hi = Math.max(hi, Math.log10(s));
                }
            }
        }
        double width = (hi - lo) / bins;
        LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
        double[] centres = new double[bins];
        for (int b = 0; b < bins; b++) {
            centres[b] = lo + (b + 0.5) * width;
        }
        columns.put("log10_sigma", centres);
        int[] factors = spectra.settings().factors();
        for (int k = 0; k < factors.length; k++) {
            double[] density = new double[bins];
            double[] values = spectra.singularValues()[k];
            for (double s : values) {
                if (s > 0) {
                    density[Math.min(bins - 1, (int) ((Math.log10(s) - lo) / width))] += 1.0 / (values.length * width);
                }
            }
            columns.put("density_" + factors[k], density);
        }
        return new Table("fig6b-log-singular-values-" + spectra.settings().ensemble().key(), columns);
    }

    /**
     * Fig 6C: two-dimensional histograms of the eigenvalues on square bins of width {@value #EIGENVALUE_BIN},
     * one bin centred on the origin, over the square of half-width {@code extent}; the origin bin is left
     * out, as in the paper ({@link #originTable} gives its share). Columns {@code re}, {@code im} (bin
     * centres) and {@code fraction_<factors>} (share of the eigenvalues in the bin).
     */
    public static Table eigenvalueHistogram(ProductSpectra spectra, double extent) {
        int half = (int) Math.round(extent / EIGENVALUE_BIN);
        int side = 2 * half + 1;
        int rows = side * side - 1;
        double[] re = new double[rows];
        double[] im = new double[rows];
        int[] index = new int[side * side];
        int row = 0;
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                if (i == half && j == half) {
                    index[i * side + j] = -1;
                    continue;
                }
                re[row] = (i - half) * EIGENVALUE_BIN;
                im[row] = (j - half) * EIGENVALUE_BIN;
                index[i * side + j] = row++;
            }
        }
        LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
        columns.put("re", re);
        columns.put("im", im);
        int[] factors = spectra.settings().factors();
        for (int k = 0; k < factors.length; k++) {
            double[] fraction = new double[rows];
            double[] x = spectra.eigenRe()[k];
            double[] y = spectra.eigenIm()[k];
            for (int e = 0; e < x.length; e++) {
                int i = (int) Math.round(x[e] / EIGENVALUE_BIN) + half;
                int j = (int) Math.round(y[e] / EIGENVALUE_BIN) + half;
                if (i >= 0 && i < side && j >= 0 && j < side && index[i * side + j] >= 0) {
                    fraction[index[i * side + j]] += 1.0 / x.length;
                }
            }
            columns.put("fraction_" + factors[k], fraction);
        }
        return new Table("fig6c-eigenvalues-" + spectra.settings().ensemble().key(), columns);
    }

    /**
     * The share of eigenvalues at the origin by depth, measured and by the large-N law
     * ({@link GinibreProductLaw}, meaningful for the Gaussian ensemble only): in Fig 6C's origin bin
     * ({@code origin_bin}), within |λ| < 0.05 ({@code disc_0.05}) and within |λ| < 0.1
     * ({@code disc_0.1}, the first bin of a histogram of |λ| of width 0.1).
     */
    public static Table originTable(ProductSpectra spectra) {
        int[] factors = spectra.settings().factors();
        String[] names = {"factors", "origin_bin", "law_origin_bin", "disc_0.05", "law_disc_0.05", "disc_0.1", "law_disc_0.1"};
        double[][] c = new double[names.length][factors.length];
        for (int k = 0; k < factors.length; k++) {
            double[] re = spectra.eigenRe()[k];
            double[] im = spectra.eigenIm()[k];
            c[0][k] = factors[k];
            c[1][k] = SpectrumStatistics.originBinFraction(re, im, EIGENVALUE_BIN);
            c[2][k] = GinibreProductLaw.squareFraction(factors[k], EIGENVALUE_BIN / 2);
            c[3][k] = SpectrumStatistics.discFraction(re, im, 0.05);
            c[4][k] = GinibreProductLaw.discFraction(factors[k], 0.05);
            c[5][k] = SpectrumStatistics.discFraction(re, im, 0.1);
            c[6][k] = GinibreProductLaw.discFraction(factors[k], 0.1);
        }
        LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i], c[i]);
        }
        return new Table("fig6c-origin-" + spectra.settings().ensemble().key(), columns);
    }

    /** Fig 6A right: the eigenvalues of one matrix, columns {@code re} and {@code im}. */
    public static Table eigenvalues(String name, double[][] reIm) {
        LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
        columns.put("re", reIm[0]);
        columns.put("im", reIm[1]);
        return new Table(name, columns);
    }
}
