package org.theorycheck.theories.scansnap.text;

import org.theorycheck.core.experiment.ConfigException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a corpus by split, in reading order, and the tokenisation that reads them.
 *
 * @param location   where the corpus is (a directory or an archive), for messages
 * @param tokenization how a line becomes tokens
 * @param splits     the files of each split, in the order they are concatenated
 */
public record CorpusFiles(String location, Tokenization tokenization, Map<TextSplit, List<TextFile>> splits) {

    /** The Brown corpus's token files: {@code ca01} … {@code cr09} (categories a to r). */
    static final Pattern BROWN_FILE = Pattern.compile("c[a-r][0-9][0-9]");

    /** WikiText's three files, by split. */
    static final Map<TextSplit, String> WIKITEXT_FILES =
            Map.of(TextSplit.TRAIN, "wiki.train.tokens", TextSplit.VALID, "wiki.valid.tokens", TextSplit.TEST, "wiki.test.tokens");

    public CorpusFiles {
        splits = Map.copyOf(splits);
    }

    /** One file of a corpus: a name for messages and a way to read it, as often as needed. */
    public record TextFile(String origin, Opener opener) {}

    /** Opens a file for reading; each call starts from its beginning. */
    @FunctionalInterface
    public interface Opener {
        BufferedReader open() throws IOException;
    }

    /**
     * The Brown corpus's split: every name matching {@code c[a-r][0-9][0-9]}, sorted; file i (from 0)
     * is valid if i mod 10 = 8, test if i mod 10 = 9, train otherwise.
     *
     * @param names the names in the corpus (any order; the others are ignored)
     * @param file  the file of a name
     */
    static CorpusFiles brown(String location, List<String> names, Function<String, TextFile> file) {
        List<String> sorted = names.stream().filter(n -> BROWN_FILE.matcher(n).matches()).sorted().toList();
        if (sorted.isEmpty()) {
            throw new ConfigException(location, 0, "corpus.dir", "no token files: no name matches c[a-r][0-9][0-9]");
        }
        Map<TextSplit, List<TextFile>> splits = new EnumMap<>(TextSplit.class);
        for (TextSplit s : TextSplit.values()) {
            splits.put(s, new ArrayList<>());
        }
        for (int i = 0; i < sorted.size(); i++) {
            TextSplit split = i % 10 == 8 ? TextSplit.VALID : i % 10 == 9 ? TextSplit.TEST : TextSplit.TRAIN;
            splits.get(split).add(file.apply(sorted.get(i)));
        }
        return new CorpusFiles(location, Tokenization.TAGGED, splits);
    }

    /** A directory of Brown token files (the build's cache is read by {@link BrownArchive} instead). */
    public static CorpusFiles brownDirectory(Path dir) {
        requireDirectory(dir);
        List<String> names;
        try (Stream<Path> list = Files.list(dir)) {
            names = list.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new ConfigException(dir.toString(), 0, "corpus.dir", "cannot list: " + e.getMessage());
        }
        return brown(dir.toString(), names, n -> onDisk(dir.resolve(n)));
    }

    /** A WikiText-2 or -103 directory: {@code wiki.train.tokens}, {@code wiki.valid.tokens}, {@code wiki.test.tokens}. */
    public static CorpusFiles wikiText(Path dir) {
        requireDirectory(dir);
        Map<TextSplit, List<TextFile>> splits = new EnumMap<>(TextSplit.class);
        List<String> missing = new ArrayList<>();
        for (TextSplit s : TextSplit.values()) {
            Path p = dir.resolve(WIKITEXT_FILES.get(s));
            if (!Files.isRegularFile(p)) {
                missing.add(WIKITEXT_FILES.get(s));
            }
            splits.put(s, List.of(onDisk(p)));
        }
        if (!missing.isEmpty()) {
            throw new ConfigException(dir.toString(), 0, "corpus.dir", "no token files " + String.join(", ", missing)
                    + " (a WikiText directory holds wiki.train.tokens, wiki.valid.tokens and wiki.test.tokens)");
        }
        return new CorpusFiles(dir.toString(), Tokenization.PLAIN, splits);
    }

    private static void requireDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(dir.toString(), 0, "corpus.dir", Files.exists(dir) ? "not a directory" : "no such directory");
        }
    }

    private static TextFile onDisk(Path p) {
        return new TextFile(p.toString(), () -> Files.newBufferedReader(p, StandardCharsets.UTF_8));
    }
}
