package org.theorycheck.core.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Gzip'd ustar archives made in memory, as npm packs them, for tests of what reads them. */
public final class Tarballs {

    private Tarballs() {}

    /**
     * An archive of the given entries in map order: a regular file each, except a name ending in {@code /},
     * which is a directory (type 5, no data). Names longer than 100 bytes go in the ustar prefix field.
     */
    public static byte[] tgz(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : entries.entrySet()) {
                String path = f.getKey();
                byte[] data = path.endsWith("/") ? new byte[0] : f.getValue();
                byte[] header = new byte[512];
                String name = path;
                if (path.length() > 100) {
                    int cut = path.lastIndexOf('/', path.length() - 1);
                    put(header, 345, path.substring(0, cut));
                    name = path.substring(cut + 1);
                }
                put(header, 0, name);
                put(header, 124, String.format("%011o", data.length));
                header[156] = (byte) (path.endsWith("/") ? '5' : '0');
                gz.write(header);
                gz.write(data);
                gz.write(new byte[(512 - data.length % 512) % 512]);
            }
            gz.write(new byte[1024]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(byte[] header, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, at, bytes.length);
    }
}
