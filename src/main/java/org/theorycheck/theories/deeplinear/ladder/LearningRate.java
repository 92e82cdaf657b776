package org.theorycheck.theories.deeplinear.ladder;

/**
 * The one statement of how a learning rate maps to the paper's λ, and of the time axis every rung uses
 * (reference §1). The paper's batch rule (eq 1) is {@code ΔW_l = λ G_l} with G_l the sum over all P
 * examples (eq 13's right-hand side, τ = 1): gradient descent with step λ on ½ Σ_μ ||y − W x||², or
 * step λ/2 on the paper's loss Σ_μ ||y − W x||² (no ½, no 1/P), whose factor 2 the paper absorbs.
 *
 * <ul>
 *   <li><b>gd</b>: one step of eq 1 with rate λ is step 1 of the time axis.</li>
 *   <li><b>flow, modes, decoupled, closed</b>: τ = 1/λ and continuous time t equals the step count, so
 *       eq 2's {@code τ dW/dt = G} is {@code dW/dt = λ G}; forward Euler with Δt = 1 is exactly gd.</li>
 *   <li><b>sgd</b>: each minibatch B of the shuffled examples gives {@code ΔW_l = λ G_l(B)}, the same
 *       expression summed over B only, i.e. rate λ per example on ½||y − W x||² (a mean-loss
 *       implementation uses step η = λ·|B|). One epoch (P/|B| updates) is one step of the time axis; to
 *       first order in λ it equals one gd step, and with |B| = P it is exactly one gd step.</li>
 *   <li>Common implementations [INFERRED, reference §1]: full batch on (1/P) Σ ½||·||² with step η is
 *       λ = η/P; on (1/P) Σ ||·||², λ = 2η/P.</li>
 * </ul>
 */
public final class LearningRate {

    private LearningRate() {}

    /** τ = 1/λ, the time constant of eq 2 in units of steps. */
    public static double tau(double lambda) {
        return 1 / lambda;
    }

    /** λ for full-batch GD with step η on the mean loss (1/P) Σ_μ ½||y − W x||². */
    public static double fromMeanHalfLoss(double eta, int samples) {
        return eta / samples;
    }

    /** The step η a mean-loss minibatch implementation needs to match λ (batch size |B|). */
    public static double minibatchStepOnMeanHalfLoss(double lambda, int batch) {
        return lambda * batch;
    }
}
