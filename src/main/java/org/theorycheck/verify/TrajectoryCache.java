package org.theorycheck.verify;

import org.theorycheck.config.ExperimentConfig;
import org.theorycheck.model.Trajectory;
import org.theorycheck.theory.Rung;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Computes each (rung, configuration, seed) trajectory once per verification, however many checks use
 * it. Thread-safe: the first caller computes, concurrent callers wait for its result.
 */
public final class TrajectoryCache {

    private final ConcurrentMap<String, CompletableFuture<Trajectory>> entries = new ConcurrentHashMap<>();

    public Trajectory get(Rung rung, ExperimentConfig config, long seed) {
        String key = rung.name() + "|" + seed + "|" + config.data() + "|" + config.model() + "|" + config.train() + "|" + config.transformer();
        CompletableFuture<Trajectory> mine = new CompletableFuture<>();
        CompletableFuture<Trajectory> existing = entries.putIfAbsent(key, mine);
        if (existing == null) {
            try {
                mine.complete(rung.run(config, seed));
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
            }
            existing = mine;
        }
        try {
            return existing.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }
}
