package org.theorycheck.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.theorycheck.core.engine.Engine;
import scala.Function2;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * An {@link Engine} on Apache Spark: each task is one Spark task (one partition of one input), and the
 * driver hands each output over as its task's result arrives, so a caller can journal it at once.
 * Spark retries a task lost with its executor; tasks being pure, the retry gives the same bits, and a
 * partition's result is delivered once. A task that throws (a diverging run) is not retried: its
 * exception travels back as a value, the job is cancelled, and the exception is rethrown on the driver.
 *
 * <p>Without a master it runs embedded ({@code local[*]}, or {@code local[N]} for N threads). The driver
 * binds to 127.0.0.1 when the master is on this machine, and Spark's web UI is off, unless the
 * {@code spark.*} settings given to the JVM (or by {@code spark-submit}) say otherwise.
 */
public final class SparkEngine implements Engine {

    private static final Pattern LOOPBACK = Pattern.compile("local(\\[.*])?|spark://(127\\.0\\.0\\.1|localhost)(:\\d+)?");

    private final JavaSparkContext spark;
    private int jobs;

    /**
     * @param master  a Spark master URL, or null for the one of {@code spark.master} if set, else embedded
     * @param threads threads of the embedded engine, or null for all cores
     */
    public SparkEngine(String master, Integer threads) {
        this.spark = new JavaSparkContext(conf(master, threads));
    }

    /** The configuration: the JVM's {@code spark.*} properties, then the choices above for what they leave open. */
    static SparkConf conf(String master, Integer threads) {
        SparkConf conf = new SparkConf(true).setAppName("theorycheck");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster(threads == null ? "local[*]" : "local[" + Math.max(1, threads) + "]");
        }
        if (LOOPBACK.matcher(conf.get("spark.master")).matches()) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        return conf;
    }

    @Override
    public <I extends Serializable, O extends Serializable> void run(List<I> inputs, Task<I, O> task,
                                                                     BiConsumer<Integer, O> onOutput) throws InterruptedException {
        if (inputs.isEmpty()) {
            return;
        }
        List<Indexed<I>> indexed = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            indexed.add(new Indexed<>(i, inputs.get(i)));
        }
        String group = "theorycheck-" + (++jobs);
        spark.setJobGroup(group, "theorycheck tasks", true);
        RDD<Indexed<I>> rdd = spark.parallelize(indexed, indexed.size()).rdd();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        int[] back = {0};
        ResultHandler<O> handler = new ResultHandler<>((index, output) -> {
            back[0]++;
            onOutput.accept(index, output);
        }, e -> {
            back[0]++;
            if (failure.compareAndSet(null, e) && back[0] < inputs.size()) {
                spark.sc().cancelJobGroup(group);
            }
        });
        @SuppressWarnings("unchecked")
        ClassTag<ArrayList<Outcome<O>>> tag = (ClassTag<ArrayList<Outcome<O>>>) (ClassTag<?>) ClassTag$.MODULE$.apply(ArrayList.class);
        try {
            spark.sc().runJob(rdd, new ApplyTask<>(task), handler, tag);
        } catch (Exception e) {   // Scala throws SparkException, a checked exception, undeclared
            if (failure.get() != null) {
                throw failure.get();
            }
            if (e.getCause() instanceof RuntimeException cause && e instanceof SparkException) {
                throw cause;   // the driver's own handler failed (e.g. the journal could not be written)
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("the Spark job failed: " + e.getMessage(), e);
        } finally {
            spark.clearJobGroup();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    @Override
    public String description() {
        return "Spark " + spark.master() + " (" + spark.defaultParallelism() + " cores)";
    }

    @Override
    public void close() {
        spark.stop();
    }

    /** One input with its position, so that an output finds its input whatever partition carried it. */
    record Indexed<I>(int index, I input) implements Serializable {}

    /** An output, or the exception its task threw, with the input's position. */
    record Outcome<O>(int index, O output, RuntimeException failure) implements Serializable {}

    /** The code of a Spark task: the engine's task on each input of its partition (one, as partitioned here). */
    static final class ApplyTask<I extends Serializable, O extends Serializable>
            implements Function2<TaskContext, scala.collection.Iterator<Indexed<I>>, ArrayList<Outcome<O>>>, Serializable {
        private static final long serialVersionUID = 1L;
        private final Task<I, O> task;

        ApplyTask(Task<I, O> task) {
            this.task = task;
        }

        @Override
        public ArrayList<Outcome<O>> apply(TaskContext context, scala.collection.Iterator<Indexed<I>> inputs) {
            ArrayList<Outcome<O>> out = new ArrayList<>();
            while (inputs.hasNext()) {
                Indexed<I> in = inputs.next();
                try {
                    out.add(new Outcome<>(in.index(), task.apply(in.input()), null));
                } catch (RuntimeException e) {
                    out.add(new Outcome<>(in.index(), null, e));
                }
            }
            return out;
        }
    }

    /** On the driver: hands each output over as its partition's result arrives (Spark calls it one at a time). */
    static final class ResultHandler<O> implements Function2<Object, ArrayList<Outcome<O>>, BoxedUnit>, Serializable {
        private static final long serialVersionUID = 1L;
        private final transient BiConsumer<Integer, O> onOutput;
        private final transient java.util.function.Consumer<RuntimeException> onFailure;

        ResultHandler(BiConsumer<Integer, O> onOutput, java.util.function.Consumer<RuntimeException> onFailure) {
            this.onOutput = onOutput;
            this.onFailure = onFailure;
        }

        @Override
        public BoxedUnit apply(Object partition, ArrayList<Outcome<O>> outcomes) {
            for (Outcome<O> o : outcomes) {
                if (o.failure() != null) {
                    onFailure.accept(o.failure());
                } else {
                    onOutput.accept(o.index(), o.output());
                }
            }
            return BoxedUnit.UNIT;
        }
    }
}
