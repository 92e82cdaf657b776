package org.theorycheck.theories.decay;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.core.ode.GridSampler;
import org.theorycheck.core.ode.Integrators;

import java.util.function.DoubleConsumer;

/** The ladder: SGD on samples → gradient descent on the expected loss → its gradient flow → the closed form. */
final class DecayRungs {

    private DecayRungs() {}

    private static double[] steps(DecayExperiment e) {
        double[] t = new double[Math.toIntExact(e.steps()) + 1];
        for (int k = 0; k < t.length; k++) {
            t[k] = k;
        }
        return t;
    }

    /** The real thing: minibatch SGD, w ← w − η mean((w − w*) x²). */
    static final class Sgd implements Rung<DecayExperiment, DecayTrace> {
        @Override
        public String name() {
            return "sgd";
        }

        @Override
        public DecayTrace run(DecayExperiment e, long seed) {
            return run(e, seed, t -> { });
        }

        @Override
        public DecayTrace run(DecayExperiment e, long seed, DoubleConsumer progress) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
            double[] w = new double[Math.toIntExact(e.steps()) + 1];
            w[0] = e.start();
            for (int k = 1; k < w.length; k++) {
                double mean = 0;
                for (int b = 0; b < e.batch(); b++) {
                    double x = normal.sample();
                    mean += x * x;
                }
                w[k] = w[k - 1] - e.rate() * (w[k - 1] - e.target()) * mean / e.batch();
                progress.accept(k);
            }
            return new DecayTrace(steps(e), w, e.target());
        }
    }

    /** Drops the sampling: the expected gradient (E x² = 1), w ← w − η (w − w*). */
    static final class Gd implements Rung<DecayExperiment, DecayTrace> {
        @Override
        public String name() {
            return "gd";
        }

        @Override
        public boolean isRandom(DecayExperiment e) {
            return false;
        }

        @Override
        public DecayTrace run(DecayExperiment e, long seed) {
            double[] w = new double[Math.toIntExact(e.steps()) + 1];
            w[0] = e.start();
            for (int k = 1; k < w.length; k++) {
                w[k] = w[k - 1] - e.rate() * (w[k - 1] - e.target());
            }
            return new DecayTrace(steps(e), w, e.target());
        }
    }

    /** Drops the finite step: dw/dt = −η (w − w*), integrated numerically. */
    static final class Flow implements Rung<DecayExperiment, DecayTrace> {
        @Override
        public String name() {
            return "flow";
        }

        @Override
        public boolean isRandom(DecayExperiment e) {
            return false;
        }

        @Override
        public DecayTrace run(DecayExperiment e, long seed) {
            double[] grid = steps(e);
            double[] w = new double[grid.length];
            int[] next = {0};
            OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
                @Override
                public int getDimension() {
                    return 1;
                }

                @Override
                public double[] computeDerivatives(double t, double[] y) {
                    return new double[] {-e.rate() * (y[0] - e.target())};
                }
            };
            ODEIntegrator integrator = Integrators.dormandPrince(grid[grid.length - 1], Integrators.RUNG_TOLERANCE);
            integrator.addStepHandler(new GridSampler(grid, (t, y) -> w[next[0]++] = y[0]));
            integrator.integrate(ode, new ODEState(0, new double[] {e.start()}), grid[grid.length - 1]);
            return new DecayTrace(grid, w, e.target());
        }
    }

    /** The flow's solution: w(t) = w* + (w(0) − w*) e^{−ηt}. */
    static final class Closed implements Rung<DecayExperiment, DecayTrace> {
        @Override
        public String name() {
            return "closed";
        }

        @Override
        public boolean isRandom(DecayExperiment e) {
            return false;
        }

        @Override
        public void requireApplicable(DecayExperiment e) {
            if (e.rate() > 1) {
                throw new ConfigException(e.source(), 0, "train.rate", "the closed form describes the flow, a small-rate "
                        + "limit; at a rate above 1 gradient descent oscillates, got " + e.rate());
            }
        }

        @Override
        public DecayTrace run(DecayExperiment e, long seed) {
            double[] t = steps(e);
            double[] w = new double[t.length];
            for (int k = 0; k < t.length; k++) {
                w[k] = e.target() + (e.start() - e.target()) * Math.exp(-e.rate() * t[k]);
            }
            return new DecayTrace(t, w, e.target());
        }
    }
}
