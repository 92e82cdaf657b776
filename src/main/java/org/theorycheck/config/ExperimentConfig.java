package org.theorycheck.config;

import java.util.List;

/**
 * One fully resolved, validated experiment: what a single run needs, plus the seeds and the sweep
 * grid it was declared with.
 *
 * @param name   experiment name
 * @param source where it was read from (for messages)
 * @param data   the synthetic family
 * @param model  the model variant
 * @param train  optimiser and schedule
 * @param seeds  seeds, in the order given
 * @param sweep  the grid axes still to sweep (empty for a single configuration)
 */
public record ExperimentConfig(String name, String source, DataSpec data, ModelSpec model, TrainSpec train,
                               List<Long> seeds, List<SweepAxis> sweep) {

    public ExperimentConfig {
        seeds = List.copyOf(seeds);
        sweep = List.copyOf(sweep);
    }

    /** One axis of a sweep grid: a dotted key and the raw values it takes, in order. */
    public record SweepAxis(String key, List<String> values) {
        public SweepAxis {
            values = List.copyOf(values);
        }
    }
}
