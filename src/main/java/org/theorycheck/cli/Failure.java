package org.theorycheck.cli;

import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.ladder.DivergenceException;
import org.theorycheck.core.engine.EnvironmentException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * What a failure means to the user of the command line: one line (what failed, where, what to do) and the
 * exit code of its kind. Whatever is thrown gets one; a wrapped failure is classified by the first cause
 * in its chain that has a kind, so a bad input rethrown by a thread pool is still exit 2.
 *
 * @param code    the exit code (see {@link Main})
 * @param message the line to print, without a trailing newline
 */
record Failure(int code, String message) {

    private static final String PREFIX = "error: ";

    static Failure of(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Failure known = known(t);
            if (known != null) {
                return known;
            }
        }
        return internal(thrown);
    }

    private static Failure known(Throwable t) {
        if (t instanceof ConfigException) {
            return new Failure(Main.EXIT_BAD_INPUT, PREFIX + t.getMessage());
        }
        if (t instanceof DivergenceException) {
            return new Failure(Main.EXIT_DIVERGED, PREFIX + t.getMessage());
        }
        if (t instanceof EnvironmentException) {
            return new Failure(Main.EXIT_ENVIRONMENT, PREFIX + oneLine(t.getMessage()));
        }
        if (t instanceof OutOfMemoryError) {
            return new Failure(Main.EXIT_ENVIRONMENT, PREFIX + outOfMemory(t, Runtime.getRuntime().maxMemory()));
        }
        if (t instanceof UncheckedIOException u) {
            return new Failure(Main.EXIT_BAD_INPUT, PREFIX + oneLine(u.getMessage()) + describeCause(u.getCause()));
        }
        if (t instanceof IOException io) {
            return new Failure(Main.EXIT_BAD_INPUT, PREFIX + describe(io));
        }
        return null;
    }

    /**
     * The line for a heap that ran out: the size check of an experiment ({@code ModelSize}) refuses up front
     * what it can estimate, so this is what it cannot (a flow rung's integrator stages, several runs of a
     * sweep at once, a libtorch buffer).
     */
    static String outOfMemory(Throwable error, long maxHeap) {
        String kind = error.getMessage() == null ? "" : " (" + error.getMessage() + ")";
        return String.format(Locale.ROOT, "out of memory%s: this JVM may use %.1f GB; lower the sizes of the experiment "
                + "(data.queries, data.common, data.distinct_per_next, transformer.emsize, corpus.batch, train.steps or a "
                + "larger train.record_every), run fewer runs at once (--threads), or give the JVM more heap with java -Xmx "
                + "(e.g. java -Xmx16g -jar ...)", kind, maxHeap / 1e9);
    }

    /** A failure nobody foresaw: a bug. Its place in the code is the "where"; the stack trace is for a report. */
    private static Failure internal(Throwable t) {
        StringBuilder sb = new StringBuilder(PREFIX).append("internal error: ").append(t.getClass().getName());
        if (t.getMessage() != null) {
            sb.append(": ").append(oneLine(t.getMessage()));
        }
        StackTraceElement[] frames = t.getStackTrace();
        if (frames.length > 0) {
            sb.append(" (at ").append(frames[0]).append(')');
        }
        sb.append("; this is a bug of theorycheck: please report it with the stack trace that --debug prints");
        return new Failure(Main.EXIT_INTERNAL, sb.toString());
    }

    private static String describeCause(Throwable cause) {
        if (cause instanceof FileSystemException f && f.getMessage() != null && f.getReason() == null) {
            return " (" + reason(f) + ")";
        }
        return "";
    }

    /** An I/O failure on a user's path: the path and the reason in words (the exception's own name is not one). */
    static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String other = f.getOtherFile() == null ? "" : " -> " + f.getOtherFile();
            return "cannot use " + f.getFile() + other + ": " + reason(f) + "; check the path and its permissions";
        }
        return oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private static String reason(FileSystemException f) {
        if (f.getReason() != null) {
            return f.getReason();
        }
        if (f instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (f instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (f instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (f instanceof FileAlreadyExistsException) {
            return "a file of that name already exists";
        }
        if (f instanceof DirectoryNotEmptyException) {
            return "the directory is not empty";
        }
        return f.getClass().getSimpleName();
    }

    /** Several lines (a library's message) joined into one. */
    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
