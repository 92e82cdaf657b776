package org.theorycheck.data.text;

import org.theorycheck.config.CorpusSpec;
import org.theorycheck.config.ExperimentConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads each corpus once for all the runs that use it: experiments that name the same files and
 * {@code min_count} share one {@link TextCorpus} (reading Brown takes seconds), whatever their batches,
 * which are checked against it for each experiment. Thread-safe; a reader waits while another reads.
 */
public final class CorpusCache {

    private final Map<String, TextCorpus> read = new HashMap<>();

    /**
     * The experiment's corpus, from the build's cache ({@link CacheDirectory}) or the directory it names.
     *
     * @throws org.theorycheck.config.ConfigException if it is missing or damaged, or the batches do not fit it
     */
    public TextCorpus corpus(ExperimentConfig config) {
        CorpusSpec spec = config.corpus();
        String key = spec.name() + "|" + spec.dir() + "|" + spec.minCount();
        TextCorpus corpus;
        synchronized (this) {
            corpus = read.get(key);
            if (corpus == null) {
                corpus = CorpusReader.read(spec, CacheDirectory.root(System.getenv(), System.getProperty("user.home")));
                read.put(key, corpus);
            }
        }
        CorpusReader.requireBatches(corpus, spec, config.source());
        return corpus;
    }
}
