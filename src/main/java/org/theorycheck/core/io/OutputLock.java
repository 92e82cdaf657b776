package org.theorycheck.core.io;

import org.theorycheck.core.experiment.ConfigException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One writer per output directory: the lock a command holds on the directory it writes into, from
 * before it runs anything until its last file is in place. It is an OS lock ({@link FileChannel#tryLock()})
 * on the file {@value #FILE_NAME} in the directory, which holds the holder's pid, command line and start
 * time, so that a second command refused the directory can name it.
 *
 * <p>Taking the lock is also the check that the directory can be written: it is created if need be and
 * the lock file written in it, and a failure is bad input naming the directory and the reason. The OS
 * releases the lock when its process dies, however it dies, so a lock file left by a killed command
 * holds a lock that is free: the next command takes it over and says whose it was. On release the file is
 * deleted (while still locked), and so is the directory if the lock created it and nothing was written
 * into it, so that a command that fails writes nothing. Taking the lock completes or clears what a
 * killed {@link OutputSet} left half put in place.
 *
 * <p>A process takes a directory's lock once: on POSIX systems closing any other descriptor of the lock file
 * releases the process's lock on it, so nothing else here opens that file while the lock is held.
 */
public final class OutputLock implements AutoCloseable {

    /** The lock file's name in a locked directory. */
    public static final String FILE_NAME = ".theorycheck-lock";

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    /** Attempts before giving up when the lock file keeps being replaced under us (see {@link #acquire}). */
    private static final int ATTEMPTS = 5;

    private final Path dir;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Path created;
    private final String takenOver;

    private OutputLock(Path dir, Path file, FileChannel channel, FileLock lock, Path created, String takenOver) {
        this.dir = dir;
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.created = created;
        this.takenOver = takenOver;
    }

    /**
     * Takes the lock of {@code dir}, creating the directory if need be.
     *
     * @param command the holder's command line, for the message of a command refused the directory
     * @throws ConfigException if another command holds the lock (naming it), or the directory cannot be
     *                         created or written (naming the reason)
     */
    public static OutputLock acquire(Path dir, String command) {
        Path absolute = dir.toAbsolutePath().normalize();
        Path created = createDirectories(dir, absolute);
        Path file = absolute.resolve(FILE_NAME);
        try {
            for (int attempt = 1; ; attempt++) {
                Object before = identity(file);
                FileChannel channel = open(dir, file);
                Object opened = identity(file);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;   // held by this very process, e.g. a second command run in-process
                } catch (IOException e) {
                    channel.close();
                    throw unwritable(dir, e);
                }
                if (lock == null) {
                    String holder = describe(read(channel));
                    channel.close();
                    throw new ConfigException(dir.toString(), 0, "", "this output directory is being written by another "
                            + "command (" + holder + "); wait for it to end, or write elsewhere");
                }
                // A holder that was releasing may have deleted the file we opened: then the lock is on a file no
                // longer at this path, and another command may hold the one that is; so the file at the path must
                // be the same before the open, after it, and once locked. (Compared by the file's identity, not by
                // reading it: opening the file again and closing it would release this process's lock.)
                if (opened == null || (before != null && !before.equals(opened)) || !opened.equals(identity(file))) {
                    lock.release();
                    channel.close();
                    if (attempt == ATTEMPTS) {
                        throw new ConfigException(dir.toString(), 0, "", "cannot take this output directory: its lock file "
                                + FILE_NAME + " keeps being replaced; is another program writing there?");
                    }
                    continue;
                }
                String previous = read(channel);
                byte[] mine = holderText(command).getBytes(StandardCharsets.UTF_8);
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(mine), 0);
                channel.force(true);
                try {
                    OutputSet.recover(absolute);
                } catch (IOException e) {
                    lock.release();
                    channel.close();
                    throw unwritable(dir, e);
                }
                String note = previous.isBlank() ? null : dir + " was locked by a command that ended without releasing it ("
                        + describe(previous) + "); its lock is taken over";
                return new OutputLock(absolute, file, channel, lock, created, note);
            }
        } catch (IOException e) {
            throw unwritable(dir, e);
        }
    }

    /** A one-line note if this lock was taken over from a command that died holding it. */
    public Optional<String> takenOver() {
        return Optional.ofNullable(takenOver);
    }

    /** Deletes the lock file, releases the lock, and removes the directory if the lock created it and it is empty. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
            lock.release();
            channel.close();
            if (created != null) {
                for (Path p = dir; p != null && p.startsWith(created); p = p.getParent()) {
                    if (!isEmptyDirectory(p)) {
                        break;
                    }
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock of " + dir + ": " + reason(e), e);
        }
    }

    private static boolean isEmptyDirectory(Path p) throws IOException {
        try (var entries = Files.list(p)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Creates {@code absolute}; returns the outermost directory it had to create, or null if it existed. */
    private static Path createDirectories(Path dir, Path absolute) {
        Path created = null;
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            created = existing;
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new ConfigException(dir.toString(), 0, "", "cannot write output here: "
                    + (existing.equals(absolute) ? dir : existing) + " is a file, not a directory; choose another directory");
        }
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw unwritable(dir, e);
        }
        return created;
    }

    private static FileChannel open(Path dir, Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw unwritable(dir, e);
        }
    }

    private static ConfigException unwritable(Path dir, IOException e) {
        return new ConfigException(dir.toString(), 0, "", "cannot write output here: " + reason(e)
                + "; choose another directory");
    }

    /**
     * Why an I/O operation failed, in words: "permission denied", "read-only file system", "X is a file,
     * not a directory", …
     */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied" + (a.getFile() == null ? "" : " (" + a.getFile() + ")");
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return ((FileSystemException) e).getFile() + " is a file, not a directory";
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file or directory: " + n.getFile();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            String r = f.getReason();
            return r.substring(0, 1).toLowerCase() + r.substring(1) + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String holderText(String command) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("pid", Long.toString(ProcessHandle.current().pid()));
        fields.put("command", command.replaceAll("\\s+", " "));
        fields.put("started", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
        return sb.toString();
    }

    /** The holder a lock file names, as "pid 123: sweep …, started 2025-01-02 03:04:05 UTC". */
    private static String describe(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                fields.put(line.substring(0, space), line.substring(space + 1).strip());
            }
        }
        if (!fields.containsKey("pid")) {
            return "it has not written its name yet";
        }
        StringBuilder sb = new StringBuilder("pid ").append(fields.get("pid"));
        if (fields.containsKey("command")) {
            sb.append(": ").append(fields.get("command"));
        }
        if (fields.containsKey("started")) {
            String started = fields.get("started");
            try {
                started = STARTED.format(Instant.parse(started));
            } catch (java.time.format.DateTimeParseException e) {
                // shown as written
            }
            sb.append(", started ").append(started);
        }
        return sb.toString();
    }

    private static String read(FileChannel channel) throws IOException {
        long size = Math.min(channel.size(), 1 << 16);
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // reads until the buffer is full or the file ends
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    /**
     * The identity of the file at {@code file} (device and inode where the platform gives them, else only that
     * there is one), or null if there is none.
     */
    private static Object identity(Path file) throws IOException {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return key != null ? key : file;
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
