package org.theorycheck.train;

/**
 * SGD with heavy-ball momentum, PyTorch semantics ([ref], paper §1.2): v ← μ·v + g (v = g at the first
 * step), θ ← θ − η·v; no dampening, no weight decay. With μ = 0 it is plain SGD.
 */
public final class SgdMomentum implements Optimizer {

    private final double eta;
    private final double momentum;
    private final double[] velocity;
    private boolean started;

    public SgdMomentum(double eta, double momentum, int length) {
        this.eta = eta;
        this.momentum = momentum;
        this.velocity = new double[length];
    }

    @Override
    public void step(double[] theta, double[] grad) {
        // One pass over the arrays rather than two: the update is bound by memory traffic, not arithmetic.
        boolean first = !started;
        started = true;
        for (int i = 0; i < theta.length; i++) {
            double v = first ? grad[i] : momentum * velocity[i] + grad[i];
            velocity[i] = v;
            theta[i] -= eta * v;
        }
    }
}
