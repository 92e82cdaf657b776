package org.theorycheck.theories.scansnap.experiment;

/**
 * The YZ model variant (paper §1.1).
 *
 * @param normalize l2-normalise the attention output ("LN" in the paper)
 * @param residual  add the query's one-hot vector before normalising (paper Sec. 7)
 * @param init      initial Y and Z
 */
public record ModelSpec(boolean normalize, boolean residual, Init init) {

    /** [ref] initialisation: zero matrices, or PyTorch's default for a bias-free {@code nn.Linear(M, M)}. */
    public enum Init { ZERO, UNIFORM }
}
