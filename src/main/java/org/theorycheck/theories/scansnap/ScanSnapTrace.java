package org.theorycheck.theories.scansnap;

import org.theorycheck.core.ladder.Trace;

/**
 * What a rung of Scan and Snap produces: on the synthetic sequence classes a
 * {@link org.theorycheck.theories.scansnap.model.Trajectory} (every rung), on real text a
 * {@link org.theorycheck.theories.scansnap.torch.TextTrace} (the transformer rung).
 */
public interface ScanSnapTrace extends Trace {
}
