package org.theorycheck.theories.deeplinear.ladder;

import java.util.List;
import java.util.Optional;

/** The rungs in ladder order, top (the real network) first; each drops one assumption of the one above. */
public final class Ladder {

    /** The rungs' names, top first. */
    public static final List<String> NAMES = List.of("sgd", "gd", "flow", "modes", "decoupled", "closed");

    private Ladder() {}

    /** Fresh instances of the rungs, top first. */
    public static List<DeepLinearRung> rungs() {
        return List.of(new SgdRung(), new GdRung(), new FlowRung(), new ModesRung(), new DecoupledRung(), new ClosedFormRung());
    }

    public static Optional<DeepLinearRung> byName(String name) {
        return rungs().stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
