package org.theorycheck.core.engine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/** The engine of one machine: a fixed pool of daemon threads, one task at a time per thread. */
public final class LocalEngine implements Engine {

    private final int threads;
    private final ExecutorService pool;

    /** @param threads worker threads (at least 1 is used) */
    public LocalEngine(int threads) {
        this.threads = Math.max(1, threads);
        this.pool = Executors.newFixedThreadPool(this.threads, task -> {
            Thread t = new Thread(task, "theorycheck-worker");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <I extends Serializable, O extends Serializable> void run(List<I> inputs, Task<I, O> task,
                                                                     BiConsumer<Integer, O> onOutput) throws InterruptedException {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                O output = task.apply(inputs.get(index));
                synchronized (onOutput) {
                    onOutput.accept(index, output);
                }
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            for (Future<?> f : futures) {
                f.cancel(true);
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public String description() {
        return threads + (threads == 1 ? " thread" : " threads");
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
