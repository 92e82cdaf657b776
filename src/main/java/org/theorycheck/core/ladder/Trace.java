package org.theorycheck.core.ladder;

import java.util.List;

/**
 * What every rung of a theory produces: named series on one time axis, in the top rung's steps ("step
 * s" is the state after s updates of the top rung's optimiser; a continuous-time rung reports its state
 * at time t = s), and named tables for what is not one number per time (attention per token, say). Its
 * file form is {@link TraceCsv}'s: {@code trace.csv} with a {@code step} column and one column per
 * series, and one CSV file per table.
 */
public interface Trace {

    /** The recorded times, ascending. */
    double[] steps();

    /** The series' names, in the order of the columns of {@code trace.csv}. */
    List<String> seriesNames();

    /**
     * One series, a value per recorded time; NaN where the rung does not define it at that time.
     *
     * @throws IllegalArgumentException if the trace has no series of this name
     */
    double[] series(String name);

    /** The trace's tables, each written as {@code <name>.csv}. */
    default List<TraceTable> tables() {
        return List.of();
    }
}
