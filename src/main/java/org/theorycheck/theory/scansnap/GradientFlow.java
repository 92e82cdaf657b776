package org.theorycheck.theory.scansnap;

import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.theorycheck.config.ExperimentConfig;
import org.theorycheck.data.SequenceClasses;
import org.theorycheck.data.SyntheticFamily;
import org.theorycheck.model.ExpectedGradient;
import org.theorycheck.model.RowSums;
import org.theorycheck.model.Trajectory;
import org.theorycheck.model.YZGradient;
import org.theorycheck.model.YZModel;
import org.theorycheck.theory.ContinuousTime;
import org.theorycheck.theory.ContinuousRung;
import org.theorycheck.train.SgdRun;

import java.util.ArrayList;
import java.util.List;

/**
 * Rung 3: the gradient flow of (Y, Z) on the expected loss, the η → 0 limit of the expected-gradient
 * map (rung 2). With the momentum convention of {@link ContinuousTime}:
 * dY/dt = −η_Y/(1−μ) ∇_Y L̄, dZ/dt = −η_Z/(1−μ) ∇_Z L̄, with L̄ the class-averaged T → ∞ loss and t in
 * SGD steps. Integrated with an adaptive Dormand–Prince 8(5,3) method; the state is sampled at the SGD
 * record steps from the integrator's dense output.
 */
public final class GradientFlow implements ContinuousRung {

    /** Integration tolerances: far below the rung-to-rung gaps the verifier measures. */
    static final double ABSOLUTE_TOLERANCE = 1e-10;
    static final double RELATIVE_TOLERANCE = 1e-10;

    private final double absoluteTolerance;
    private final double relativeTolerance;

    public GradientFlow() {
        this(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE);
    }

    /** A flow integrated with other tolerances (coarse ones make negative controls). */
    public GradientFlow(double absoluteTolerance, double relativeTolerance) {
        this.absoluteTolerance = absoluteTolerance;
        this.relativeTolerance = relativeTolerance;
    }

    @Override
    public String name() {
        return "flow";
    }

    /** The vector field dθ/dt for θ = (Y, Z) concatenated, row-major. */
    public static final class Equation implements OrdinaryDifferentialEquation {
        private final int size;
        private final double etaY;
        private final double etaZ;
        private final ExpectedGradient expected;
        private final double[] gradY;
        private final double[] gradZ;

        /**
         * @param etaY continuous-time rate of Y
         * @param etaZ continuous-time rate of Z
         */
        public Equation(SequenceClasses classes, YZGradient gradient, double etaY, double etaZ) {
            this.size = classes.vocabulary();
            this.etaY = etaY;
            this.etaZ = etaZ;
            this.expected = new ExpectedGradient(classes, gradient);
            this.gradY = new double[size * size];
            this.gradZ = new double[size * size];
        }

        @Override
        public int getDimension() {
            return 2 * size * size;
        }

        @Override
        public double[] computeDerivatives(double t, double[] state) {
            int len = size * size;
            double[] y = java.util.Arrays.copyOfRange(state, 0, len);
            double[] z = java.util.Arrays.copyOfRange(state, len, 2 * len);
            java.util.Arrays.fill(gradY, 0.0);
            java.util.Arrays.fill(gradZ, 0.0);
            expected.accumulate(y, z, gradY, gradZ);
            double[] d = new double[2 * len];
            for (int i = 0; i < len; i++) {
                d[i] = -etaY * gradY[i];
                d[len + i] = -etaZ * gradZ[i];
            }
            return d;
        }

        /** The class-averaged loss at a state (for the trace). */
        double loss(double[] state) {
            int len = size * size;
            double[] y = java.util.Arrays.copyOfRange(state, 0, len);
            double[] z = java.util.Arrays.copyOfRange(state, len, 2 * len);
            return expected.accumulate(y, z, new double[len], new double[len]);
        }
    }

    @Override
    public Trajectory runAt(ExperimentConfig config, long seed, double[] times) {
        SequenceClasses classes = SyntheticFamily.build(config.data());
        int size = classes.vocabulary();
        UniformRandomProvider rng = SgdRun.stream(seed);
        YZModel start = YZModel.initial(size, config.model(), rng);
        YZGradient gradient = new YZGradient(size, config.model().normalize(), config.model().residual(),
                SgdRun.maxSupport(classes));
        Equation equation = new Equation(classes, gradient, ContinuousTime.etaY(config.train(), config.source()),
                ContinuousTime.etaZ(config.train(), config.source()));
        double[] state = new double[2 * size * size];
        System.arraycopy(start.y(), 0, state, 0, size * size);
        System.arraycopy(start.z(), 0, state, size * size, size * size);

        double[] rowSumsY = RowSums.of(start.y(), size);
        double[] rowSumsZ = RowSums.of(start.z(), size);
        double[] grid = times;
        List<Trajectory.Snapshot> snapshots = new ArrayList<>();
        ODEIntegrator integrator = new DormandPrince853Integrator(1e-12, grid[grid.length - 1], absoluteTolerance,
                relativeTolerance);
        integrator.addStepHandler(new GridSampler(grid,
                (t, s) -> snapshots.add(observe(t, s, equation, size, config, classes, rowSumsY, rowSumsZ))));
        integrator.integrate(equation, new ODEState(0, state), grid[grid.length - 1]);
        requireFinite(snapshots);
        return new Trajectory(name(), classes, snapshots);
    }

    private static Trajectory.Snapshot observe(double t, double[] state, Equation equation, int size,
                                               ExperimentConfig config, SequenceClasses classes,
                                               double[] rowSumsY, double[] rowSumsZ) {
        int len = size * size;
        YZModel model = YZModel.of(size, config.model(), java.util.Arrays.copyOfRange(state, 0, len),
                java.util.Arrays.copyOfRange(state, len, 2 * len));
        return Trajectory.observe(t, equation.loss(state), model, classes, RowSums.driftExtras(model, rowSumsY, rowSumsZ));
    }

    private static void requireFinite(List<Trajectory.Snapshot> snapshots) {
        for (Trajectory.Snapshot s : snapshots) {
            if (!Double.isFinite(s.loss())) {
                throw new org.theorycheck.train.DivergenceException((int) s.step(), "gradient-flow loss",
                        "loss = " + s.loss() + " at t = " + s.step());
            }
        }
    }
}
