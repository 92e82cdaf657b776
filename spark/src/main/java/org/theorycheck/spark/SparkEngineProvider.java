package org.theorycheck.spark;

import org.theorycheck.core.engine.Engine;
import org.theorycheck.core.engine.EngineProvider;

/** Makes {@code --engine spark} available wherever this jar is on the class path. */
public final class SparkEngineProvider implements EngineProvider {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Engine open(String master, Integer threads) {
        return new SparkEngine(master, threads);
    }
}
