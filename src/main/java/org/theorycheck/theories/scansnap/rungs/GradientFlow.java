package org.theorycheck.theories.scansnap.rungs;

import org.theorycheck.theories.scansnap.train.YZDivergence;
import org.theorycheck.core.ode.DivergenceGuard;
import org.theorycheck.core.ode.GridSampler;
import org.theorycheck.core.ode.Integrators;
import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.data.SyntheticFamily;
import org.theorycheck.theories.scansnap.model.ExpectedGradient;
import org.theorycheck.theories.scansnap.model.MovingRows;
import org.theorycheck.theories.scansnap.model.RowSums;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.model.YZGradient;
import org.theorycheck.theories.scansnap.model.YZModel;
import org.theorycheck.theories.scansnap.rungs.ContinuousTime;
import org.theorycheck.theories.scansnap.rungs.ContinuousRung;
import org.theorycheck.core.ladder.Divergence;
import org.theorycheck.core.ladder.DivergenceException.At;
import org.theorycheck.theories.scansnap.train.RecordSteps;
import org.theorycheck.theories.scansnap.train.SgdRun;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Rung 3: the gradient flow of (Y, Z) on the expected loss, the η → 0 limit of the expected-gradient
 * map (rung 2). With the momentum convention of {@link ContinuousTime}:
 * dY/dt = −η_Y/(1−μ) ∇_Y L̄, dZ/dt = −η_Z/(1−μ) ∇_Z L̄, with L̄ the class-averaged T → ∞ loss and t in
 * SGD steps. Integrated with an adaptive Dormand–Prince 8(5,3) method; the state is sampled at the SGD
 * record steps from the integrator's dense output. The integration stops with a
 * {@link org.theorycheck.core.ladder.DivergenceException} at the time the flow diverges ({@link DivergenceGuard}).
 */
public final class GradientFlow implements ContinuousRung {

    /** Integration tolerances: far below the rung-to-rung gaps the verifier measures. */
    static final double ABSOLUTE_TOLERANCE = Integrators.RUNG_TOLERANCE;
    static final double RELATIVE_TOLERANCE = Integrators.RUNG_TOLERANCE;

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

    /**
     * The vector field dθ/dt for θ = the rows of Y and Z that can move, concatenated: the rows of Y of
     * tokens in some class's support (and of the query tokens in the residual variant) and the query
     * rows of Z. Every other row has a zero gradient (Lemma 1: only f's nonzero entries and the query's
     * row receive one), so leaving it out of the state changes nothing but the cost.
     */
    public static final class Equation implements OrdinaryDifferentialEquation {
        private final int size;
        private final double etaY;
        private final double etaZ;
        private final ExpectedGradient expected;
        /** The rows that move, the only ones the state holds. */
        final MovingRows moving;
        /**
         * Y and Z as rows (only the moving ones exist) at the state last loaded (by {@link #load},
         * {@link #loss} or a derivative).
         */
        final double[][] y;
        final double[][] z;
        private final double[][] gradY;
        private final double[][] gradZ;

        /**
         * @param start the initial model; its rows that cannot move stay fixed
         * @param etaY  continuous-time rate of Y
         * @param etaZ  continuous-time rate of Z
         */
        public Equation(SequenceClasses classes, YZGradient gradient, YZModel start, double etaY, double etaZ) {
            this.size = classes.vocabulary();
            this.etaY = etaY;
            this.etaZ = etaZ;
            this.expected = new ExpectedGradient(classes, gradient);
            this.moving = MovingRows.of(classes, start.spec().residual());
            this.y = MovingRows.rowsOf(start.y(), size, moving.y());
            this.z = MovingRows.rowsOf(start.z(), size, moving.z());
            this.gradY = MovingRows.rowsOf(null, size, moving.y());
            this.gradZ = MovingRows.rowsOf(null, size, moving.z());
        }

        @Override
        public int getDimension() {
            return (moving.y().length + moving.z().length) * size;
        }

        /** The moving rows of {@code model}, laid out as the state. */
        double[] state(YZModel model) {
            double[] state = new double[getDimension()];
            copyRows(model.y(), moving.y(), state, 0);
            copyRows(model.z(), moving.z(), state, moving.y().length * size);
            return state;
        }

        void load(double[] state) {
            for (int i = 0; i < moving.y().length; i++) {
                System.arraycopy(state, i * size, y[moving.y()[i]], 0, size);
            }
            int zOffset = moving.y().length * size;
            for (int i = 0; i < moving.z().length; i++) {
                System.arraycopy(state, zOffset + i * size, z[moving.z()[i]], 0, size);
            }
        }

        /** Copies the given rows of the row-major {@code matrix} to {@code state} from {@code offset} on. */
        private void copyRows(double[] matrix, int[] rows, double[] state, int offset) {
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(matrix, rows[i] * size, state, offset + i * size, size);
            }
        }

        @Override
        public double[] computeDerivatives(double t, double[] state) {
            gradient(state);
            double[] d = new double[state.length];
            int zOffset = moving.y().length * size;
            for (int i = 0; i < moving.y().length; i++) {
                double[] g = gradY[moving.y()[i]];
                for (int c = 0; c < size; c++) {
                    d[i * size + c] = -etaY * g[c];
                }
            }
            for (int i = 0; i < moving.z().length; i++) {
                double[] g = gradZ[moving.z()[i]];
                for (int c = 0; c < size; c++) {
                    d[zOffset + i * size + c] = -etaZ * g[c];
                }
            }
            return d;
        }

        /** The class-averaged loss at a state (for the trace). */
        double loss(double[] state) {
            return gradient(state);
        }

        /** Loads the state, leaves the expected gradient in gradY, gradZ and returns the loss. */
        private double gradient(double[] state) {
            load(state);
            MovingRows.zero(gradY, moving.y());
            MovingRows.zero(gradZ, moving.z());
            return expected.accumulate(y, z, gradY, gradZ);
        }
    }

    @Override
    public void requireApplicable(ExperimentConfig config) {
        config.requireSynthetic("rung " + name());
        ContinuousTime.requireApplicable(config.train(), config.source());
    }

    @Override
    public Trajectory runAt(ExperimentConfig config, long seed, double[] times) {
        return runAt(config, seed, times, t -> { });
    }

    @Override
    public Trajectory run(ExperimentConfig config, long seed, DoubleConsumer progress) {
        return runAt(config, seed, RecordSteps.of(config.train()), progress);
    }

    private Trajectory runAt(ExperimentConfig config, long seed, double[] times, DoubleConsumer progress) {
        SequenceClasses classes = SyntheticFamily.build(config.data());
        int size = classes.vocabulary();
        UniformRandomProvider rng = SgdRun.stream(seed);
        YZModel start = YZModel.initial(size, config.model(), rng);
        YZGradient gradient = new YZGradient(size, config.model().normalize(), config.model().residual());
        Equation equation = new Equation(classes, gradient, start, ContinuousTime.etaY(config.train(), config.source()),
                ContinuousTime.etaZ(config.train(), config.source()));

        MovingRows moving = equation.moving;
        int yLength = moving.y().length * size;
        DivergenceGuard guard = new DivergenceGuard("the gradient-flow state (Y, Z)", i -> i < yLength
                ? "Y (" + moving.y()[i / size] + ", " + i % size + ")"
                : "Z (" + moving.z()[(i - yLength) / size] + ", " + (i - yLength) % size + ")",
                YZDivergence.lowerRates(config.train()));
        double[] rowSumsY = RowSums.of(equation.y, moving.y());
        double[] rowSumsZ = RowSums.of(equation.z, moving.z());
        double[] grid = times;
        List<Trajectory.Snapshot> snapshots = new ArrayList<>();
        ODEIntegrator integrator = Integrators.dormandPrince(1e-12, grid[grid.length - 1], absoluteTolerance,
                relativeTolerance);
        integrator.addStepHandler(new GridSampler(grid, (t, s) -> {
            double loss = equation.loss(s);
            Trajectory.Snapshot snapshot = Trajectory.observe(t, loss, equation.y, equation.z, config.model(), classes,
                    RowSums.driftExtras(equation.y, equation.z, rowSumsY, rowSumsZ, moving));
            YZDivergence.requireRecorded(snapshot, classes, Trajectory.DETERMINED, At.time(t), Divergence.Precision.DOUBLE,
                    guard.advice());
            snapshots.add(snapshot);
            progress.accept(t);
        }));
        guard.integrate(integrator, equation, new ODEState(0, equation.state(start)), grid[grid.length - 1]);
        return new Trajectory(name(), classes, snapshots);
    }
}
