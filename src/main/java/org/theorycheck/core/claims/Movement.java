package org.theorycheck.core.claims;

import java.io.Serializable;

/**
 * Evidence that the runs behind a check learned: how far the measured quantity moved over them, as a multiple
 * of the scale it had to pass (its spread at the start, or a floor the theory states where it starts
 * without one). Below 1 the runs did not move far enough for their numbers to confirm or refute a
 * prediction about how they move, and {@link Verdicts} makes the check INCONCLUSIVE whatever its deviation;
 * the evidence column says how far it moved either way.
 *
 * @param ratio how far it moved over the scale it had to pass; the runs count as evidence from 1 on (NaN:
 *              not known, which does not count)
 * @param text  how far it moved, in words, e.g. "logits moved 3.2x their initial spread (median of 10 seeds)"
 */
public record Movement(double ratio, String text) implements Serializable {

    /** Whether the runs moved far enough to be evidence. */
    public boolean enough() {
        return ratio >= 1;
    }
}
