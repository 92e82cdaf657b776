package org.theorycheck.theories.scansnap.text;

/** The three parts of a corpus: the vocabulary comes from {@link #TRAIN} alone. */
public enum TextSplit {
    TRAIN, VALID, TEST;

    /** The name used in messages and tables. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
