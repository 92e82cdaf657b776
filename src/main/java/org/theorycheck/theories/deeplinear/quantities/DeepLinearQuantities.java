package org.theorycheck.theories.deeplinear.quantities;

import java.util.List;

import org.theorycheck.core.claims.Quantity;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;

/** The quantities deep-linear claim files may name. */
public final class DeepLinearQuantities {

    private DeepLinearQuantities() {}

    public static List<Quantity<DeepLinearExperiment, DeepLinearTrace>> all() {
        return List.of();
    }
}
