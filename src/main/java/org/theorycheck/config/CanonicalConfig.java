package org.theorycheck.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The canonical text of one run's configuration: every resolved, validated value that decides what the
 * run computes, under its dotted key, in a fixed key order, each value written one way (numbers as
 * {@link Double#toString(double)}, so {@code 1}, {@code 1.0} and {@code 1e0} are one value; enums as the file
 * spells them). Two files that differ only in layout, comments, key order or the spelling of a number
 * give the same text; any value that changes the run changes it.
 *
 * <p>Not in it: the name and the seeds (they say which run, not how it is computed), the sweep axes (a
 * cell's configuration has its swept values in place), and the rate as it was given ({@code eta_ratio} or
 * {@code eta_y}: the resolved {@code train.eta_y} is). Left out too are the keys such an experiment cannot set
 * (the schema refuses them, so they hold their defaults): {@code data.*} and {@code train.batch} beside a
 * corpus, {@code transformer.*} on rung sgd, {@code corpus.*} without a corpus.
 */
public final class CanonicalConfig {

    private CanonicalConfig() {}

    /** Key → value, in the fixed order. */
    public static Map<String, String> of(ExperimentConfig c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("rung", c.rung());
        if (c.corpus() == null) {
            DataSpec d = c.data();
            m.put("data.queries", Integer.toString(d.queries()));
            m.put("data.next_per_query", Integer.toString(d.nextPerQuery()));
            m.put("data.common", Integer.toString(d.common()));
            m.put("data.common_per_query", Integer.toString(d.commonPerQuery()));
            m.put("data.distinct_per_next", Integer.toString(d.distinctPerNext()));
            m.put("data.common_weight", Double.toString(d.commonWeight()));
            m.put("data.distinct_weights", "[" + d.distinctLow() + ", " + d.distinctHigh() + "]");
            m.put("data.context", Integer.toString(d.context()));
        }
        m.put("model.normalize", Boolean.toString(c.model().normalize()));
        m.put("model.residual", Boolean.toString(c.model().residual()));
        m.put("model.init", lower(c.model().init()));
        TrainSpec t = c.train();
        m.put("train.optimizer", lower(t.optimizer()));
        m.put("train.momentum", Double.toString(t.momentum()));
        m.put("train.eta_z", Double.toString(t.etaZ()));
        m.put("train.eta_y", Double.toString(t.etaY()));
        if (c.corpus() == null) {
            m.put("train.batch", Integer.toString(t.batch()));
        }
        m.put("train.steps", Integer.toString(t.steps()));
        m.put("train.record_every", Integer.toString(t.recordEvery()));
        m.put("train.checkpoint_every", Integer.toString(t.checkpointEvery()));
        TransformerSpec tr = c.transformer();
        if (tr != null) {
            m.put("transformer.emsize", Integer.toString(tr.emsize()));
            m.put("transformer.heads", Integer.toString(tr.heads()));
            m.put("transformer.hidden", Integer.toString(tr.hidden()));
            m.put("transformer.layers", Integer.toString(tr.layers()));
            m.put("transformer.dropout", Double.toString(tr.dropout()));
            m.put("transformer.positional", Boolean.toString(tr.positional()));
            m.put("transformer.scale_embedding", Boolean.toString(tr.scaleEmbedding()));
            m.put("transformer.init_range", Double.toString(tr.initRange()));
            m.put("transformer.ff_rate", Double.toString(tr.ffRate()));
            m.put("transformer.clip", Double.toString(tr.clip()));
            m.put("transformer.dtype", tr.float64() ? "float64" : "float32");
        }
        CorpusSpec co = c.corpus();
        if (co != null) {
            m.put("corpus.name", co.name().key());
            m.put("corpus.dir", co.dir());
            m.put("corpus.min_count", Integer.toString(co.minCount()));
            m.put("corpus.batch", Integer.toString(co.batch()));
            m.put("corpus.eval_batch", Integer.toString(co.evalBatch()));
            m.put("corpus.bptt", Integer.toString(co.bptt()));
            m.put("corpus.eval_windows", Integer.toString(co.evalWindows()));
            m.put("corpus.map_window", Integer.toString(co.mapWindow()));
        }
        return Collections.unmodifiableMap(m);
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
