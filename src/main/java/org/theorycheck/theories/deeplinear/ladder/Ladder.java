package org.theorycheck.theories.deeplinear.ladder;

import java.util.List;
import java.util.Optional;

/** The rungs in ladder order, top (the real network) first; each drops one assumption of the one above. */
public final class Ladder {

    private static final List<Rung> RUNGS = List.of(new SgdRung(), new GdRung(), new FlowRung(), new ModesRung(),
            new DecoupledRung(), new ClosedFormRung());

    private Ladder() {}

    public static List<Rung> rungs() {
        return RUNGS;
    }

    public static Optional<Rung> byName(String name) {
        return RUNGS.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
