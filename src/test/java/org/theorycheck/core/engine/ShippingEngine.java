package org.theorycheck.core.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * An engine for tests that does to each task what a cluster does: the task and its input travel as bytes
 * and run as fresh copies, and the output travels back as bytes. A task that is not serializable, or that
 * needs what its copy lacks, fails here as it would on another machine. {@code beforeTasks} runs once the
 * inputs are made and before any task starts (e.g. to delete the files a task must not need).
 */
public final class ShippingEngine implements Engine {

    private final LocalEngine local;
    private final Runnable beforeTasks;

    public ShippingEngine(int threads, Runnable beforeTasks) {
        this.local = new LocalEngine(threads);
        this.beforeTasks = beforeTasks;
    }

    @Override
    public <I extends Serializable, O extends Serializable> void run(List<I> inputs, Task<I, O> task,
                                                                     BiConsumer<Integer, O> onOutput) throws InterruptedException {
        beforeTasks.run();
        byte[] shippedTask = bytes(task);
        local.run(inputs, input -> {
            @SuppressWarnings("unchecked")
            Task<I, O> copy = (Task<I, O>) object(shippedTask);
            @SuppressWarnings("unchecked")
            I in = (I) object(bytes(input));
            @SuppressWarnings("unchecked")
            O out = (O) object(bytes(copy.apply(in)));
            return out;
        }, onOutput);
    }

    static byte[] bytes(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getName() + ": " + e, e);
        }
        return bytes.toByteArray();
    }

    static Object object(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot deserialize: " + e, e);
        }
    }

    @Override
    public String description() {
        return "shipped tasks on " + local.description();
    }

    @Override
    public void close() {
        local.close();
    }
}
