package org.theorycheck.core.report;

import java.util.List;

/**
 * How much work a figure does. The quick budget averages random quantities over seeds 1..3, enough to
 * see the paper's trends within a few minutes on a laptop; the full budget uses the seeds the
 * experiment files declare (10, as the paper does).
 */
public enum Budget {
    QUICK(List.of("seeds=1..3")),
    FULL(List.of());

    private final List<String> overrides;

    Budget(List<String> overrides) {
        this.overrides = overrides;
    }

    /** Experiment overrides that impose the budget (empty: the file's own seeds). */
    public List<String> overrides() {
        return overrides;
    }
}
