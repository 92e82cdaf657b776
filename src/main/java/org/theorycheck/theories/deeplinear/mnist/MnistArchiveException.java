package org.theorycheck.theories.deeplinear.mnist;

import java.nio.file.Path;

/**
 * The cached MNIST archive is missing or damaged: a problem the user fixes (bad input, exit code 2),
 * named with the file and what to do about it.
 */
public final class MnistArchiveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Path file;
    private final String problem;

    public MnistArchiveException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    /** The archive (or the archive entry, as {@code archive!entry}) at fault. */
    public Path file() {
        return file;
    }

    /** What is wrong and what to do, without the file name. */
    public String problem() {
        return problem;
    }
}
