package org.theorycheck.theories.deeplinear.quantities;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Nested;
import org.theorycheck.contract.QuantityContract;
import org.theorycheck.core.claims.HandMadeCheck;
import org.theorycheck.core.claims.Quantity;
import org.theorycheck.core.claims.Tolerance;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.DeepLinearTheory;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;

/**
 * The quantity contract for every deep-linear quantity: input that meets the prediction HOLDS and input made to
 * break it FAILS, with the worst case named. The input is a real run where the prediction holds exactly (the
 * closed and decoupled rungs, gd on the manifold), a trace changed by hand to break it (a mode delayed, a bump,
 * a drift), or for the quantities that measure the paper's formulas the form each quantity carries that is not
 * the claim (eq 42's order, eq 5 without competition, App. A as printed, the flow's prediction for a gd step).
 * Tolerances are the claim files'; where a claim is approximate (its expected verdict HOLDS_APPROX) the contract
 * counts a deviation within the claim's tolerance as holding (exact bound = tolerance).
 */
class DeepLinearQuantityContractTest {

    private static final DeepLinearTheory THEORY = new DeepLinearTheory();

    private static Path experiment(String name) {
        return Path.of("experiments", "deep-linear", name);
    }

    private static HandMadeCheck<DeepLinearExperiment, DeepLinearTrace> check(String rung, String file, String... overrides) {
        return HandMadeCheck.on(THEORY, rung, experiment(file), overrides);
    }

    /** A check whose every rung hands over its real trace changed by {@code change}. */
    private static HandMadeCheck<DeepLinearExperiment, DeepLinearTrace> changed(String rung, String file,
            UnaryOperator<DeepLinearTrace> change, String... overrides) {
        return check(rung, file, overrides).traces((real, e, seed) -> change.apply(real.run(e, seed)));
    }

    /** The trace with one series replaced by {@code series} applied to it. */
    static DeepLinearTrace replace(DeepLinearTrace t, String name, UnaryOperator<double[]> series) {
        Map<String, double[]> all = new LinkedHashMap<>(t.series());
        all.put(name, series.apply(t.series(name)));
        return new DeepLinearTrace(t.rung(), t.steps(), all);
    }

    /** The series delayed by {@code records} records (the first value held meanwhile). */
    static double[] delayed(double[] x, int records) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[Math.max(0, i - records)];
        }
        return out;
    }

    /** The series with {@code by} added at record {@code at}. */
    static double[] bumped(double[] x, int at, double by) {
        double[] out = x.clone();
        out[at] += by;
        return out;
    }

    private static Tolerance within(double exact, double approx) {
        return new Tolerance(exact, approx, 0.95);
    }

    private abstract static class Contract extends QuantityContract<DeepLinearExperiment, DeepLinearTrace> {
        private final Quantity<DeepLinearExperiment, DeepLinearTrace> quantity;
        private final Tolerance tolerance;
        private final HandMadeCheck<DeepLinearExperiment, DeepLinearTrace> meeting;
        private final HandMadeCheck<DeepLinearExperiment, DeepLinearTrace> breaking;

        Contract(Quantity<DeepLinearExperiment, DeepLinearTrace> quantity, Tolerance tolerance,
                HandMadeCheck<DeepLinearExperiment, DeepLinearTrace> meeting,
                HandMadeCheck<DeepLinearExperiment, DeepLinearTrace> breaking) {
            this.quantity = quantity;
            this.tolerance = tolerance;
            this.meeting = meeting;
            this.breaking = breaking;
        }

        @Override
        protected Quantity<DeepLinearExperiment, DeepLinearTrace> quantity() {
            return quantity;
        }

        @Override
        protected Tolerance tolerance() {
            return tolerance;
        }

        @Override
        protected HandMadeCheck<DeepLinearExperiment, DeepLinearTrace> meeting() {
            return meeting;
        }

        @Override
        protected HandMadeCheck<DeepLinearExperiment, DeepLinearTrace> breaking() {
            return breaking;
        }
    }

    private static final String[] SHORT = {"train.steps=400", "train.record_every=1"};

    /** Eq 12 against eq 10 integrated: the rungs agree; mode 1 of the closed rung pushed by 0.5 at record 100 does not. */
    @Nested
    class RungGapContract extends Contract {
        RungGapContract() {
            super(new RungGap(), within(1e-6, 0.1),
                    check("closed", "synthetic-small.yaml", SHORT).param("against", "decoupled"),
                    changed("closed", "synthetic-small.yaml", t -> t.rung().equals("closed")
                            ? replace(t, "u_1", u -> bumped(u, 100, 0.5)) : t, SHORT).param("against", "decoupled"));
        }
    }

    /** The decoupled rung meets eq 11's t_half; mode 1 delayed by 20 steps (15 % of its t_half) does not. */
    @Nested
    class HalfTimeContract extends Contract {
        HalfTimeContract() {
            super(new HalfTime(), within(1e-5, 1e-4), check("decoupled", "synthetic-small.yaml", SHORT),
                    changed("decoupled", "synthetic-small.yaml", t -> replace(t, "u_1", u -> delayed(u, 20)), SHORT));
        }
    }

    /** The closed rung scales as 1/s; mode 1 delayed by 40 steps bends the slope. */
    @Nested
    class InverseSScalingContract extends Contract {
        InverseSScalingContract() {
            super(new InverseSScaling(), within(1e-5, 1e-3), check("closed", "synthetic-small.yaml", SHORT),
                    changed("closed", "synthetic-small.yaml", t -> replace(t, "u_1", u -> delayed(u, 40)), SHORT));
        }
    }

    /** The decoupled rung learns the strongest first; mode 1 delayed past mode 3 does not. */
    @Nested
    class StrongerFirstContract extends Contract {
        StrongerFirstContract() {
            super(new StrongerFirst(), within(0, 0.01), check("decoupled", "synthetic-small.yaml"),
                    changed("decoupled", "synthetic-small.yaml", t -> replace(t, "u_1", u -> delayed(u, 30))));
        }
    }

    /**
     * A logistic sigmoid sampled symmetrically about its inflection (the steepest interval centred on s/2)
     * holds; the same with a dip halfway up fails.
     */
    @Nested
    class SigmoidContract extends Contract {
        SigmoidContract() {
            super(new Sigmoid(), within(0, 0.01),
                    changed("closed", "synthetic-small.yaml", DeepLinearQuantityContractTest::logistic, SHORT),
                    changed("closed", "synthetic-small.yaml", t -> replace(logistic(t), "u_2", u -> bumped(u, 200, -0.5)), SHORT));
        }
    }

    /** Every mode of the trace as a logistic s_α/(1 + e^{−(t − 199.5)/20}), s = 3, 2, 1, 0.5. */
    static DeepLinearTrace logistic(DeepLinearTrace t) {
        double[] s = {3, 2, 1, 0.5};
        DeepLinearTrace out = t;
        for (int m = 1; m <= 4; m++) {
            double sm = s[m - 1];
            double[] steps = t.steps();
            out = replace(out, DeepLinearTrace.mode(m), u -> {
                double[] v = new double[u.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = sm / (1 + Math.exp(-(steps[i] - 199.5) / 20));
                }
                return v;
            });
        }
        return out;
    }

    /** The flow conserves Q; a drift of 0.01 at the last record breaks it. */
    @Nested
    class ConservedDriftContract extends Contract {
        ConservedDriftContract() {
            super(new ConservedDrift(), within(1e-8, 1e-6), check("flow", "synthetic-random.yaml", "seeds=1..2", "train.steps=300"),
                    changed("flow", "synthetic-random.yaml", t -> replace(t, "conserved_drift",
                            d -> bumped(d, d.length - 1, 0.01)), "seeds=1..2", "train.steps=300"));
        }
    }

    /** A gd step against eq 1's λ² term holds; against the flow's no change it fails. */
    @Nested
    class GdInvariantStepContract extends Contract {
        GdInvariantStepContract() {
            super(new GdInvariantStep(), within(1e-10, 1e-8),
                    check("gd", "synthetic-random.yaml", "seeds=1..2").param("prediction", "gd"),
                    check("gd", "synthetic-random.yaml", "seeds=1..2").param("prediction", "flow"));
        }
    }

    /** Gd keeps the decoupled manifold; an off-diagonal mass of 0.1 at one record breaks it. */
    @Nested
    class ManifoldInvarianceContract extends Contract {
        ManifoldInvarianceContract() {
            super(new ManifoldInvariance(), within(1e-10, 1e-8), check("gd", "synthetic-small.yaml"),
                    changed("gd", "synthetic-small.yaml", t -> replace(t, "offdiag_layers", d -> bumped(d, 40, 0.1))));
        }
    }

    /** Gd is the map u(1 + λ(s − u))²; mode 1 moved by 1e-3 at one step is not. */
    @Nested
    class DiscreteMapContract extends Contract {
        DiscreteMapContract() {
            super(new DiscreteMap(), within(1e-12, 1e-10), check("gd", "synthetic-small.yaml", SHORT),
                    changed("gd", "synthetic-small.yaml", t -> replace(t, "u_1", u -> bumped(u, 150, 1e-3)), SHORT));
        }
    }

    /** A distance to eq 7's minimum that reaches 0 holds; one that stops at half of where it started fails. */
    @Nested
    class BestRankConvergenceContract extends Contract {
        BestRankConvergenceContract() {
            super(new BestRankConvergence(), within(0, 1e-3),
                    changed("gd", "synthetic-random.yaml", t -> replace(t, "best_rank_gap", g -> bumped(g, g.length - 1, -g[g.length - 1])),
                            "seeds=1..2"),
                    changed("gd", "synthetic-random.yaml", t -> replace(t, "best_rank_gap", g -> bumped(g, g.length - 1, g[0] / 2 - g[g.length - 1])),
                            "seeds=1..2"));
        }
    }

    /** The loss never rises along the modes rung; a rise of 1 at one record breaks it. */
    @Nested
    class EnergyDecreaseContract extends Contract {
        EnergyDecreaseContract() {
            super(new EnergyDecrease(), within(0, 1e-10), check("modes", "synthetic-random.yaml", "seeds=1..2"),
                    changed("modes", "synthetic-random.yaml", t -> replace(t, "loss", l -> bumped(l, 100, 1)), "seeds=1..2"));
        }
    }

    /** Eq 5 is −∂E/∂(a, b) of eq 6; eq 5 without its competitive terms is not. */
    @Nested
    class EnergyGradientContract extends Contract {
        EnergyGradientContract() {
            super(new EnergyGradient(), within(1e-8, 1e-7), check("modes", "synthetic-random.yaml", "seeds=1..2").param("terms", "full"),
                    check("modes", "synthetic-random.yaml", "seeds=1..2").param("terms", "cooperative"));
        }
    }

    /** The corrected App. A solves eq 8; App. A as printed does not. */
    @Nested
    class ClosedFormContract extends Contract {
        ClosedFormContract() {
            super(new ClosedForm(), within(1e-8, 1e-6), check("closed", "synthetic-unbalanced.yaml").param("form", "appA-derived"),
                    check("closed", "synthetic-unbalanced.yaml").param("form", "eq26-solves-eq8"));
        }
    }

    /** Eq 17 is within a factor 2 of eq 15 at N_l = 100; at N_l = 6 from u0 = 1e-3 it is not. */
    @Nested
    class LargeDepthApproximationContract extends Contract {
        LargeDepthApproximationContract() {
            super(new LargeDepthApproximation(), within(0.693, 0.693), check("closed", "scalar-chain.yaml", "model.depth=100"),
                    check("closed", "scalar-chain.yaml", "model.depth=6"));
        }
    }

    /** Eq 41 is the finite-difference Hessian's top eigenvalue; eq 42's N_l s² is not, at N_l = 3 and 5. */
    @Nested
    class HessianEigenvalueContract extends Contract {
        HessianEigenvalueContract() {
            super(new HessianEigenvalue(), within(1e-8, 1e-6), check("closed", "synthetic-small.yaml").param("formula", "eq41"),
                    check("closed", "synthetic-small.yaml").param("formula", "eq42").param("depths", List.of(3, 5)));
        }
    }

    /** Eq 15 at the optimised rate approaches eq 44's t∞ by N_l = 1000; a mode that takes 1.5 times as long does not. */
    @Nested
    class OptimisedRateDelayContract extends Contract {
        OptimisedRateDelayContract() {
            super(new OptimisedRateDelay(), within(0.05, 0.05),
                    check("decoupled", "scalar-chain.yaml", "train.steps=1600").param("depths", List.of(3, 30, 1000)),
                    changed("decoupled", "scalar-chain.yaml", DeepLinearQuantityContractTest::slower, "train.steps=1600")
                            .param("depths", List.of(3, 30, 1000)));
        }
    }

    /** The trace's mode 1 taking 1.5 times as long: u(t/1.5), read at the nearest record. */
    static DeepLinearTrace slower(DeepLinearTrace t) {
        return replace(t, "u_1", u -> {
            double[] v = new double[u.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = u[(int) Math.round(i / 1.5)];
            }
            return v;
        });
    }

    /** Eq 15 at a fixed τ speeds up like 1/N_l; gd at the same λ past its stability limit never settles. */
    @Nested
    class ContinuousDepthSpeedupContract extends Contract {
        ContinuousDepthSpeedupContract() {
            super(new ContinuousDepthSpeedup(), within(0.05, 0.05),
                    check("decoupled", "scalar-chain.yaml"),
                    check("gd", "scalar-chain.yaml", "train.steps=1500").param("depths", List.of(100, 300)));
        }
    }

    /** The scaled Gaussian start's learning time grows with depth; the orthogonal start's does not. */
    @Nested
    class DepthLearningTimeContract extends Contract {
        DepthLearningTimeContract() {
            super(new DepthLearningTime(), within(0, 0.01), check("gd", "depth-trend.yaml").param("trend", "grows")
                            .param("depths", List.of(3, 5, 8)),
                    check("gd", "depth-trend.yaml", "model.init=orthogonal").param("trend", "grows").param("depths", List.of(5, 8, 12, 16)));
        }
    }

    /** Products of orthogonal matrices are isometries; products of scaled Gaussian ones are not. */
    @Nested
    class ProductSpectrumContract extends Contract {
        ProductSpectrumContract() {
            super(new ProductSpectrum(), within(1e-12, 1e-10),
                    check("sgd", "spectra-orthogonal.yaml", "spectra.width=40", "spectra.realisations=1", "seeds=1..2")
                            .param("statistic", "isometry"),
                    check("sgd", "spectra-orthogonal.yaml", "spectra.width=40", "spectra.realisations=1", "seeds=1..2",
                            "spectra.ensemble=gaussian").param("statistic", "isometry"));
        }
    }

    /**
     * Σ11 = I is aligned with any task (V11ᵀ I V11 = I); 2000 MNIST digits with Σ11 turned by a random rotation
     * are not.
     */
    @Nested
    class TaskAlignmentContract extends Contract {
        TaskAlignmentContract() {
            super(new TaskAlignment(), within(1e-10, 0.2), check("sgd", "synthetic-small.yaml").param("basis", "data"),
                    check("sgd", "mnist-alignment.yaml", "data.digits=2000").param("basis", "random"));
        }
    }

    /** Tanh's critical gain is 1; tanh(1.5 x)'s is 2/3. */
    @Nested
    class CriticalGainContract extends Contract {
        CriticalGainContract() {
            super(new CriticalGain(), within(1e-7, 1e-6), HandMadeCheck.on(THEORY, "closed", null).param("steepness", 1),
                    HandMadeCheck.on(THEORY, "closed", null).param("steepness", 1.5));
        }
    }

    /** A depth-30 tanh network follows the map of tanh; it does not follow the map of tanh(1.5 x). */
    @Nested
    class VarianceSimulationContract extends Contract {
        VarianceSimulationContract() {
            super(new VarianceSimulation(), within(0.05, 0.05), check("sgd", "tanh-network.yaml", "seeds=1..2").param("steepness", 1),
                    check("sgd", "tanh-network.yaml", "seeds=1..2").param("steepness", 1.5));
        }
    }
}
