package org.theorycheck.core.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The files of one output — a run's {@code trace.csv} and {@code attention.csv}, a sweep's {@code runs.csv}
 * and {@code summary.csv}, a figure's csv, png and svg — put in place together, so that a kill at any
 * moment leaves the previous set or the new one, never a mix.
 *
 * <p>Each file is written in full to a temporary file beside its target (a hidden name ending in
 * {@value #PARTIAL}); nothing is replaced until every file of the set is written. {@link #commit()} then
 * writes a commit record naming the renames, renames each temporary file onto its target (an atomic
 * replace within one directory) and deletes the record. A kill before the record exists leaves the old
 * files and some temporary ones; a kill after it leaves a record that {@link #recover(Path)} completes,
 * which {@link OutputLock} does whenever a command takes the directory. A set that is closed without a
 * commit (a failed write) deletes its temporary files and leaves the old set untouched.
 *
 * <p>Not thread-safe: one set is filled by one thread.
 */
public final class OutputSet implements AutoCloseable {

    /** Writes one file's text. */
    @FunctionalInterface
    public interface Text {
        void writeTo(Writer out) throws IOException;
    }

    /** Writes one file's bytes. */
    @FunctionalInterface
    public interface Bytes {
        void writeTo(OutputStream out) throws IOException;
    }

    /** How temporary files and unfinished commit records end. */
    static final String PARTIAL = ".partial";
    /** How commit records begin. */
    static final String COMMIT_PREFIX = ".theorycheck-commit-";

    private final Path dir;
    /** Target name → its written temporary file, in the order added. */
    private final Map<String, Path> written = new LinkedHashMap<>();
    private boolean committed;

    private OutputSet(Path dir) {
        this.dir = dir;
    }

    /** A new, empty set of files in {@code dir} (created if needed). */
    public static OutputSet in(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir + ": " + OutputLock.reason(e), e);
        }
        return new OutputSet(dir);
    }

    /** Writes the file {@code name} (a name in the set's directory) as UTF-8 text, to be put in place by {@link #commit()}. */
    public OutputSet text(String name, Text text) {
        return bytes(name, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            text.writeTo(w);
            w.flush();
        });
    }

    /** {@link #text(String, Text)} of a string. */
    public OutputSet text(String name, String content) {
        return text(name, w -> w.write(content));
    }

    /** Writes the file {@code name} from a stream, to be put in place by {@link #commit()}. */
    public OutputSet bytes(String name, Bytes content) {
        if (committed) {
            throw new IllegalStateException("the set is committed");
        }
        if (name.isEmpty() || !Path.of(name).getFileName().toString().equals(name) || name.equals("..")) {
            throw new IllegalArgumentException("not a file name: " + name);
        }
        if (written.containsKey(name)) {
            throw new IllegalArgumentException(name + " is already in the set");
        }
        Path tmp = createTemporary(name);
        try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
            content.writeTo(out);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("cannot write " + dir.resolve(name) + ": " + OutputLock.reason(e), e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(tmp);
            throw e;
        }
        written.put(name, tmp);
        return this;
    }

    /** {@link #bytes(String, Bytes)} of an array. */
    public OutputSet bytes(String name, byte[] content) {
        return bytes(name, out -> out.write(content));
    }

    private Path createTemporary(String name) {
        while (true) {
            Path tmp = dir.resolve("." + name + "." + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36) + PARTIAL);
            try {
                // CREATE_NEW with the default permissions, so the final file has those a plain write would give it
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                // another name is drawn
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to " + dir + ": " + OutputLock.reason(e), e);
            }
        }
    }

    /** Puts every written file in place, replacing the previous ones (see the class comment). */
    public void commit() {
        if (committed) {
            throw new IllegalStateException("the set is committed");
        }
        committed = true;
        Path record;
        try {
            for (String name : written.keySet()) {
                if (Files.isDirectory(dir.resolve(name))) {
                    throw new IOException("is a directory: " + dir.resolve(name));
                }
            }
            if (written.size() == 1) {
                Map.Entry<String, Path> only = written.entrySet().iterator().next();
                move(only.getValue(), dir.resolve(only.getKey()));
                return;
            }
            record = written.isEmpty() ? null : writeCommitRecord();
        } catch (IOException e) {
            discard();
            throw cannotPutInPlace(e);
        }
        if (record == null) {
            return;
        }
        try {
            // from here on the new set is decided: a failure leaves the record, and recover() completes it
            for (Map.Entry<String, Path> e : written.entrySet()) {
                move(e.getValue(), dir.resolve(e.getKey()));
            }
            Files.delete(record);
        } catch (IOException e) {
            throw cannotPutInPlace(e);
        }
    }

    private UncheckedIOException cannotPutInPlace(IOException e) {
        return new UncheckedIOException("cannot put " + String.join(", ", written.keySet()) + " in place in " + dir + ": "
                + OutputLock.reason(e), e);
    }

    private Path writeCommitRecord() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Path> e : written.entrySet()) {
            sb.append(e.getValue().getFileName()).append('\t').append(e.getKey()).append('\n');
        }
        String id = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
        Path partial = dir.resolve(COMMIT_PREFIX + id + PARTIAL);
        Files.writeString(partial, sb, StandardCharsets.UTF_8);
        Path record = dir.resolve(COMMIT_PREFIX + id);
        move(partial, record);
        return record;
    }

    private static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes the temporary files of a set that was not committed; the previous files stay as they were. */
    @Override
    public void close() {
        if (!committed) {
            discard();
            committed = true;
        }
    }

    private void discard() {
        for (Path tmp : written.values()) {
            deleteQuietly(tmp);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary file that cannot be removed is harmless: it is hidden, and recover() removes it later
        }
    }

    /**
     * Completes the sets a killed command had begun to put in place in {@code dir}, and removes the
     * temporary files of sets it had not. Only for the holder of the directory's {@link OutputLock}: it
     * would undo the work of a set being written at the same time.
     *
     * @return the names of the files a completed commit put in place
     */
    static List<String> recover(Path dir) throws IOException {
        List<String> completed = new ArrayList<>();
        List<Path> records = new ArrayList<>();
        List<Path> partial = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".*")) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.endsWith(PARTIAL)) {
                    partial.add(p);
                } else if (name.startsWith(COMMIT_PREFIX)) {
                    records.add(p);
                }
            }
        }
        for (Path record : records) {
            for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    continue;
                }
                Path tmp = dir.resolve(line.substring(0, tab));
                if (Files.exists(tmp)) {
                    move(tmp, dir.resolve(line.substring(tab + 1)));
                    completed.add(line.substring(tab + 1));
                }
            }
            Files.delete(record);
        }
        for (Path p : partial) {
            Files.deleteIfExists(p);
        }
        return completed;
    }
}
