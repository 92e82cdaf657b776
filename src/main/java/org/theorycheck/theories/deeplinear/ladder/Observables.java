package org.theorycheck.theories.deeplinear.ladder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;

import org.theorycheck.core.ladder.Divergence;
import org.theorycheck.core.ladder.Divergence.Precision;
import org.theorycheck.core.ladder.DivergenceException.At;

import org.theorycheck.theories.deeplinear.linalg.Matrix;
import org.theorycheck.theories.deeplinear.network.InitialState.Frames;
import org.theorycheck.theories.deeplinear.network.Network;
import org.theorycheck.theories.deeplinear.task.Statistics;
import org.theorycheck.theories.deeplinear.task.TaskSvd;
import org.theorycheck.theories.deeplinear.SettingException;

/**
 * The series every rung records, defined once:
 * <ul>
 *   <li>{@code u_α = [Uᵀ W_tot V]_αα}, the strength of mode α (Fig 3);</li>
 *   <li>{@code loss = Σ_μ ||y^μ − W_tot x^μ||²}, the paper's loss (a sum, no ½, no 1/P), computed as
 *       {@code Σ_μ||y||² − 2⟨Σ31, W_tot⟩ + ⟨W_tot Σ11, W_tot⟩};</li>
 *   <li>{@code conserved_drift = max_l ||Q_l(t) − Q_l(0)||_F} with {@code Q_l = W_l W_lᵀ − W_{l+1}ᵀ W_{l+1}}
 *       for each hidden layer (W21W21ᵀ − W32ᵀW32 for N_l = 3) [DERIVED: constant under eq 2 / eq 13]; on
 *       the decoupled manifold this is the drift of the per-mode a_l² − a_{l+1}² (a² − b² for N_l = 3);</li>
 *   <li>{@code offdiag = ||W_tot − Σ_{α≤r} u_α u_α v_αᵀ||_F}, the mass of W_tot outside the task's mode
 *       directions (0 on the decoupled manifold);</li>
 *   <li>{@code offdiag_layers = max_l ||W_l − Σ_{α≤m} d_{lα} r_{l+1,α} r_{l,α}ᵀ||_F} with
 *       {@code d_{lα} = [R_{l+1}ᵀ W_l R_l]_αα}, only when the start has frames (decoupled init);</li>
 *   <li>{@code best_rank_gap = ||W_tot − Σ_{α≤n} s_α u_α v_αᵀ||_F}, n the narrowest layer: the distance
 *       to eq 7's global minimum;</li>
 *   <li>{@code wtot_norm = ||W_tot||_F}.</li>
 * </ul>
 */
public final class Observables {

    public static final String LOSS = "loss";
    public static final String CONSERVED = "conserved_drift";
    public static final String OFFDIAG = "offdiag";
    public static final String OFFDIAG_LAYERS = "offdiag_layers";
    public static final String BEST_RANK_GAP = "best_rank_gap";
    public static final String NORM = "wtot_norm";

    private final Statistics stats;
    private final TaskSvd svd;
    private final double outputEnergy;
    private final int[] modes;
    private final Matrix bestRank;
    private final List<Matrix> initialQ;
    private final Optional<Frames> frames;
    private final String[] names;

    /**
     * @param stats      Σ11 and Σ31 of the frame the weights are in (the task's, or the rotated S)
     * @param weights0   the initial weights, for the conserved quantities' reference values
     */
    public Observables(Statistics stats, TaskSvd svd, double outputEnergy, int[] modes, int narrowest, List<Matrix> weights0,
            Optional<Frames> frames) {
        this.stats = stats;
        this.svd = svd;
        this.outputEnergy = outputEnergy;
        this.modes = modes.clone();
        for (int m : modes) {
            if (m > svd.modes()) {
                throw new SettingException("trace.modes", "mode " + m + " does not exist; the task has min(N1, N3) = "
                        + svd.modes() + " modes");
            }
        }
        this.bestRank = svd.bestRank(narrowest);
        this.initialQ = conserved(weights0);
        this.frames = frames;
        this.names = names(modes, frames.isPresent());
    }

    /** The series names, in order: the modes, then the other observables. */
    public static String[] names(int[] modes, boolean withFrames) {
        List<String> n = new ArrayList<>();
        for (int m : modes) {
            n.add(DeepLinearTrace.mode(m));
        }
        n.addAll(List.of(LOSS, CONSERVED, OFFDIAG, BEST_RANK_GAP, NORM));
        if (withFrames) {
            n.add(OFFDIAG_LAYERS);
        }
        return n.toArray(String[]::new);
    }

    public String[] names() {
        return names.clone();
    }

    /** {@code W_l W_lᵀ − W_{l+1}ᵀ W_{l+1}} for each hidden layer. */
    static List<Matrix> conserved(List<Matrix> w) {
        List<Matrix> q = new ArrayList<>();
        for (int l = 0; l + 1 < w.size(); l++) {
            q.add(w.get(l).timesTranspose(w.get(l)).minus(w.get(l + 1).transposeTimes(w.get(l + 1))));
        }
        return q;
    }

    /** The observables of one state, in {@link #names()} order. */
    public double[] of(List<Matrix> weights) {
        Matrix total = Network.total(weights);
        Matrix inModes = svd.u().transposeTimes(total).times(svd.v());
        double[] diag = inModes.diagonal();
        double[] out = new double[names.length];
        int k = 0;
        for (int m : modes) {
            out[k++] = diag[m - 1];
        }
        out[k++] = loss(total);
        List<Matrix> q = conserved(weights);
        double drift = 0;
        for (int l = 0; l < q.size(); l++) {
            drift = Math.max(drift, q.get(l).minus(initialQ.get(l)).frobenius());
        }
        out[k++] = drift;
        out[k++] = total.minus(alongModes(svd.u(), diag, svd.v())).frobenius();
        out[k++] = total.minus(bestRank).frobenius();
        out[k++] = total.frobenius();
        if (frames.isPresent()) {
            double worst = 0;
            List<Matrix> r = frames.get().columns();
            for (int l = 0; l < weights.size(); l++) {
                Matrix d = r.get(l + 1).transposeTimes(weights.get(l)).times(r.get(l));
                worst = Math.max(worst, weights.get(l).minus(alongModes(r.get(l + 1), d.diagonal(), r.get(l))).frobenius());
            }
            out[k] = worst;
        }
        return out;
    }

    private double loss(Matrix total) {
        double cross = 0;
        double[] s31 = stats.sigma31().data();
        double[] t = total.data();
        for (int i = 0; i < t.length; i++) {
            cross += s31[i] * t[i];
        }
        double quad;
        if (stats.identityInput()) {
            quad = 0;
            for (double v : t) {
                quad += v * v;
            }
        } else {
            Matrix ts = total.times(stats.sigma11());
            quad = 0;
            for (int i = 0; i < t.length; i++) {
                quad += ts.data()[i] * t[i];
            }
        }
        return outputEnergy - 2 * cross + quad;
    }

    /** {@code Σ_α d_α l_α r_αᵀ} over the columns of {@code left} and {@code right}. */
    static Matrix alongModes(Matrix left, double[] d, Matrix right) {
        int k = Math.min(d.length, Math.min(left.cols(), right.cols()));
        Matrix ld = Matrix.zeros(left.rows(), k);
        for (int i = 0; i < left.rows(); i++) {
            for (int a = 0; a < k; a++) {
                ld.data()[i * k + a] = left.get(i, a) * d[a];
            }
        }
        return ld.timesTranspose(right.leadingColumns(k));
    }

    /**
     * The observables of a state on the decoupled manifold given per mode (the decoupled and closed
     * rungs), with the same definitions: {@code u[α-1]} for every mode α = 1…r, and the per-mode
     * conserved differences now and at the start ({@code diff[l][α-1] = a_l² − a_{l+1}²}). Needs Σ11 = I.
     * {@code offdiag} and {@code offdiag_layers} are 0: these rungs assume the manifold.
     */
    public double[] ofModes(double[] u, double[][] diff, double[][] diff0, int narrowest) {
        double[] s = svd.s();
        double[] out = new double[names.length];
        int k = 0;
        for (int m : modes) {
            out[k++] = u[m - 1];
        }
        double loss = outputEnergy;
        double gap = 0;
        double norm = 0;
        for (int a = 0; a < s.length; a++) {
            loss += -2 * s[a] * u[a] + u[a] * u[a];
            double target = a < narrowest ? s[a] : 0;
            gap += (target - u[a]) * (target - u[a]);
            norm += u[a] * u[a];
        }
        out[k++] = loss;
        double drift = 0;
        for (int l = 0; l < diff.length; l++) {
            double d = 0;
            for (int a = 0; a < diff[l].length; a++) {
                d += (diff[l][a] - diff0[l][a]) * (diff[l][a] - diff0[l][a]);
            }
            drift = Math.max(drift, Math.sqrt(d));
        }
        out[k++] = drift;
        out[k++] = 0;
        out[k++] = Math.sqrt(gap);
        out[k++] = Math.sqrt(norm);
        if (frames.isPresent()) {
            out[k] = 0;
        }
        return out;
    }

    /**
     * Collects records into a trace. A recorded value that is not finite, or a loss past the core's overflow
     * bound ({@link Divergence}), is a divergence named by its series and time.
     */
    public static final class Recorder {
        private final String rung;
        private final String[] names;
        private final double[] steps;
        private final double[][] values;
        private final boolean continuous;
        private final String advice;
        private final DoubleConsumer progress;
        private int count;

        /**
         * @param continuous whether the rung's time is continuous (an ODE or a closed form) rather than discrete steps
         * @param advice     what to change if a record diverges
         * @param progress   told the step of every record added
         */
        public Recorder(String rung, String[] names, double[] steps, boolean continuous, String advice, DoubleConsumer progress) {
            this.rung = rung;
            this.names = names.clone();
            this.steps = steps.clone();
            this.values = new double[names.length][steps.length];
            this.continuous = continuous;
            this.advice = advice;
            this.progress = progress;
        }

        public void add(double step, double[] record) {
            if (count >= steps.length || steps[count] != step) {
                throw new IllegalStateException("record at step " + step + " out of order (expected "
                        + (count < steps.length ? steps[count] : "none") + ")");
            }
            At at = continuous ? At.time(step) : At.step((int) step);
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(LOSS)) {
                    Divergence.requireInRange(record[i], at, LOSS, Precision.DOUBLE, advice);
                } else {
                    Divergence.requireFinite(record[i], at, names[i], advice);
                }
                values[i][count] = record[i];
            }
            count++;
            progress.accept(step);
        }

        public DeepLinearTrace build() {
            if (count != steps.length) {
                throw new IllegalStateException(rung + " recorded " + count + " of " + steps.length + " records");
            }
            java.util.LinkedHashMap<String, double[]> series = new java.util.LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                series.put(names[i], values[i]);
            }
            return new DeepLinearTrace(rung, steps, series);
        }
    }
}
