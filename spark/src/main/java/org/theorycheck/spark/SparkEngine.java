package org.theorycheck.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.theorycheck.core.engine.Engine;
import org.theorycheck.core.engine.EnvironmentException;
import scala.Function2;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

import java.io.IOException;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    private static final String STANDALONE = "spark://";
    /** The port of a standalone master when its URL gives none (Spark's default). */
    private static final int DEFAULT_MASTER_PORT = 7077;
    /** How long a master's port may take to accept a connection: well within the 30 s a user should wait for a refusal. */
    static final int MASTER_TIMEOUT_MILLIS = 10_000;
    /**
     * How long a standalone master may take to register the application: a live one takes about a second, and Spark
     * itself would wait three times 20 s. The system property of that name changes it.
     */
    static final int REGISTRATION_SECONDS = 20;
    static final String REGISTRATION_PROPERTY = "theorycheck.spark.registration_seconds";
    /** Spark's own log is off on the command line (log4j2.properties); this is how to see it. */
    static final String LOG_ADVICE = "Spark's own log says more with -Dtheorycheck.spark.log=warn";

    private final JavaSparkContext spark;
    private int jobs;

    /**
     * @param master  a Spark master URL, or null for the one of {@code spark.master} if set, else embedded
     * @param threads threads of the embedded engine, or null for all cores
     */
    public SparkEngine(String master, Integer threads) {
        SparkConf conf = conf(master, threads);
        String url = conf.get("spark.master");
        requireReachable(url, MASTER_TIMEOUT_MILLIS);
        this.spark = url.startsWith(STANDALONE) ? startWithin(conf, Integer.getInteger(REGISTRATION_PROPERTY, REGISTRATION_SECONDS))
                : start(conf);
    }

    private static JavaSparkContext start(SparkConf conf) {
        try {
            return new JavaSparkContext(conf);
        } catch (RuntimeException e) {
            throw new EnvironmentException("cannot start Spark with master " + conf.get("spark.master") + ": " + firstLine(e)
                    + "; " + LOG_ADVICE, e);
        }
    }

    /**
     * Starts the context of a standalone master, which blocks until the master registers the application; a port
     * that accepts connections but does not answer as a master would hold it for Spark's minute of attempts. The
     * start goes on in a daemon thread that is abandoned on a timeout (the command then ends).
     */
    private static JavaSparkContext startWithin(SparkConf conf, int seconds) {
        FutureTask<JavaSparkContext> starting = new FutureTask<>(() -> start(conf));
        Thread thread = new Thread(starting, "theorycheck-spark-start");
        thread.setDaemon(true);
        thread.start();
        try {
            return starting.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new EnvironmentException("the Spark master at " + conf.get("spark.master") + " accepts connections but did not "
                    + "register this application within " + seconds + " s (-D" + REGISTRATION_PROPERTY + "=N waits longer): is it "
                    + "the port of a Spark 4.1 master for Scala 2.13 (7077 by default, not the web UI's 8080)?");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new EnvironmentException(firstLine(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while Spark was starting", e);
        }
    }

    /**
     * A standalone master ({@code spark://host:port}, several for high availability) that no connection reaches is
     * said at once: Spark would try to register for a minute (three times 20 s) and log the attempts. Other masters
     * (local, yarn, k8s) have their own ways to fail.
     *
     * @throws EnvironmentException naming the master and why none of its addresses answered
     */
    static void requireReachable(String master, int timeoutMillis) {
        if (!master.startsWith(STANDALONE)) {
            return;
        }
        List<String> failures = new ArrayList<>();
        for (String address : master.substring(STANDALONE.length()).split(",")) {
            URI uri;
            try {
                uri = new URI(STANDALONE + address.trim());
            } catch (URISyntaxException e) {
                throw new EnvironmentException("the Spark master URL " + master + " is not spark://host:port: " + e.getReason());
            }
            if (uri.getHost() == null) {
                throw new EnvironmentException("the Spark master URL " + master + " names no host; give spark://host:port");
            }
            int port = uri.getPort() < 0 ? DEFAULT_MASTER_PORT : uri.getPort();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), port), timeoutMillis);
                return;
            } catch (SocketTimeoutException e) {
                failures.add(uri.getHost() + ":" + port + " did not answer within " + timeoutMillis / 1000 + " s");
            } catch (UnknownHostException e) {
                failures.add(uri.getHost() + " is an unknown host");
            } catch (IOException e) {
                failures.add(uri.getHost() + ":" + port + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage().toLowerCase(Locale.ROOT)));
            }
        }
        throw new EnvironmentException("cannot reach the Spark master at " + master + " (" + String.join("; ", failures)
                + "); start the master, or give a running one with --master (or spark.master)");
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.strip().lines().findFirst().orElse("").strip();
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
            throw new EnvironmentException("the Spark job failed: " + firstLine(e) + "; " + LOG_ADVICE, e);
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
