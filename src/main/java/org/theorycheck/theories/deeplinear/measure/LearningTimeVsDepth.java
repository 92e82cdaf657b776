package org.theorycheck.theories.deeplinear.measure;

import java.util.ArrayList;
import java.util.List;

import org.theorycheck.theories.deeplinear.network.Gradient;
import org.theorycheck.theories.deeplinear.network.InitialState;
import org.theorycheck.theories.deeplinear.network.Initialisation;
import org.theorycheck.theories.deeplinear.network.Initialiser;
import org.theorycheck.theories.deeplinear.network.Network;
import org.theorycheck.theories.deeplinear.task.Task;
import org.theorycheck.theories.deeplinear.SettingException;

/**
 * Learning time against depth (Fig 4, Fig 6A; App. C): for each depth, full-batch gd (eq 13) from the
 * given initialisation at each rate of a log-spaced grid, counting iterations until the paper's loss
 * Σ_μ ||y − W_tot x||² first falls below a threshold; the fastest rate is kept. A rate that diverges or
 * does not reach the threshold within the budget does not count. Works on any task (synthetic now; the
 * MNIST task, built from its samples, plugs in unchanged).
 *
 * @param hidden    width of every hidden layer
 * @param threshold the loss to reach (App. C uses 1.3e4 on MNIST)
 */
public record LearningTimeVsDepth(Task task, int hidden, Initialisation init, double[] rates, double threshold, int maxIterations,
        long seed) {

    public LearningTimeVsDepth {
        if (rates.length == 0) {
            throw new SettingException("train.rates", "must list at least one rate");
        }
        for (double r : rates) {
            if (!(r > 0)) {
                throw new SettingException("train.rates", "must be positive, got " + r);
            }
        }
        if (!(threshold > 0)) {
            throw new SettingException("train.loss_threshold", "must be positive, got " + threshold);
        }
        if (maxIterations < 1) {
            throw new SettingException("train.max_iterations", "must be a positive integer, got " + maxIterations);
        }
        rates = rates.clone();
    }

    /** {@code count} rates log-spaced from {@code low} to {@code high} inclusive (App. C: 20 in [1e-7, 1e-4]). */
    public static double[] logGrid(double low, double high, int count) {
        double[] r = new double[count];
        for (int i = 0; i < count; i++) {
            r[i] = count == 1 ? low : Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * i / (count - 1));
        }
        return r;
    }

    /** One depth's result: the fastest rate and its iterations (-1 and NaN if no rate reached the threshold). */
    public record Point(int depth, int iterations, double bestRate) {}

    public List<Point> run(int[] depths) {
        List<Point> out = new ArrayList<>();
        for (int depth : depths) {
            out.add(at(depth));
        }
        return out;
    }

    public Point at(int depth) {
        Network network = Network.of(task, depth, hidden);
        InitialState start = Initialiser.initialise(network, task, init, seed);
        int best = -1;
        double bestRate = Double.NaN;
        for (double rate : rates) {
            int budget = best < 0 ? maxIterations : best - 1;
            int n = iterations(network, start, rate, budget);
            if (n >= 0 && (best < 0 || n < best)) {
                best = n;
                bestRate = rate;
            }
        }
        return new Point(depth, best, bestRate);
    }

    /** Iterations of gd at {@code rate} until the loss is below the threshold; -1 if not within {@code budget} or on divergence. */
    int iterations(Network network, InitialState start, double rate, int budget) {
        double[][] w = start.weights().stream().map(m -> m.data().clone()).toArray(double[][]::new);
        Gradient gradient = new Gradient(network, task.statistics());
        double[][] g = gradient.newWeightArrays();
        double[] s31 = task.statistics().sigma31().data();
        for (int k = 0; k <= budget; k++) {
            double check = gradient.compute(w, g);
            if (!Double.isFinite(check)) {
                return -1;
            }
            // Σ_μ||y − W x||² = Σ||y||² − 2⟨Σ31, W⟩ + ⟨W Σ11, W⟩, and W Σ11 = Σ31 − E.
            double[] total = gradient.total();
            double[] e = gradient.error();
            double inner = 0;
            for (int i = 0; i < total.length; i++) {
                inner += (s31[i] + e[i]) * total[i];
            }
            double loss = task.outputEnergy() - inner;
            if (loss < threshold) {
                return k;
            }
            if (k == budget) {
                break;
            }
            for (int l = 0; l < w.length; l++) {
                for (int i = 0; i < w[l].length; i++) {
                    w[l][i] += rate * g[l][i];
                }
            }
        }
        return -1;
    }
}
