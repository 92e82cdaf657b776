package org.theorycheck.theories.scansnap.train;

/**
 * SGD with heavy-ball momentum, PyTorch semantics ([ref], paper §1.2): v ← μ·v + g (v = g at the first
 * step), θ ← θ − η·v; no dampening, no weight decay. With μ = 0 it is plain SGD.
 */
public final class SgdMomentum implements Optimizer {

    private final double eta;
    private final double momentum;
    private final RowState velocity = new RowState();
    private boolean started;

    public SgdMomentum(double eta, double momentum) {
        this.eta = eta;
        this.momentum = momentum;
    }

    @Override
    public void step(double[][] theta, double[][] grad, int[] rows) {
        boolean first = !started;
        started = true;
        for (int r : rows) {
            double[] t = theta[r];
            double[] g = grad[r];
            double[] v = velocity.row(r, t.length);
            // One pass over the arrays rather than two: the update is bound by memory traffic, not arithmetic.
            for (int i = 0; i < t.length; i++) {
                double vi = first ? g[i] : momentum * v[i] + g[i];
                v[i] = vi;
                t[i] -= eta * vi;
            }
        }
    }
}
