package org.theorycheck.theories.scansnap.rungs;

import org.theorycheck.core.ladder.Resumable;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.text.CorpusCache;
import org.theorycheck.theories.scansnap.text.TextCorpus;
import org.theorycheck.theories.scansnap.torch.SyntheticClassesRun;
import org.theorycheck.theories.scansnap.torch.TextCheckpoint;
import org.theorycheck.theories.scansnap.torch.TextRun;
import org.theorycheck.theories.scansnap.torch.TextTrace;

import java.nio.file.Path;
import java.util.function.DoubleConsumer;

/**
 * The top rung: a real transformer (embeddings, query/key/value projections, feed-forward layers, layer
 * norm) trained with SGD, which drops the YZ reparametrization (paper §1.1). On the sequence classes its
 * trace is a {@link org.theorycheck.theories.scansnap.model.Trajectory} whose Z rows are the effective
 * first-layer logits between tokens; on an experiment with a corpus it is trained as a language model on
 * that text ({@link TextTrace}), reading the corpus once per rung instance, and keeps checkpoints when
 * {@code train} gives it a directory.
 */
public final class TransformerRung implements Rung<ExperimentConfig, ScanSnapTrace>, Resumable<ExperimentConfig, ScanSnapTrace> {

    private final CorpusCache corpora = new CorpusCache();

    @Override
    public String name() {
        return "transformer";
    }

    @Override
    public ScanSnapTrace run(ExperimentConfig config, long seed) {
        return run(config, seed, t -> { });
    }

    @Override
    public ScanSnapTrace run(ExperimentConfig config, long seed, DoubleConsumer progress) {
        if (config.corpus() != null) {
            return new TextTrace(TextRun.run(config, corpora.corpus(config), seed, progress::accept));
        }
        return SyntheticClassesRun.run(config, seed, progress::accept);
    }

    /** The corpus an experiment reads, checked against its batches. */
    @Override
    public void prepare(ExperimentConfig config) {
        if (config.corpus() != null) {
            corpora.corpus(config);
        }
    }

    @Override
    public long resumesFrom(ExperimentConfig config, long seed, Path dir) {
        if (config.corpus() == null) {
            return 0;
        }
        TextCheckpoint resume = TextCheckpoint.read(TextCheckpoint.file(dir), config, corpora.corpus(config), seed);
        return resume == null ? 0 : resume.iteration();
    }

    @Override
    public ScanSnapTrace run(ExperimentConfig config, long seed, Path dir, DoubleConsumer progress) {
        if (config.corpus() == null) {
            return run(config, seed, progress);
        }
        TextCorpus corpus = corpora.corpus(config);
        Path checkpoint = TextCheckpoint.file(dir);
        TextCheckpoint resume = TextCheckpoint.read(checkpoint, config, corpus, seed);
        return new TextTrace(TextRun.run(config, corpus, seed, checkpoint, resume, progress::accept));
    }

    @Override
    public void discardCheckpoint(Path dir) {
        TextCheckpoint.delete(TextCheckpoint.file(dir));
    }
}
