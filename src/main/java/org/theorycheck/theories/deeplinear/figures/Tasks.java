package org.theorycheck.theories.deeplinear.figures;

import org.theorycheck.core.engine.Engine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * The figures' independent computations as tasks of an {@link Engine}: each input carries what its task needs
 * (settings and statistics, never a cache or a file), so a result depends on the input only, not on the
 * engine or where it runs.
 */
final class Tasks {

    private Tasks() {}

    /** Applies {@code task} to every input on the engine; results in input order, progress every tenth. */
    static <I extends Serializable, O extends Serializable> List<O> run(Engine engine, List<I> inputs, Engine.Task<I, O> task,
                                                                       String what, Consumer<String> progress) {
        List<O> out = new ArrayList<>(Collections.nCopies(inputs.size(), null));
        int[] done = {0};
        int step = Math.max(1, inputs.size() / 10);
        try {
            engine.run(inputs, task, (index, result) -> {
                out.set(index, result);
                int d = ++done[0];
                if (inputs.size() > 1 && (d % step == 0 || d == inputs.size())) {
                    progress.accept(what + ": " + d + "/" + inputs.size());
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing " + what, e);
        }
        return out;
    }
}
