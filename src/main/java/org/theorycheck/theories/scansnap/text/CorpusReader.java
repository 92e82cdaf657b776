package org.theorycheck.theories.scansnap.text;

import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.theories.scansnap.experiment.CorpusSpec;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a corpus into a {@link TextCorpus} and checks that an experiment's batches fit it. Two passes
 * over the files: the first counts (the vocabulary needs the whole train split, the id arrays their
 * lengths, so memory is checked before anything large is allocated), the second writes the ids.
 */
public final class CorpusReader {

    private CorpusReader() {}

    /**
     * The corpus an experiment names, checked against its batch sizes.
     *
     * @param spec      the {@code corpus:} section
     * @param cacheRoot the build's cache ({@link CacheDirectory}), where the Brown corpus is by default
     * @param source    the experiment file, for messages
     * @throws ConfigException if the corpus is missing, damaged or malformed, or too small or too large
     *                         for the batches asked for
     */
    public static TextCorpus load(CorpusSpec spec, Path cacheRoot, String source) {
        TextCorpus corpus = read(spec, cacheRoot);
        requireBatches(corpus, spec, source);
        return corpus;
    }

    /**
     * The corpus an experiment names, with its vocabulary, not yet checked against any batch sizes (it
     * depends on the name, directory and {@code min_count} only, so experiments that differ in their
     * batches can share it).
     *
     * @throws ConfigException if the corpus is missing, damaged, malformed or too large
     */
    public static TextCorpus read(CorpusSpec spec, Path cacheRoot) {
        CorpusFiles files = switch (spec.name()) {
            case BROWN -> spec.dir().isEmpty() ? BrownArchive.open(BrownArchive.in(cacheRoot))
                    : CorpusFiles.brownDirectory(Path.of(spec.dir()));
            case WIKITEXT2, WIKITEXT103 -> CorpusFiles.wikiText(Path.of(spec.dir()));
        };
        Runtime jvm = Runtime.getRuntime();
        return read(files, spec.minCount(), jvm.maxMemory() - (jvm.totalMemory() - jvm.freeMemory()));
    }

    /**
     * Checks that the experiment's batches fit the corpus: every split holds a full window, and the
     * observed and mapped windows exist.
     *
     * @throws ConfigException naming the key to change if they do not
     */
    public static void requireBatches(TextCorpus corpus, CorpusSpec spec, String source) {
        requireWindows(corpus, TextSplit.TRAIN, spec.batch(), "corpus.batch", spec.bptt(), source);
        requireWindows(corpus, TextSplit.VALID, spec.evalBatch(), "corpus.eval_batch", spec.bptt(), source);
        requireWindows(corpus, TextSplit.TEST, spec.evalBatch(), "corpus.eval_batch", spec.bptt(), source);
        int validWindows = new TextBatches(corpus.split(TextSplit.VALID).ids(), spec.evalBatch(), spec.bptt()).fullWindows();
        if (spec.evalWindows() > validWindows) {
            throw new ConfigException(source, 0, "corpus.eval_windows", "eval_windows " + spec.evalWindows()
                    + " is more than the " + validWindows + " full windows of the valid split");
        }
        int trainWindows = new TextBatches(corpus.split(TextSplit.TRAIN).ids(), spec.batch(), spec.bptt()).fullWindows();
        if (spec.mapWindow() >= trainWindows) {
            throw new ConfigException(source, 0, "corpus.map_window", "map_window " + spec.mapWindow()
                    + " is not one of the train split's full windows 0.." + (trainWindows - 1));
        }
    }

    /**
     * Reads the files with a vocabulary of the train tokens occurring at least {@code minCount} times.
     *
     * @param freeHeap bytes of heap the id streams may take
     */
    public static TextCorpus read(CorpusFiles files, int minCount, long freeHeap) {
        Map<String, long[]> counts = new HashMap<>();
        long[] tokens = new long[TextSplit.values().length];
        for (TextSplit s : TextSplit.values()) {
            Consumer<String> count = s == TextSplit.TRAIN
                    ? t -> counts.computeIfAbsent(t, k -> new long[1])[0]++
                    : t -> { };
            tokens[s.ordinal()] = scan(files, s, count);
            if (tokens[s.ordinal()] == 0) {
                throw new ConfigException(files.location(), 0, "corpus.dir", "the " + s.label() + " split has no tokens ("
                        + files.splits().get(s).size() + " files)");
            }
        }
        requireMemory(files.location(), tokens, freeHeap);

        Map<String, Long> trainCounts = new HashMap<>(counts.size() * 2);
        counts.forEach((t, c) -> trainCounts.put(t, c[0]));
        Vocabulary vocabulary = Vocabulary.of(trainCounts, minCount);
        if (vocabulary.size() == 1) {
            throw new ConfigException(files.location(), 0, "corpus.min_count", "min_count " + minCount
                    + " keeps no train token: every one of the " + trainCounts.size() + " types occurs fewer times");
        }

        List<TextCorpus.Split> splits = new ArrayList<>();
        for (TextSplit s : TextSplit.values()) {
            int[] ids = new int[(int) tokens[s.ordinal()]];
            int[] at = {0};
            scan(files, s, t -> ids[at[0]++] = vocabulary.id(t));
            long unknown = 0;
            long lines = 0;
            int eos = vocabulary.id(Tokenization.EOS);
            for (int id : ids) {
                unknown += id == vocabulary.unk() ? 1 : 0;
                lines += id == eos ? 1 : 0;
            }
            splits.add(new TextCorpus.Split(s, files.splits().get(s).size(), ids, unknown, lines));
        }
        return new TextCorpus(files.location(), vocabulary, splits);
    }

    /** Passes every token of a split to {@code out}; returns how many there were. */
    private static long scan(CorpusFiles files, TextSplit split, Consumer<String> out) {
        long[] n = {0};
        Consumer<String> counted = t -> {
            out.accept(t);
            n[0]++;
        };
        for (CorpusFiles.TextFile f : files.splits().get(split)) {
            try (BufferedReader r = f.opener().open()) {
                int number = 0;
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    files.tokenization().tokens(line, f.origin(), ++number, counted);
                }
            } catch (CharacterCodingException e) {
                throw new ConfigException(f.origin(), 0, "", "not UTF-8 text");
            } catch (IOException e) {
                throw new ConfigException(f.origin(), 0, "", "cannot read: " + e.getMessage());
            }
        }
        return n[0];
    }

    /** The id streams are int arrays: each must be indexable, and all of them must fit in the free heap. */
    private static void requireMemory(String location, long[] tokens, long free) {
        long total = 0;
        for (TextSplit s : TextSplit.values()) {
            long n = tokens[s.ordinal()];
            if (n > Integer.MAX_VALUE - 8) {
                throw new ConfigException(location, 0, "corpus.dir", "the " + s.label() + " split has " + n
                        + " tokens, more than one id array can hold (" + (Integer.MAX_VALUE - 8) + ")");
            }
            total += n;
        }
        long need = 4 * total;
        if (need > free) {
            throw new ConfigException(location, 0, "corpus.dir", String.format("its %d tokens need %d MB of ids, but "
                    + "the JVM has %d MB of heap free; give it more with java -Xmx", total, need >> 20, free >> 20));
        }
    }

    private static void requireWindows(TextCorpus corpus, TextSplit split, int columns, String columnsKey, int bptt,
                                       String source) {
        int n = corpus.split(split).ids().length;
        if (columns > n) {
            throw new ConfigException(source, 0, columnsKey, columnsKey.substring(7) + " " + columns + " is more than the "
                    + n + " tokens of the " + split.label() + " split");
        }
        int rows = n / columns;
        if (rows < bptt + 1) {
            throw new ConfigException(source, 0, "corpus.bptt", "bptt " + bptt + " needs " + (bptt + 1)
                    + " rows, but the " + split.label() + " split's " + n + " tokens in " + columns + " columns ("
                    + columnsKey + ") give " + rows);
        }
    }
}
