package org.theorycheck.theories.scansnap.text;

/**
 * An id stream laid out as PyTorch's word-language-model example does ({@code batchify} and
 * {@code get_batch}): the stream is cut into {@code columns} equal consecutive pieces (the remainder
 * at its end dropped), piece j being column j, so row r holds tokens r, r + rows, r + 2·rows, …; a
 * window starting at row i covers rows i … i + len − 1 with len = min(bptt, rows − 1 − i), and its
 * target is the window one row further on. Windows start at rows 0, bptt, 2·bptt, … while
 * i < rows − 1, so the last one may be shorter.
 */
public final class TextBatches {

    private final int[] ids;
    private final int columns;
    private final int rows;
    private final int bptt;

    /**
     * @param ids     the stream (not copied)
     * @param columns the batch size
     * @param bptt    the window length
     * @throws IllegalArgumentException unless the stream holds at least one full window:
     *                                  {@code ids.length / columns ≥ bptt + 1} ({@link CorpusReader} checks it first)
     */
    public TextBatches(int[] ids, int columns, int bptt) {
        if (columns < 1 || bptt < 1) {
            throw new IllegalArgumentException("columns and bptt must be >= 1, got " + columns + " and " + bptt);
        }
        this.ids = ids;
        this.columns = columns;
        this.rows = ids.length / columns;
        this.bptt = bptt;
        if (rows < bptt + 1) {
            throw new IllegalArgumentException(ids.length + " tokens in " + columns + " columns give " + rows
                    + " rows, fewer than bptt + 1 = " + (bptt + 1));
        }
    }

    /** Tokens per column. */
    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** The number of windows, the last possibly shorter than bptt. */
    public int windows() {
        return (rows - 2) / bptt + 1;
    }

    /** The number of windows of the full length bptt (all but possibly the last). */
    public int fullWindows() {
        return (rows - 1) / bptt;
    }

    /** The token at {@code row} of {@code column}. */
    public int at(int row, int column) {
        return ids[column * rows + row];
    }

    /**
     * Window {@code w} (0-based): its input and target ids, row-major ({@code length × columns}, as
     * PyTorch's {@code source[i:i+len]}).
     */
    public Window window(int w) {
        if (w < 0 || w >= windows()) {
            throw new IndexOutOfBoundsException("window " + w + " of " + windows());
        }
        int start = w * bptt;
        int length = Math.min(bptt, rows - 1 - start);
        int[] input = new int[length * columns];
        int[] target = new int[length * columns];
        for (int t = 0; t < length; t++) {
            for (int c = 0; c < columns; c++) {
                input[t * columns + c] = at(start + t, c);
                target[t * columns + c] = at(start + t + 1, c);
            }
        }
        return new Window(start, length, columns, input, target);
    }

    /**
     * One window.
     *
     * @param start  its first row
     * @param length rows in it
     * @param input  ids, element (t, c) at t · columns + c
     * @param target the ids one row later, same layout
     */
    public record Window(int start, int length, int columns, int[] input, int[] target) {}
}
