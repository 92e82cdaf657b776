package org.theorycheck.core.claims;

import org.theorycheck.core.Theory;
import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.core.ladder.Trace;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Computes each run of a theory once per verification, however many checks use it: a run is keyed by
 * its rung, its seed and its experiment's fingerprint. Holds one ladder of the theory, so a rung that
 * reads something once (a corpus) reads it once per cache. Thread-safe: the first caller computes,
 * concurrent callers wait for its result.
 *
 * @param <E> the theory's experiment type
 * @param <T> the theory's trace type
 */
public final class RunCache<E extends Experiment, T extends Trace> {

    private final Theory<E, T> theory;
    private final List<Rung<E, T>> ladder;
    private final ConcurrentMap<String, CompletableFuture<T>> entries = new ConcurrentHashMap<>();

    public RunCache(Theory<E, T> theory) {
        this.theory = theory;
        this.ladder = List.copyOf(theory.ladder());
    }

    /** The rung of this cache's ladder with this name, or null. */
    Rung<E, T> rung(String name) {
        return ladder.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    /** The rung {@code external} for these runs, standing for the rung of this cache's ladder named {@code standsFor}. */
    Rung<E, T> external(ExternalRuns runs, String standsFor) {
        Rung<E, T> rung = rung(standsFor);
        if (rung == null) {
            throw new IllegalStateException("no rung " + standsFor);
        }
        return new ExternalRung<>(theory, rung, runs);
    }

    /**
     * The trace of {@code rung} (one of this cache's ladder, or an {@link #external} one) for the experiment and seed,
     * computed once; runs read from files are keyed by their files' checksums.
     */
    public T get(Rung<E, T> rung, E experiment, long seed) {
        String name = rung instanceof ExternalRung<?, ?> external ? external.cacheKey() : rung.name();
        String key = name + "|" + seed + "|" + experiment.fingerprint();
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<T> existing = entries.putIfAbsent(key, mine);
        if (existing == null) {
            try {
                mine.complete(rung.run(experiment, seed));
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
