package org.theorycheck.theories.deeplinear.ladder;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.theorycheck.theories.deeplinear.DivergenceException;
import org.theorycheck.theories.deeplinear.network.Gradient;

/**
 * The matrix gradient flow, eq 2 (eq 13 for any depth), {@code dW_l/dt = λ G_l} with t in steps
 * (τ = 1/λ), integrated by {@link Integrators} and sampled at the record steps by dense output.
 */
public final class FlowRung implements Rung {

    @Override
    public String name() {
        return "flow";
    }

    @Override
    public DeepLinearTrace run(DeepLinearRun run, long seed) {
        Start start = Start.of(run, seed);
        Observables observables = start.observables();
        Observables.Recorder recorder = start.recorder(name(), observables);
        double[][] w = start.weightArrays();
        Gradient gradient = new Gradient(start.network(), start.task().statistics());
        double[][] g = gradient.newWeightArrays();
        double[] y0 = flatten(w);
        double rate = run.rate();
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return y0.length;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                unflatten(y, w);
                double check = gradient.compute(w, g);
                if (!Double.isFinite(check)) {
                    throw new DivergenceException(name(), t, "the error Σ31 − W_tot Σ11", "the flow left the finite numbers");
                }
                double[] dy = flatten(g);
                for (int i = 0; i < dy.length; i++) {
                    dy[i] *= rate;
                }
                return dy;
            }
        };
        double scale = Math.max(Math.sqrt(start.task().svd().s()[0]), maxAbs(y0));
        DormandPrince853Integrator integrator = Integrators.dormandPrince(y0, scale);
        double[][] sampled = start.weightArrays();
        integrator.addStepHandler(Integrators.sampler(run.recordSteps(), (t, state) -> {
            unflatten(state, sampled);
            recorder.add(t, observables.of(start.asMatrices(sampled)));
        }));
        try {
            integrator.integrate(ode, new ODEState(0, y0), run.steps());
        } catch (MathIllegalStateException e) {
            throw new DivergenceException(name(), Double.NaN, "the step size", "the integrator could not continue: " + e.getMessage());
        }
        return recorder.build();
    }

    static double[] flatten(double[][] parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int k = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        return out;
    }

    static void unflatten(double[] flat, double[][] parts) {
        int k = 0;
        for (double[] p : parts) {
            System.arraycopy(flat, k, p, 0, p.length);
            k += p.length;
        }
    }

    static double maxAbs(double[] y) {
        double m = 0;
        for (double v : y) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
