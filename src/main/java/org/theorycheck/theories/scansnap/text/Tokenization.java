package org.theorycheck.theories.scansnap.text;

import org.theorycheck.core.experiment.ConfigException;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * How one line of a corpus file becomes tokens. Both rules split on whitespace as Python's
 * {@code str.split()} does (so a line's tokens are those of the reference implementations in PyTorch)
 * and mark the end of a line with {@link #EOS}.
 */
public enum Tokenization {

    /**
     * NLTK's tagged format (the Brown corpus): a token is the part of each {@code word/TAG} item
     * before its last '/', lowercased; a line with at least one item ends with {@code <eos>}, blank
     * lines give nothing.
     */
    TAGGED {
        @Override
        void tokens(String line, String origin, int number, Consumer<String> out) {
            int items = forEachItem(line, item -> {
                int slash = item.lastIndexOf('/');
                if (slash <= 0) {
                    throw new ConfigException(origin, number, "", "item '" + item + "' is not in word/TAG form"
                            + " (a non-empty word, '/', a tag)");
                }
                out.accept(item.substring(0, slash).toLowerCase(Locale.ROOT));
            });
            if (items > 0) {
                out.accept(EOS);
            }
        }
    },

    /**
     * WikiText as PyTorch's word-language-model example reads it: the whitespace-separated items of a
     * line as they are (no lowercasing; WikiText already writes unknown words as {@code <unk>}), then
     * {@code <eos>} — on every line, the blank ones included, which then give a lone {@code <eos>}.
     */
    PLAIN {
        @Override
        void tokens(String line, String origin, int number, Consumer<String> out) {
            forEachItem(line, out);
            out.accept(EOS);
        }
    };

    /** Ends every sentence (line). */
    public static final String EOS = "<eos>";

    /**
     * Passes the tokens of one line to {@code out}, in order.
     *
     * @param origin the file, for messages
     * @param number the line's 1-based number, for messages
     * @throws ConfigException if the line is not in this format
     */
    abstract void tokens(String line, String origin, int number, Consumer<String> out);

    /** Passes each whitespace-separated item of {@code line} to {@code out}; returns how many there were. */
    private static int forEachItem(String line, Consumer<String> out) {
        int items = 0;
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && isSpace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.accept(line.substring(start, i));
                items++;
            }
        }
        return items;
    }

    /** Python's {@code str.isspace} for one character: Java's whitespace, the space separators (no-break space included) and NEL. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
}
