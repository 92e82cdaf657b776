package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Quantity;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.torch.TextRun;
import org.theorycheck.theories.scansnap.torch.TextTrace;

import java.util.List;

/**
 * A quantity of Scan and Snap: it measures either runs on the synthetic sequence classes (their traces
 * are {@link org.theorycheck.theories.scansnap.model.Trajectory Trajectories}) or training on real text
 * ({@link TextTrace}), and claim files are checked for which when they load.
 */
interface ScanSnapQuantity extends Quantity<ExperimentConfig, ScanSnapTrace> {

    /** Whether it measures training on real text: then its experiments must read a corpus, otherwise they must not. */
    default boolean readsText() {
        return false;
    }

    @Override
    default void requireMeasurable(ExperimentConfig experiment) {
        if (readsText() && experiment.corpus() == null) {
            throw new ConfigException(experiment.source(), 0, "corpus.name",
                    "measures training on real text, but the experiment has no corpus: section");
        }
        if (!readsText() && experiment.corpus() != null) {
            throw new ConfigException(experiment.source(), 0, "corpus.name", "runs on the synthetic sequence classes "
                    + "(data:), but the experiment reads the " + experiment.corpus().name().key() + " corpus");
        }
    }

    /** The records of the check rung's training run on the text of {@code config} (cached across checks). */
    static List<TextRun.Record> textRun(CheckContext<ExperimentConfig, ScanSnapTrace> context, ExperimentConfig config,
                                        long seed) {
        return context.trace(context.rung(), config, seed, TextTrace.class).records();
    }
}
