package org.theorycheck.core.claims;

import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.text.CorpusCache;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.theories.scansnap.torch.TextRun;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Computes each run once per verification, however many checks use it: each (rung, configuration,
 * seed) trajectory on the synthetic classes, each (configuration, seed) training run on real text, and
 * each corpus those runs read. Thread-safe: the first caller computes, concurrent callers wait for its
 * result.
 */
public final class RunCache {

    private final ConcurrentMap<String, CompletableFuture<Object>> entries = new ConcurrentHashMap<>();
    private final CorpusCache corpora = new CorpusCache();

    public Trajectory get(Rung rung, ExperimentConfig config, long seed) {
        String key = rung.name() + "|" + seed + "|" + config.data() + "|" + config.model() + "|" + config.train() + "|" + config.transformer();
        return (Trajectory) once(key, () -> rung.run(config, seed));
    }

    /** The records of the transformer trained on the experiment's corpus with this seed ({@link TextRun}). */
    @SuppressWarnings("unchecked")
    public List<TextRun.Record> textRun(ExperimentConfig config, long seed) {
        String key = "text|" + seed + "|" + config.corpus() + "|" + config.transformer() + "|" + config.train();
        return (List<TextRun.Record>) once(key, () -> List.copyOf(TextRun.run(config, corpora.corpus(config), seed, step -> { })));
    }

    private Object once(String key, Supplier<Object> compute) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> existing = entries.putIfAbsent(key, mine);
        if (existing == null) {
            try {
                mine.complete(compute.get());
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
