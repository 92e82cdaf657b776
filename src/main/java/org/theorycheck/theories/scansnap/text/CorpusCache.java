package org.theorycheck.theories.scansnap.text;

import org.theorycheck.core.io.CacheDirectory;
import org.theorycheck.theories.scansnap.experiment.CorpusSpec;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads each corpus once for all the runs that use it: experiments that name the same files and
 * {@code min_count} share one {@link TextCorpus} (reading Brown takes seconds), whatever their batches,
 * which are checked against it for each experiment. Thread-safe; a reader waits while another reads.
 * Serializable, so that a task shipped to another machine can carry one: it arrives empty and reads
 * there what that machine's runs need.
 */
public final class CorpusCache implements Serializable {

    private static final long serialVersionUID = 1L;

    private transient Map<String, TextCorpus> read;

    /**
     * The experiment's corpus, from the build's cache ({@link CacheDirectory}) or the directory it names.
     *
     * @throws org.theorycheck.core.experiment.ConfigException if it is missing or damaged, or the batches do not fit it
     */
    public TextCorpus corpus(ExperimentConfig config) {
        CorpusSpec spec = config.corpus();
        String key = spec.name() + "|" + spec.dir() + "|" + spec.minCount();
        TextCorpus corpus;
        synchronized (this) {
            if (read == null) {
                read = new HashMap<>();
            }
            corpus = read.get(key);
            if (corpus == null) {
                corpus = CorpusReader.read(spec, CacheDirectory.root());
                read.put(key, corpus);
            }
        }
        CorpusReader.requireBatches(corpus, spec, config.source());
        return corpus;
    }
}
