package org.theorycheck.core.engine;

import java.io.Serializable;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Where independent tasks run: on this machine's threads ({@link LocalEngine}) or on a cluster (the
 * Spark engine of the {@code theorycheck-spark} jar). A task is a pure function of its input, so an
 * engine may run it anywhere, retry it after a lost worker, and still give the same bits; the engine
 * never changes a result, only where and when it is computed.
 */
public interface Engine extends AutoCloseable {

    /** One task: a pure function of its input. Serializable so that it can be shipped to another machine. */
    @FunctionalInterface
    interface Task<I extends Serializable, O extends Serializable> extends Serializable {
        O apply(I input);
    }

    /**
     * Applies {@code task} to every input, in parallel, and hands each output to {@code onOutput} (with
     * the input's index) as soon as it is back, one call at a time. Returns when every output has been
     * handed over. The first task that throws stops the others; its exception is rethrown here.
     */
    <I extends Serializable, O extends Serializable> void run(List<I> inputs, Task<I, O> task,
                                                              BiConsumer<Integer, O> onOutput) throws InterruptedException;

    /** Where the tasks run, for the closing line of a command, e.g. "2 threads". */
    String description();

    @Override
    void close();
}
