package org.theorycheck.theories.deeplinear.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.rng.UniformRandomProvider;
import org.theorycheck.core.ladder.Divergence;
import org.theorycheck.core.ladder.DivergenceException.At;
import org.theorycheck.theories.deeplinear.RandomStreams;
import org.theorycheck.theories.deeplinear.linalg.Matrix;
import org.theorycheck.theories.deeplinear.linalg.Orthogonal;
import org.theorycheck.theories.deeplinear.task.Statistics;
import org.theorycheck.theories.deeplinear.task.Task;
import org.theorycheck.theories.deeplinear.task.TaskSvd;
import org.theorycheck.theories.deeplinear.SettingException;

/** Draws the initial weights of {@link Initialisation}s; a pure function of (network, task, kind, seed). */
public final class Initialiser {

    private Initialiser() {}

    public static InitialState initialise(Network network, Task task, Initialisation kind, long seed) {
        network.requireChains(task);
        UniformRandomProvider rng = RandomStreams.INIT.stream(seed);
        int layers = network.matrices();
        if (kind instanceof Initialisation.Decoupled d) {
            return decoupled(network, task.svd(), d, rng);
        }
        List<Matrix> w = new ArrayList<>();
        if (kind instanceof Initialisation.SmallGaussian g) {
            for (int l = 1; l <= layers; l++) {
                w.add(Orthogonal.gaussian(network.width(l), network.width(l - 1), g.std(), rng));
            }
        } else if (kind instanceof Initialisation.ScaledGaussian) {
            for (int l = 1; l <= layers; l++) {
                w.add(Orthogonal.gaussian(network.width(l), network.width(l - 1), 1 / Math.sqrt(network.width(l - 1)), rng));
            }
        } else if (kind instanceof Initialisation.RandomOrthogonal o) {
            for (int l = 1; l <= layers; l++) {
                w.add(Orthogonal.semiOrthogonal(network.width(l), network.width(l - 1), rng).scale(o.gain()));
            }
        } else if (kind instanceof Initialisation.GreedyPretraining p) {
            w.addAll(pretrained(network, task.statistics().sigma11(), p, rng));
        } else {
            throw new IllegalArgumentException("unknown initialisation " + kind);
        }
        return new InitialState(w, Optional.empty());
    }

    /**
     * The number m of modes a decoupled start drives: those with s_α &gt; 0 (s descending) that fit through
     * the narrowest layer.
     */
    public static int drivenModes(Network network, double[] s) {
        int driven = 0;
        while (driven < s.length && s[driven] > 0) {
            driven++;
        }
        return Math.min(network.narrowest(), driven);
    }

    /**
     * The strength of every driven mode in each of the N_l − 1 layers of a decoupled start: u0^{1/(N_l−1)}
     * each when balanced; for N_l = 3 with a² − b² = c0 ≠ 0 (App. A), a = √((c0 + √(c0² + 4u0²))/2) in W_1
     * and b = u0/a in W_2.
     *
     * @throws SettingException naming {@code model.imbalance} for an imbalance at another depth
     */
    public static double[] decoupledStrengths(Network network, Initialisation.Decoupled d) {
        int layers = network.matrices();
        if (d.imbalance() != 0 && layers != 2) {
            throw new SettingException("model.imbalance", "a² − b² ≠ 0 (App. A) needs N_l = 3 layers; this network has "
                    + network.depth());
        }
        double[] perLayer = new double[layers];
        if (d.imbalance() == 0) {
            java.util.Arrays.fill(perLayer, Math.pow(d.u0(), 1.0 / layers));
        } else {
            double c0 = d.imbalance();
            double a2 = (c0 + Math.sqrt(c0 * c0 + 4 * d.u0() * d.u0())) / 2;
            perLayer[0] = Math.sqrt(a2);
            perLayer[1] = d.u0() / perLayer[0];
        }
        return perLayer;
    }

    private static InitialState decoupled(Network network, TaskSvd svd, Initialisation.Decoupled d, UniformRandomProvider rng) {
        int layers = network.matrices();
        int m = drivenModes(network, svd.s());
        double[] perLayer = decoupledStrengths(network, d);
        List<Matrix> frames = new ArrayList<>();
        frames.add(svd.v().leadingColumns(m));
        for (int l = 1; l < layers; l++) {
            frames.add(Orthogonal.semiOrthogonal(network.width(l), m, rng));
        }
        frames.add(svd.u().leadingColumns(m));
        double[][] strength = new double[layers][m];
        List<Matrix> w = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            java.util.Arrays.fill(strength[l], perLayer[l]);
            w.add(frames.get(l + 1).times(Matrix.diagonal(m, m, strength[l])).timesTranspose(frames.get(l)));
        }
        return new InitialState(w, Optional.of(new InitialState.Frames(frames, strength)));
    }

    /** App. F: each hidden layer the encoder of a linear autoencoder of the layer below, trained by eq 13. */
    private static List<Matrix> pretrained(Network network, Matrix sigma11, Initialisation.GreedyPretraining p,
            UniformRandomProvider rng) {
        int layers = network.matrices();
        List<Matrix> w = new ArrayList<>();
        Matrix activity = sigma11;
        for (int l = 1; l < layers; l++) {
            int in = network.width(l - 1);
            int hidden = network.width(l);
            Network autoencoder = new Network(new int[] {in, hidden, in});
            Statistics stats = new Statistics(activity, activity, false);
            double[][] weights = {
                Orthogonal.gaussian(hidden, in, p.std(), rng).data(),
                Orthogonal.gaussian(in, hidden, p.std(), rng).data()
            };
            Gradient gradient = new Gradient(autoencoder, stats);
            double[][] g = gradient.newWeightArrays();
            for (int step = 1; step <= p.steps(); step++) {
                // Pretraining precedes step 0 of the run; its own step is named with the quantity.
                Divergence.requireFinite(gradient.compute(weights, g), At.step(0), "the reconstruction error of layer " + l
                        + "'s pretraining (its step " + step + " of " + p.steps() + ")", "lower model.pretrain_rate (" + p.rate() + ")");
                for (int k = 0; k < 2; k++) {
                    for (int i = 0; i < weights[k].length; i++) {
                        weights[k][i] += p.rate() * g[k][i];
                    }
                }
            }
            Matrix encoder = new Matrix(hidden, in, weights[0]);
            w.add(encoder);
            activity = encoder.times(activity).timesTranspose(encoder);
        }
        w.add(Orthogonal.gaussian(network.width(layers), network.width(layers - 1), p.std(), rng));
        return w;
    }
}
