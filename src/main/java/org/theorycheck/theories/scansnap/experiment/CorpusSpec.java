package org.theorycheck.theories.scansnap.experiment;

/**
 * A real-text corpus and how it is cut into training batches (the {@code corpus:} section of an
 * experiment file). The reading conventions are fixed by the corpus name; see {@code data.text}.
 *
 * @param name      which corpus, and so which file layout and tokenisation
 * @param dir       the directory holding it; empty for the Brown corpus means the build's cache
 * @param minCount  a train token enters the vocabulary if it occurs at least this often
 * @param batch     columns of the training id stream (PyTorch's word-language-model batch size)
 * @param evalBatch columns of the validation and test streams
 * @param bptt      tokens per training window
 * @param evalWindows the validation windows (from the first) on which attention and perplexity are observed
 * @param mapWindow the training window whose first column's layer-0 attention map is recorded (Fig. 7: 100)
 */
public record CorpusSpec(Name name, String dir, int minCount, int batch, int evalBatch, int bptt, int evalWindows,
                         int mapWindow) {

    public enum Name {
        BROWN("brown"), WIKITEXT2("wikitext2"), WIKITEXT103("wikitext103");

        private final String key;

        Name(String key) {
            this.key = key;
        }

        /** The name as an experiment file writes it. */
        public String key() {
            return key;
        }
    }
}
