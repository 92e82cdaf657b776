package org.theorycheck.core.ladder;

import java.util.List;
import java.util.function.Consumer;

/**
 * A table of a {@link Trace}, written as {@code <name>.csv}: rows of numbers and words, produced on demand
 * so that a long run's table need not be held as text.
 */
public interface TraceTable {

    /** The file's name without {@code .csv}. */
    String name();

    /** The header. A column named {@code step} holds times, written as {@link TraceCsv#step(double)} writes them. */
    List<String> columns();

    /**
     * Hands every row to {@code row}, in order: one value per column, each a {@link Number} (NaN where
     * not defined) or a {@link String}.
     */
    void rows(Consumer<Object[]> row);
}
