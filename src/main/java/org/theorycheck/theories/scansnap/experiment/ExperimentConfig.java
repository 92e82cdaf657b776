package org.theorycheck.theories.scansnap.experiment;

import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.experiment.SweepAxis;

import java.util.List;

/**
 * One fully resolved, validated Scan and Snap experiment: what a single run needs, plus the seeds and the
 * sweep grid it was declared with.
 *
 * @param name   experiment name
 * @param source where it was read from (for messages)
 * @param data   the synthetic family
 * @param model  the model variant
 * @param train  optimiser and schedule
 * @param seeds  seeds, in the order given
 * @param sweep  the grid axes still to sweep (empty for a single configuration)
 * @param rung   what {@code train} and {@code sweep} run: sgd (the YZ model) or transformer
 * @param transformer the transformer section (null unless the rung is transformer)
 * @param corpus the real-text corpus that replaces the synthetic family (null unless the file has a
 *               {@code corpus:} section; {@code data} then holds defaults that nothing may use)
 * @param fingerprint everything a run depends on ({@link Experiment#fingerprint()})
 */
public record ExperimentConfig(String name, String source, DataSpec data, ModelSpec model, TrainSpec train,
                               List<Long> seeds, List<SweepAxis> sweep, String rung, TransformerSpec transformer,
                               CorpusSpec corpus, String fingerprint) implements Experiment {

    public ExperimentConfig {
        seeds = List.copyOf(seeds);
        sweep = List.copyOf(sweep);
    }

    @Override
    public long steps() {
        return train.steps();
    }

    /** The same experiment with another transformer section (its fingerprint is this one's). */
    public ExperimentConfig withTransformer(TransformerSpec other) {
        return new ExperimentConfig(name, source, data, model, train, seeds, sweep, rung, other, corpus, fingerprint);
    }

    /**
     * Fails if the experiment reads a corpus: commands that run on the synthetic sequence classes call
     * this, so that a corpus experiment is never trained on the defaults of {@code data:}.
     *
     * @param command the command that refuses, e.g. "train"
     */
    public void requireSynthetic(String command) {
        if (corpus != null) {
            throw new ConfigException(source, 0, "corpus.name", command + " runs on the synthetic sequence classes "
                    + "(data:), but this experiment reads the " + corpus.name().key() + " corpus");
        }
    }
}
