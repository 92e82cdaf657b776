package org.theorycheck.theories.scansnap.rungs;

import org.theorycheck.core.ladder.Rung;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rungs of the ladder by name, top (the real transformer, its steps down to the YZ model, then SGD on the
 * YZ model) to bottom.
 */
public final class Rungs {

    private Rungs() {}

    /**
     * Fresh instances of every rung, in ladder order: the whole transformer, the steps that drop its features one
     * by one down to the YZ model ({@link TransformerStep}), then the YZ model's rungs.
     */
    public static List<Rung<ExperimentConfig, ScanSnapTrace>> all() {
        List<Rung<ExperimentConfig, ScanSnapTrace>> all = new ArrayList<>();
        all.add(new TransformerRung());
        all.addAll(TransformerStep.all());
        all.addAll(List.of(new SgdRung(), new ExpectedGradientMap(), new GradientFlow(), new ReducedRung(), new ClosedFormRung()));
        return List.copyOf(all);
    }

    /** The names of the transformer's rungs: the whole transformer and its steps down to the YZ model. */
    public static List<String> transformerNames() {
        List<String> names = new ArrayList<>(List.of("transformer"));
        TransformerStep.all().forEach(s -> names.add(s.name()));
        return List.copyOf(names);
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
