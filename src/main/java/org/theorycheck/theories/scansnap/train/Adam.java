package org.theorycheck.theories.scansnap.train;

/**
 * Adam with PyTorch's defaults (β₁ = 0.9, β₂ = 0.999, ε = 1e-8, no weight decay, no amsgrad), used for
 * the paper's Fig. 5: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − η·m̂/(√v̂ + ε) with bias-corrected
 * m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ).
 */
public final class Adam implements Optimizer {

    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    private final double eta;
    private final RowState first = new RowState();
    private final RowState second = new RowState();
    private int t;

    public Adam(double eta) {
        this.eta = eta;
    }

    @Override
    public void step(double[][] theta, double[][] grad, int[] rows) {
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        for (int r : rows) {
            double[] th = theta[r];
            double[] g = grad[r];
            double[] m = first.row(r, th.length);
            double[] v = second.row(r, th.length);
            for (int i = 0; i < th.length; i++) {
                m[i] = BETA1 * m[i] + (1 - BETA1) * g[i];
                v[i] = BETA2 * v[i] + (1 - BETA2) * g[i] * g[i];
                double mHat = m[i] / c1;
                double vHat = v[i] / c2;
                th[i] -= eta * mHat / (Math.sqrt(vHat) + EPSILON);
            }
        }
    }
}
