package org.theorycheck.cli;

import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.engine.Engine;
import org.theorycheck.core.engine.EngineProvider;
import org.theorycheck.core.engine.LocalEngine;
import picocli.CommandLine.Option;

import java.util.ServiceLoader;

/** The options of commands that can run their tasks elsewhere than on this machine's threads. */
final class EngineOptions {

    enum Kind { LOCAL, SPARK }

    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "local (default: this machine's threads) or spark (needs the theorycheck-spark jar; embedded local[*] unless --master). Results do not depend on it.")
    Kind engine = Kind.LOCAL;

    @Option(names = "--master", paramLabel = "URL",
            description = "With --engine spark: the cluster, e.g. spark://host:7077, yarn or k8s://https://host:6443.")
    String master;

    /**
     * The engine chosen, checked before anything runs.
     *
     * @param threads worker threads on this machine, or null for all cores
     */
    Engine open(Integer threads) {
        if (engine == Kind.LOCAL) {
            if (master != null) {
                throw new ConfigException("--master", 0, "", "a cluster needs --engine spark (the local engine runs on this machine)");
            }
            return new LocalEngine(threads != null ? threads : Runtime.getRuntime().availableProcessors());
        }
        if (master != null && threads != null) {
            throw new ConfigException("--threads", 0, "", "the cluster at --master decides the parallelism; drop --threads");
        }
        String name = engine.name().toLowerCase(java.util.Locale.ROOT);
        for (EngineProvider p : ServiceLoader.load(EngineProvider.class)) {
            if (p.name().equals(name)) {
                return p.open(master, threads);
            }
        }
        throw new ConfigException("--engine " + name, 0, "", "Spark is not on the class path of this jar. Build the Spark jar with "
                + "'mvn -q -DskipTests install && mvn -q -f spark/pom.xml -DskipTests package' and run "
                + "'java -jar spark/target/theorycheck-spark.jar' instead of 'java -jar target/theorycheck.jar'");
    }
}
