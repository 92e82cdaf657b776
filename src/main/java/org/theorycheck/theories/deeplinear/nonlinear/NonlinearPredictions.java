package org.theorycheck.theories.deeplinear.nonlinear;

import org.theorycheck.theories.deeplinear.spectra.Measurement;
import org.theorycheck.theories.deeplinear.spectra.SpectrumStatistics;

/** Predictions 24 and 25 of the reference's §6 as measurements. */
public final class NonlinearPredictions {

    /** How finely the critical gain is located. */
    public static final double GAIN_RESOLUTION = 1e-9;

    private NonlinearPredictions() {}

    /**
     * Prediction 24, theory side: q∞(g) of eq 49 is 0 below a critical gain and positive above it,
     * with g_c = 1 for tanh. The deviation is |g_c − 1|, g_c located by bisection on [0.5, 2].
     */
    public static Measurement criticalGain(VarianceMap map) {
        double gc = map.criticalGain(0.5, 2, GAIN_RESOLUTION);
        return new Measurement(Math.abs(gc - 1), String.format("q∞(g) of eq 49 turns positive at g_c = %.9f"
                + " (q∞(0.9) = %.3g, q∞(1.1) = %.4f; gains and variances are dimensionless)", gc, map.fixedPoint(0.9), map.fixedPoint(1.1)));
    }

    /**
     * Prediction 24, against the network: the simulated q, averaged over the last layers (eq 21), against
     * eq 48 iterated from the same q^1 to the same depth and averaged the same way. The deviation is
     * max_g |q_sim − q_map| / max_g q_map; the text also gives the distance to the fixed point q∞ (eq 49),
     * which the paper plots, and which a finite depth reaches only away from g_c.
     *
     * @param simulated [gain][layer] as {@link OrthogonalTanhNetwork#variances} returns
     */
    public static Measurement simulationAgreement(VarianceSettings settings, double[][] simulated, VarianceMap map) {
        double[] gains = settings.gains();
        double worst = 0;
        double worstFixed = 0;
        double scale = 0;
        double at = gains[0];
        for (int g = 0; g < gains.length; g++) {
            double sim = lastLayers(simulated[g], settings.averagedLayers());
            double theory = lastLayers(map.iterate(settings.inputVariance(), gains[g], settings.layers()), settings.averagedLayers());
            scale = Math.max(scale, theory);
            if (Math.abs(sim - theory) > worst) {
                worst = Math.abs(sim - theory);
                at = gains[g];
            }
            worstFixed = Math.max(worstFixed, Math.abs(sim - map.fixedPoint(gains[g])));
        }
        return new Measurement(worst / scale, String.format("max |q_sim − q_eq48| = %.4g at g = %.2f, %.2f%% of the largest q"
                        + " (%.4f); max |q_sim − q∞| = %.4g (width %d, depth %d, q^1 = %g, mean of the last %d layers;"
                        + " q is a variance, dimensionless)", worst, at, 100 * worst / scale, scale, worstFixed, settings.width(),
                settings.layers(), settings.inputVariance(), settings.averagedLayers()));
    }

    /** The mean of the last {@code count} entries: q "averaged over the last layers". */
    public static double lastLayers(double[] q, int count) {
        double sum = 0;
        for (int l = q.length - count; l < q.length; l++) {
            sum += q[l];
        }
        return sum / count;
    }

    /**
     * Prediction 25, at g = 1: an O(1) fraction of the Jacobian's singular values stays in an O(1)
     * range. The deviation is the share of singular values more than a factor 10 from their median
     * (0 = all within one decade of it).
     */
    public static Measurement isometricFraction(double[] singularValues) {
        double median = SpectrumStatistics.percentile(singularValues, 50);
        int within = 0;
        for (double s : singularValues) {
            if (s >= median / 10 && s <= median * 10) {
                within++;
            }
        }
        double share = (double) within / singularValues.length;
        return new Measurement(1 - share, String.format("%.1f%% of the %d singular values lie within a factor 10 of their"
                        + " median %.3g (largest %.3g, σ90/σ10 = %.3g; dimensionless)", 100 * share, singularValues.length,
                median, singularValues[0], SpectrumStatistics.spread(singularValues)));
    }

    /**
     * Prediction 25, the asymmetry: the spectrum tolerates a larger gain better than a smaller one, its
     * spread wider at g &lt; 1 than at g = 1.1. Spread is measured as the distance from isometry, the root
     * mean square of log10 σ (decades from 1), which counts both a collapse of scale and a spread of
     * shape; the ratio σ90/σ10, which counts shape only, is in the text. The deviation is
     * max(0, d(high) − d(low)) in decades: 0 when the smaller gain is the farther from isometry.
     */
    public static Measurement gainAsymmetry(double lowGain, double[] low, double highGain, double[] high) {
        double dLow = decadesFromIsometry(low);
        double dHigh = decadesFromIsometry(high);
        return new Measurement(Math.max(0, dHigh - dLow), String.format("distance from isometry (rms log10 σ, decades):"
                        + " %.3g at g = %.2f, %.3g at g = %.2f; σ90/σ10: %.3g and %.3g", dLow, lowGain, dHigh, highGain,
                SpectrumStatistics.spread(low), SpectrumStatistics.spread(high)));
    }

    /** √(mean (log10 σ)²). */
    public static double decadesFromIsometry(double[] singularValues) {
        double sum = 0;
        for (double s : singularValues) {
            double d = Math.log10(s);
            sum += d * d;
        }
        return Math.sqrt(sum / singularValues.length);
    }
}
