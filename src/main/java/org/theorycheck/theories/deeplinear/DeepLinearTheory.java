package org.theorycheck.theories.deeplinear;

import static org.theorycheck.theories.deeplinear.ladder.Observables.BEST_RANK_GAP;
import static org.theorycheck.theories.deeplinear.ladder.Observables.CONSERVED;
import static org.theorycheck.theories.deeplinear.ladder.Observables.LOSS;
import static org.theorycheck.theories.deeplinear.ladder.Observables.NORM;
import static org.theorycheck.theories.deeplinear.ladder.Observables.OFFDIAG;
import static org.theorycheck.theories.deeplinear.ladder.Observables.OFFDIAG_LAYERS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.theorycheck.core.Theory;
import org.theorycheck.core.claims.ClaimFiles;
import org.theorycheck.core.claims.Quantity;
import org.theorycheck.core.claims.SymbolicChecks;
import org.theorycheck.core.experiment.ExperimentSchema;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.core.ladder.RunFiles;
import org.theorycheck.core.report.FigureRecipe;
import org.theorycheck.theories.deeplinear.closedform.ClosedForms;
import org.theorycheck.theories.deeplinear.figures.DeepLinearFigures;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.ladder.Ladder;
import org.theorycheck.theories.deeplinear.ladder.ModeStart;
import org.theorycheck.theories.deeplinear.measure.TraceReading;
import org.theorycheck.theories.deeplinear.quantities.DeepLinearQuantities;
import org.theorycheck.theories.deeplinear.symbolic.DeepLinearSymbolicChecks;

/**
 * Saxe, McClelland and Ganguli, "Exact solutions to the nonlinear dynamics of learning in deep linear neural
 * networks" (ICLR 2014), verified on the ladder sgd (the real network) → gd (eq 1, eq 13) → flow (eq 2,
 * eq 13) → modes (eq 5) → decoupled (eqs 8, 10, 15) → closed (eqs 12, 17, 23–26).
 */
public final class DeepLinearTheory implements Theory<DeepLinearExperiment, DeepLinearTrace> {

    @Override
    public String id() {
        return DeepLinearExperiments.THEORY;
    }

    @Override
    public String title() {
        return "Exact solutions to the nonlinear dynamics of learning in deep linear neural networks (Saxe, McClelland,"
                + " Ganguli; ICLR 2014)";
    }

    @Override
    public ExperimentSchema<DeepLinearExperiment> experiments() {
        return new DeepLinearExperiments();
    }

    @Override
    public List<Rung<DeepLinearExperiment, DeepLinearTrace>> ladder() {
        return List.copyOf(Ladder.rungs());
    }

    @Override
    public List<Quantity<DeepLinearExperiment, DeepLinearTrace>> quantities() {
        return DeepLinearQuantities.all();
    }

    @Override
    public SymbolicChecks symbolic() {
        return SymbolicChecks.of(DeepLinearSymbolicChecks.ids(), DeepLinearSymbolicChecks::run);
    }

    /**
     * A sweep's columns: the final loss, then per recorded mode α its final strength {@code u_α} and its
     * half-learning time {@code t_half_α}, the first time u_α reaches s_α/2 (interpolated between records;
     * empty if it does not within the run).
     */
    @Override
    public Observables<DeepLinearExperiment, DeepLinearTrace> observables() {
        return new Observables<>() {
            @Override
            public List<String> names(DeepLinearExperiment experiment) {
                List<String> names = new ArrayList<>();
                names.add(LOSS);
                for (int m : experiment.run().modes()) {
                    names.add(DeepLinearTrace.mode(m));
                }
                for (int m : experiment.run().modes()) {
                    names.add("t_half_" + m);
                }
                return names;
            }

            @Override
            public double[] of(DeepLinearExperiment experiment, DeepLinearTrace trace) {
                int[] modes = experiment.run().modes();
                double[] s = ModeStart.singularValues(experiment.run());
                double[] out = new double[1 + 2 * modes.length];
                out[0] = trace.last(LOSS);
                for (int i = 0; i < modes.length; i++) {
                    out[1 + i] = trace.last(DeepLinearTrace.mode(modes[i]));
                    out[1 + modes.length + i] = TraceReading.crossing(trace, modes[i], s[modes[i] - 1] / 2);
                }
                return out;
            }
        };
    }

    /** Figs 2, 3, 3 right, 4, 6A–C and 8 ({@link DeepLinearFigures}). */
    @Override
    public List<FigureRecipe> figures() {
        return DeepLinearFigures.all();
    }

    /**
     * {@code trace.csv}: {@code step}, {@code u_α} for every mode of {@code trace.modes}, {@code loss}; optionally
     * {@code conserved_drift}, {@code offdiag}, {@code best_rank_gap}, {@code wtot_norm} and {@code offdiag_layers}
     * ({@code docs/runs-deep-linear.md}). A quantity that needs a column the run does not have says so.
     */
    @Override
    public DeepLinearTrace readTrace(DeepLinearExperiment experiment, RunFiles files) {
        List<String> required = new ArrayList<>();
        for (int m : experiment.run().modes()) {
            required.add(DeepLinearTrace.mode(m));
        }
        required.add(LOSS);
        List<String> optional = List.of(CONSERVED, OFFDIAG, BEST_RANK_GAP, NORM, OFFDIAG_LAYERS);
        RunFiles.Table trace = files.trace().expect(required, optional);
        Map<String, double[]> series = new LinkedHashMap<>();
        for (String column : required) {
            series.put(column, trace.numbers(column));
        }
        for (String column : optional) {
            if (trace.has(column)) {
                series.put(column, trace.numbers(column));
            }
        }
        return new DeepLinearTrace(ClaimFiles.EXTERNAL, trace.steps(), series);
    }

    /**
     * The final loss against the initial one, and per recorded mode its final u_α/s_α and its half-learning
     * time, beside eq 11's t_half = (τ/2s) ln(s/u0 − 1) for N_l = 3 where the run's start gives u0.
     */
    @Override
    public List<String> describe(DeepLinearExperiment experiment, DeepLinearTrace trace) {
        double[] s = ModeStart.singularValues(experiment.run());
        double[] u0 = ModeStart.initialStrengths(experiment.run());
        double[] loss = trace.series(LOSS);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "final loss %.6g (at step 0: %.6g; the loss is Σ_μ ||y − W_tot x||², no ½, no 1/P)",
                loss[loss.length - 1], loss[0]));
        StringBuilder modes = new StringBuilder("u_α/s_α at the end:");
        StringBuilder halves = new StringBuilder("t_half (steps to s_α/2):");
        for (int m : experiment.run().modes()) {
            double sm = s[m - 1];
            modes.append(String.format(Locale.ROOT, " %d: %.4f", m, trace.last(DeepLinearTrace.mode(m)) / sm));
            double measured = TraceReading.crossing(trace, m, sm / 2);
            halves.append(String.format(Locale.ROOT, " %d: %s", m, Double.isNaN(measured) ? "not reached"
                    : String.format(Locale.ROOT, "%.6g", measured)));
            if (experiment.run().network().depth() == 3 && u0 != null && u0[m - 1] > 0 && u0[m - 1] < sm) {
                halves.append(String.format(Locale.ROOT, " (eq 11: %.6g)", ClosedForms.tHalf(sm, experiment.run().tau(), u0[m - 1])));
            }
        }
        lines.add(modes.toString());
        lines.add(halves.toString());
        return lines;
    }
}
