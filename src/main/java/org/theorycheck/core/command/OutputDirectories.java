package org.theorycheck.core.command;

import org.theorycheck.core.io.OutputLock;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * How a command takes the directories it writes into: the {@link OutputLock} of each, before anything
 * runs (so that a locked or unwritable directory is exit 2 at once, not after the work), with a one-line
 * note on standard error when it takes over the lock of a command that died holding it.
 */
public final class OutputDirectories {

    private OutputDirectories() {}

    /** Takes the lock of {@code dir}, the directory the command writes into. */
    public static OutputLock lock(CommandSpec spec, Path dir) {
        OutputLock lock = OutputLock.acquire(dir, commandLine(spec));
        lock.takenOver().ifPresent(note -> {
            PrintWriter err = spec.commandLine().getErr();
            err.println("note: " + note);
            err.flush();
        });
        return lock;
    }

    /** Takes the lock of the directory that holds {@code file}, a single file the command writes. */
    public static OutputLock lockFor(CommandSpec spec, Path file) {
        return lock(spec, file.toAbsolutePath().getParent());
    }

    /** The command as it was typed, for the message of another command refused the directory. */
    private static String commandLine(CommandSpec spec) {
        ParseResult parsed = spec.root().commandLine().getParseResult();
        String args = parsed == null ? spec.name() : String.join(" ", parsed.originalArgs());
        return spec.root().name() + " " + args;
    }
}
