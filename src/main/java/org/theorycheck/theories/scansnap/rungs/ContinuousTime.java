package org.theorycheck.theories.scansnap.rungs;

import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.theories.scansnap.experiment.TrainSpec;

/**
 * The one convention that maps the discrete optimiser onto continuous time, used by every ODE rung.
 * Time t is measured in SGD steps. Heavy-ball momentum μ (PyTorch form v ← μv + g, θ ← θ − ηv) moves
 * θ, once the velocity has built up, by η/(1−μ) times the gradient per step; so the flow of an SGD run
 * with rate η and momentum μ is dθ/dt = −η/(1−μ) ∇loss. During the first ~1/(1−μ) steps the velocity is
 * still building up and the flow runs ahead of the discrete map: that transient is part of the gap
 * between rungs 2 and 3 that the verifier measures.
 */
public final class ContinuousTime {

    private ContinuousTime() {}

    /** η_Y/(1−μ): the decoder's rate per unit of continuous time. */
    public static double etaY(TrainSpec train, String source) {
        return effective(train, train.etaY(), "train.eta_y", "η_Y", source);
    }

    /** η_Z/(1−μ): the attention's rate per unit of continuous time. */
    public static double etaZ(TrainSpec train, String source) {
        return effective(train, train.etaZ(), "train.eta_z", "η_Z", source);
    }

    /**
     * Throws unless the continuous-time rungs can take this schedule: SGD, with both continuous-time rates
     * finite.
     */
    public static void requireApplicable(TrainSpec train, String source) {
        etaY(train, source);
        etaZ(train, source);
    }

    /** Throws unless the optimiser is SGD: Adam has no gradient-flow limit of this form. */
    private static void requireSgd(TrainSpec train, String source) {
        if (train.optimizer() != TrainSpec.Optimizer.SGD) {
            throw new ConfigException(source, 0, "train.optimizer",
                    "the continuous-time rungs model SGD only; Adam has no gradient-flow limit of this form");
        }
    }

    /**
     * η/(1−μ), which can overflow although η and μ are in range (η = 1e308 with μ = 0.9): a rate the ODE
     * rungs cannot integrate, so bad input naming the key.
     */
    private static double effective(TrainSpec train, double eta, String key, String name, String source) {
        requireSgd(train, source);
        double rate = eta / (1 - train.momentum());
        if (!Double.isFinite(rate)) {
            throw new ConfigException(source, 0, key, "the continuous-time rate " + name + "/(1 − μ) = " + eta + "/(1 − "
                    + train.momentum() + ") overflows to " + rate + "; lower " + key
                    + (key.equals("train.eta_y") ? " (or train.eta_ratio)" : "") + " or train.momentum");
        }
        return rate;
    }
}
