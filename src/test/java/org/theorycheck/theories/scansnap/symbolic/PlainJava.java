package org.theorycheck.theories.scansnap.symbolic;

/** Independent plain-Java versions of the paper's formulas, written from the paper, for cross-checks. */
final class PlainJava {

    private PlainJava() {}

    static double lemma6Rhs(double h, double m, double etaY) {
        return etaY / ((m - 1) + Math.exp(m * h));
    }

    static double gammaOfH(double h, double m) {
        return (m - 1) * (m - 1) * h / ((m - 1) + Math.exp(m * h));
    }

    /** Principal-branch W(e^x / c) for c > 0, by Newton on w + ln w = x - ln c (no overflow for large x). */
    static double lambertOfExpOver(double x, double c) {
        double target = x - Math.log(c);
        double w = target > 1 ? target - Math.log(target) : Math.exp(target) / (1 + Math.exp(target));
        for (int i = 0; i < 100; i++) {
            double step = (w + Math.log(w) - target) / (1 + 1 / w);
            w -= step;
            if (Math.abs(step) <= 1e-17 * Math.abs(w)) {
                break;
            }
        }
        return w;
    }

    static double lemma6H(double t, double m, double etaY) {
        double c = m - 1;
        double ratio = (m * etaY * t + 1) / c;
        return (ratio - lambertOfExpOver(ratio, c)) / m;
    }

    static double eqn13Rhs(double z, double gamma, double c0, double etaZ) {
        return -etaZ * gamma * Math.exp(4 * z) / c0;
    }

    static double appFZ(double capGamma, double c0) {
        return -0.25 * Math.log(1 + 4 * capGamma / c0);
    }

    static double appFXi(double gamma, double capGamma, double c0) {
        return gamma / (c0 + 4 * capGamma);
    }

    static double appFB(double capGamma, double c0) {
        return 0.25 * Math.log(c0 + 4 * capGamma);
    }

    static double eqn128(double h, double m, double k, double etaY, double etaZ) {
        return etaZ * k * (m - 1) * (m - 1) * h * h / (2 * etaY);
    }

    /** Eqn. 3 for one sample, learning rates 1: returns {dY (M x M), dz (1 x M)} stacked as M+1 rows. */
    static double[][] eqn3(double[][] y, double[] z, int[] tokens, int next) {
        int size = z.length;
        double[] weight = new double[size];
        for (int token : tokens) {
            weight[token] += Math.exp(z[token]);
        }
        double norm = 0;
        for (double w : weight) {
            norm += w * w;
        }
        norm = Math.sqrt(norm);
        double[] f = new double[size];
        for (int l = 0; l < size; l++) {
            f[l] = weight[l] / norm;
        }
        double[] o = new double[size];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < size; k++) {
            for (int l = 0; l < size; l++) {
                o[k] += y[l][k] * f[l];
            }
            max = Math.max(max, o[k]);
        }
        double partition = 0;
        for (int k = 0; k < size; k++) {
            partition += Math.exp(o[k] - max);
        }
        double[] err = new double[size];
        for (int k = 0; k < size; k++) {
            err[k] = (k == next ? 1 : 0) - Math.exp(o[k] - max) / partition;
        }
        double[][] out = new double[size + 1][size];
        double[] g = new double[size];
        for (int l = 0; l < size; l++) {
            for (int k = 0; k < size; k++) {
                out[l][k] = f[l] * err[k];
                g[l] += y[l][k] * err[k];
            }
        }
        double fg = 0;
        for (int l = 0; l < size; l++) {
            fg += f[l] * g[l];
        }
        for (int l = 0; l < size; l++) {
            out[size][l] = f[l] * (g[l] - f[l] * fg);
        }
        return out;
    }
}
