package org.theorycheck.theories.deeplinear.nonlinear;

import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.analysis.integration.gauss.SymmetricGaussIntegrator;
import org.hipparchus.analysis.solvers.BrentSolver;

import java.util.function.DoubleUnaryOperator;

/**
 * The variance map of a deep network x^{l+1} = g W φ(x^l) with random orthogonal W (eq 20), in the
 * mean-field limit: q^{l+1} = g² ∫Dz φ(√q^l z)² (eq 48), Dz the standard Gaussian measure, and its
 * fixed point q∞ = g² ∫Dz φ(√q∞ z)² (eq 49). The integral is a Gauss–Hermite rule:
 * ∫Dz h(z) = π^{-1/2} Σ_i w_i h(√2 x_i) for nodes x_i and weights w_i of the weight e^{−x²}.
 */
public final class VarianceMap {

    /**
     * Hermite nodes of {@link #tanh()}. φ(√q z)² turns into a step as q grows, which a Gauss rule
     * resolves slowly (100 nodes: error 7e-12 at q = 1, 5e-4 at q = 10, 0.04 at q = 100, against an
     * adaptive integral), and Hipparchus builds the rule in high precision at a cost that grows fast
     * with the nodes (about a second for 100).
     */
    public static final int DEFAULT_NODES = 100;
    /**
     * The largest variance the map accepts: up to here 100 nodes are within 1e-5 of an adaptive integral
     * (5e-6 relative at q = 4; tested), far below the finite-width noise of the simulations they are compared with.
     */
    public static final double MAX_VARIANCE = 4;

    /**
     * Below this variance the map is read by its slope: q∞ > 0 exists iff the map grows faster than
     * the identity there, i.e. iff q^{l+1}/q^l > 1 at q^l = {@value} (for tanh that ratio is
     * g²(1 − 2q + O(q²))).
     */
    static final double SMALL_VARIANCE = 1e-8;

    private final DoubleUnaryOperator phi;
    private final SymmetricGaussIntegrator rule;

    public VarianceMap(DoubleUnaryOperator phi, int nodes) {
        this(phi, new GaussIntegratorFactory().hermite(nodes));
    }

    private VarianceMap(DoubleUnaryOperator phi, SymmetricGaussIntegrator rule) {
        this.phi = phi;
        this.rule = rule;
    }

    /** The map for φ = tanh, the paper's case (Fig 8). */
    public static VarianceMap tanh() {
        return new VarianceMap(Math::tanh, DefaultRule.RULE);
    }

    /** The default rule, built once, when first needed. */
    private static final class DefaultRule {
        static final SymmetricGaussIntegrator RULE = new GaussIntegratorFactory().hermite(DEFAULT_NODES);
    }

    /**
     * Eq 48: q^{l+1} from q^l for gain g.
     *
     * @throws IllegalArgumentException if q is not in [0, {@value #MAX_VARIANCE}]
     */
    public double next(double q, double gain) {
        if (!(q >= 0 && q <= MAX_VARIANCE)) {
            throw new IllegalArgumentException("network.input_variance: the variance map is resolved by its Hermite rule for "
                    + "variances in [0, " + MAX_VARIANCE + "], not " + q);
        }
        double root = Math.sqrt(2 * q);
        double integral = rule.integrate(x -> {
            double y = phi.applyAsDouble(root * x);
            return y * y;
        });
        return gain * gain * integral / Math.sqrt(Math.PI);
    }

    /** q^1 … q^L under eq 48 from q^1 (entry l − 1 is q^l). */
    public double[] iterate(double q1, double gain, int layers) {
        double[] q = new double[layers];
        q[0] = q1;
        for (int l = 1; l < layers; l++) {
            q[l] = next(q[l - 1], gain);
        }
        return q;
    }

    /**
     * Eq 49: the largest fixed point q∞(g), 0 when the map has none above {@link #SMALL_VARIANCE}
     * (then iterates of eq 48 decay to 0). Found by Brent's method between {@code SMALL_VARIANCE} and
     * a variance where the map has fallen below the identity; assumes, as for tanh, that the map's
     * ratio q^{l+1}/q^l decreases in q, so there is at most one positive fixed point.
     */
    public double fixedPoint(double gain) {
        if (next(SMALL_VARIANCE, gain) <= SMALL_VARIANCE) {
            return 0;
        }
        double high = MAX_VARIANCE;
        if (next(high, gain) >= high) {
            throw new IllegalArgumentException("network.gains: for gain " + gain + " the fixed point lies above the variances"
                    + " the map resolves (" + MAX_VARIANCE + ")");
        }
        return new BrentSolver(1e-14, 1e-12).solve(10_000, q -> next(q, gain) - q, SMALL_VARIANCE, high);
    }

    /**
     * The critical gain g_c: the least gain with q∞(g) > 0, by bisection on [low, high] to within
     * {@code tolerance} (prediction 24 says g_c = 1 for tanh).
     */
    public double criticalGain(double low, double high, double tolerance) {
        if (fixedPoint(low) > 0 || fixedPoint(high) == 0) {
            throw new IllegalArgumentException("no transition in [" + low + ", " + high + "]: q∞ = " + fixedPoint(low)
                    + " at " + low + " and " + fixedPoint(high) + " at " + high);
        }
        while (high - low > tolerance) {
            double mid = (low + high) / 2;
            if (fixedPoint(mid) > 0) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return (low + high) / 2;
    }
}
