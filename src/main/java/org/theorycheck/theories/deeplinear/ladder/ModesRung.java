package org.theorycheck.theories.deeplinear.ladder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;

import org.theorycheck.theories.deeplinear.SettingException;

import org.theorycheck.theories.deeplinear.linalg.Matrix;
import org.theorycheck.theories.deeplinear.network.InitialState.Frames;
import org.theorycheck.theories.deeplinear.task.Statistics;
import org.theorycheck.theories.deeplinear.task.Task;
import org.theorycheck.theories.deeplinear.task.TaskSvd;

/**
 * The coupled mode equations, eq 5, for N_l = 3 with Σ11 = I, in the rotated frame
 * {@code W̄21 = W21 V}, {@code W̄32 = Uᵀ W32} (eq 4; U and V completed to full orthogonal matrices):
 * <pre>
 *   τ da^α/dt = (s_α − a^α·b^α) b^α − Σ_{γ≠α} b^γ (a^α·b^γ)     α = 1…N1, γ = 1…N3
 *   τ db^α/dt = (s_α − a^α·b^α) a^α − Σ_{γ≠α} a^γ (b^α·a^γ)     α = 1…N3, γ = 1…N1
 * </pre>
 * a^α is column α of W̄21 and b^α row α of W̄32. The index ranges when N1 ≠ N3 are the reference file's
 * INFERRED reading: γ runs over the rows of W̄32 in the a-equation and over the columns of W̄21 in the
 * b-equation; a mode index past N1 has no a^α (taken as 0) and one past N3 no b^α, and s_α = 0 past
 * min(N1, N3). Integrated like the flow rung; the observables are those of the rotated frame (Σ31 → S).
 */
public final class ModesRung extends DeepLinearRung {

    @Override
    public String name() {
        return "modes";
    }

    /** Eq 5 is for N_l = 3 and Σ11 = I. */
    @Override
    public void requireApplicable(DeepLinearRun run) {
        if (run.network().matrices() != 2) {
            throw new SettingException("model.depth", "the modes rung integrates eq 5, which is for N_l = 3 layers; the network"
                    + " has " + run.network().depth());
        }
        Start.requireWhiteInputs(run, name());
    }

    @Override
    public DeepLinearTrace run(DeepLinearRun run, long seed, DoubleConsumer progress) {
        requireApplicable(run);
        Start start = Start.of(run, seed);
        start.requireWhiteInputs(name());
        Task task = start.task();
        int n1 = task.inputDimension();
        int n2 = start.network().width(1);
        int n3 = task.outputDimension();
        TaskSvd svd = task.svd();
        Matrix fullU = svd.fullU();
        Matrix fullV = svd.fullV();
        Matrix a0 = start.initial().weights().get(0).times(fullV);
        Matrix b0 = fullU.transposeTimes(start.initial().weights().get(1));
        double[] s = new double[Math.max(n1, n3)];
        System.arraycopy(svd.s(), 0, s, 0, svd.modes());

        Matrix sBar = Matrix.diagonal(n3, n1, svd.s());
        int r = svd.modes();
        TaskSvd rotatedSvd = new TaskSvd(Matrix.identity(n3).leadingColumns(r), svd.s(), Matrix.identity(n1).leadingColumns(r));
        Optional<Frames> frames = start.initial().frames().map(f -> {
            List<Matrix> c = new ArrayList<>(f.columns());
            c.set(0, fullV.transposeTimes(c.get(0)));
            c.set(2, fullU.transposeTimes(c.get(2)));
            return new Frames(c, f.strength());
        });
        Observables observables = new Observables(new Statistics(Matrix.identity(n1), sBar, true), rotatedSvd, task.outputEnergy(),
                run.modes(), start.network().narrowest(), List.of(a0, b0), frames);
        Observables.Recorder recorder = start.continuousRecorder(name(), observables, progress);

        double rate = run.rate();
        int sizeA = n2 * n1;
        double[] y0 = FlowRung.flatten(new double[][] {a0.data(), b0.data()});
        double[] dots = new double[n3 * n1];
        RungIntegration.integrate("the rotated weights (W̄21, W̄32) of the modes rung",
                i -> i < sizeA ? "W̄21 (" + (i / n1 + 1) + ", " + (i % n1 + 1) + ")"
                        : "W̄32 (" + ((i - sizeA) / n2 + 1) + ", " + ((i - sizeA) % n2 + 1) + ")", Start.ODE_ADVICE, (t, y) -> {
                    double[] dy = eq5(y, sizeA, n1, n2, n3, s, dots);
                    for (int i = 0; i < dy.length; i++) {
                        dy[i] *= rate;
                    }
                    return dy;
                }, y0, run.recordSteps(), (t, state) -> {
            Matrix a = new Matrix(n2, n1, java.util.Arrays.copyOfRange(state, 0, sizeA));
            Matrix b = new Matrix(n3, n2, java.util.Arrays.copyOfRange(state, sizeA, state.length));
            recorder.add(t, observables.of(List.of(a, b)));
        });
        return recorder.build();
    }

    /**
     * Eq 5's right-hand side with τ = 1 for the state {@code y = [W̄21 (N2×N1), W̄32 (N3×N2)]} row-major;
     * {@code dots} (N3×N1) receives {@code b^γ·a^α}.
     */
    public static double[] eq5(double[] y, int sizeA, int n1, int n2, int n3, double[] s, double[] dots) {
        double[] dy = new double[y.length];
        for (int g = 0; g < n3; g++) {
            for (int a = 0; a < n1; a++) {
                double d = 0;
                for (int i = 0; i < n2; i++) {
                    d += y[sizeA + g * n2 + i] * y[i * n1 + a];
                }
                dots[g * n1 + a] = d;
            }
        }
        // da^α: cooperative term with b^α (exists for α < N3), competitive sum over γ ≠ α, γ < N3.
        for (int a = 0; a < n1; a++) {
            double coop = a < n3 ? s[a] - dots[a * n1 + a] : 0;
            for (int i = 0; i < n2; i++) {
                double v = a < n3 ? coop * y[sizeA + a * n2 + i] : 0;
                for (int g = 0; g < n3; g++) {
                    if (g != a) {
                        v -= y[sizeA + g * n2 + i] * dots[g * n1 + a];
                    }
                }
                dy[i * n1 + a] = v;
            }
        }
        // db^α: cooperative term with a^α (exists for α < N1), competitive sum over γ ≠ α, γ < N1.
        for (int a = 0; a < n3; a++) {
            double coop = a < n1 ? s[a] - dots[a * n1 + a] : 0;
            for (int i = 0; i < n2; i++) {
                double v = a < n1 ? coop * y[i * n1 + a] : 0;
                for (int g = 0; g < n1; g++) {
                    if (g != a) {
                        v -= y[i * n1 + g] * dots[a * n1 + g];
                    }
                }
                dy[sizeA + a * n2 + i] = v;
            }
        }
        return dy;
    }
}
