package org.theorycheck.theories.scansnap.rungs;

import org.theorycheck.core.ladder.Rung;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;

import java.util.List;
import java.util.Optional;

/** The rungs of the ladder by name, top (the real transformer, then SGD on the YZ model) to bottom. */
public final class Rungs {

    private Rungs() {}

    /** Fresh instances of every rung, in ladder order. */
    public static List<Rung<ExperimentConfig, ScanSnapTrace>> all() {
        return List.of(new TransformerRung(), new SgdRung(), new ExpectedGradientMap(), new GradientFlow(), new ReducedRung(),
                new ClosedFormRung());
    }

    /** The names, in ladder order. */
    public static List<String> names() {
        return all().stream().map(Rung::name).toList();
    }

    /** A fresh instance of the rung with this name. */
    public static Optional<Rung<ExperimentConfig, ScanSnapTrace>> byName(String name) {
        return all().stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
