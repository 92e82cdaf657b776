package org.theorycheck.core.experiment;

import java.util.List;

/**
 * One axis of a sweep grid: a dotted key and the raw values it takes, in order.
 *
 * @param key    the swept key
 * @param values its values as written (YAML scalars' text)
 */
public record SweepAxis(String key, List<String> values) {
    public SweepAxis {
        values = List.copyOf(values);
    }
}
