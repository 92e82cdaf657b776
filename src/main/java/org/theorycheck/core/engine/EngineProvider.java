package org.theorycheck.core.engine;

/**
 * Makes an {@link Engine} that lives outside the core jar (Spark's, in the {@code theorycheck-spark}
 * jar); registered in {@code META-INF/services} and found with {@link java.util.ServiceLoader}.
 */
public interface EngineProvider {

    /** The value of {@code --engine} that selects it, e.g. "spark". */
    String name();

    /**
     * @param master  where to run (e.g. {@code spark://host:7077}), or null for the embedded engine on this machine
     * @param threads parallelism of the embedded engine, or null for all cores
     */
    Engine open(String master, Integer threads);
}
