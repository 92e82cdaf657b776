package org.theorycheck.train;

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
    private final double[] first;
    private final double[] second;
    private int t;

    public Adam(double eta, int length) {
        this.eta = eta;
        this.first = new double[length];
        this.second = new double[length];
    }

    @Override
    public void step(double[] theta, double[] grad) {
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        for (int i = 0; i < theta.length; i++) {
            double g = grad[i];
            first[i] = BETA1 * first[i] + (1 - BETA1) * g;
            second[i] = BETA2 * second[i] + (1 - BETA2) * g * g;
            double mHat = first[i] / c1;
            double vHat = second[i] / c2;
            theta[i] -= eta * mHat / (Math.sqrt(vHat) + EPSILON);
        }
    }
}
