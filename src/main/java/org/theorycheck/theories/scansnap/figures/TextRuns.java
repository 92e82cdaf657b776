package org.theorycheck.theories.scansnap.figures;

import org.theorycheck.core.experiment.ExperimentSource;
import org.theorycheck.theories.scansnap.text.CorpusCache;
import org.theorycheck.core.engine.Engine;
import org.theorycheck.theories.scansnap.torch.TextRun;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The transformer's runs on real text that the figures draw, each computed once however many figures draw
 * it (Fig. 7's maps and its curves come from the same two runs): what is missing runs as tasks of the
 * engine, and the records are kept here, on the machine that draws.
 */
final class TextRuns {

    /**
     * One run.
     *
     * @param experiment the experiment's text with the figure's overrides
     * @param cell       the swept values of one cell of its grid, or null for the experiment as it is
     * @param seed       the seed
     */
    record Run(ExperimentSource experiment, Map<String, String> cell, long seed) {}

    private final Map<Run, List<TextRun.Record>> done = new HashMap<>();
    /** Shared by the tasks that run here; a task shipped elsewhere carries an empty copy. */
    private final CorpusCache corpora = new CorpusCache();

    /** The records of each run, in the order given. */
    synchronized List<List<TextRun.Record>> records(Engine engine, List<Run> runs, String what, Consumer<String> progress) {
        List<Run> missing = runs.stream().filter(r -> !done.containsKey(r)).distinct().toList();
        List<Runs.Piece<ArrayList<TextRun.Record>>> pieces = new ArrayList<>();
        CorpusCache corpora = this.corpora;
        for (Run r : missing) {
            long seed = r.seed();
            pieces.add(new Runs.Piece<>(r.experiment(), r.cell(),
                    config -> new ArrayList<>(TextRun.run(config, corpora.corpus(config), seed, step -> { }))));
        }
        List<ArrayList<TextRun.Record>> computed = Runs.parallel(engine, pieces, what, progress);
        for (int i = 0; i < missing.size(); i++) {
            done.put(missing.get(i), computed.get(i));
        }
        return runs.stream().map(done::get).toList();
    }
}
