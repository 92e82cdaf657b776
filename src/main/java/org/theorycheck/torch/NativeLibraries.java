package org.theorycheck.torch;

import ai.djl.util.Platform;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;

/**
 * The native files that DJL extracted into the engine cache, held against their copies in the jars on the class
 * path before libtorch is loaded. DJL reuses an extracted directory as soon as it holds {@code libtorch.so}, and
 * the dynamic loader maps a truncated or altered library and ends the JVM with SIGBUS or SIGSEGV (exit 134),
 * which no Java handler can catch; a size and a CRC-32 per file, read from the jar's directory, catch that first
 * (about 0.1-0.3 s for libtorch's 446 MB, once per process).
 */
final class NativeLibraries {

    private static final String ENGINE = "pytorch";
    private static final String JNI_LIBRARY = System.mapLibraryName("djl_torch");

    private NativeLibraries() {}

    /**
     * Null if every file extracted under {@code engineCache} (DJL's cache of the PyTorch engine) matches the jar's
     * copy, or if nothing is extracted yet (DJL extracts it whole, into a temporary directory first); otherwise
     * one line naming the directory, what is wrong and what to do.
     */
    static String damage(Path engineCache, ClassLoader loader) {
        Platform platform;
        try {
            platform = Platform.detectPlatform(ENGINE);
        } catch (RuntimeException e) {
            return null;   // no native jar on the class path: starting the engine says so
        }
        if (platform.isPlaceholder()) {
            return null;
        }
        String flavor = platform.getFlavor();
        String classifier = platform.getClassifier();
        Path dir = engineCache.resolve(platform.getVersion() + '-' + flavor + '-' + classifier);
        if (!Files.isDirectory(dir)) {
            return null;
        }
        List<String> problems = new ArrayList<>();
        for (String library : platform.getLibraries()) {
            String problem = compare(dir.resolve(library), loader.getResource(ENGINE + '/' + flavor + '/' + classifier + '/' + library),
                    true);
            if (problem != null) {
                problems.add(problem);
            }
        }
        // DJL extracts its JNI library on its own when it is missing, so only a present one is compared
        String jni = compare(dir.resolve(platform.getApiVersion() + '-' + JNI_LIBRARY),
                loader.getResource("jnilib/" + classifier + '/' + flavor + '/' + JNI_LIBRARY), false);
        if (jni != null) {
            problems.add(jni);
        }
        if (problems.isEmpty()) {
            return null;
        }
        return "the libtorch extracted in " + dir + " is damaged (" + String.join("; ", problems) + "); delete that directory "
                + "and run again: it is extracted anew from the jar";
    }

    /** Null if {@code file} is the jar entry at {@code resource} (or the resource is not in a jar), else why not. */
    private static String compare(Path file, URL resource, boolean required) {
        if (resource == null || !"jar".equals(resource.getProtocol())) {
            return null;
        }
        JarEntry entry;
        try {
            JarURLConnection connection = (JarURLConnection) resource.openConnection();
            connection.setUseCaches(false);
            entry = connection.getJarEntry();
        } catch (IOException e) {
            return null;   // the jar cannot be read: loading the engine reports it
        }
        String name = file.getFileName().toString();
        try {
            if (!Files.exists(file)) {
                return required ? name + " is missing" : null;
            }
            long size = Files.size(file);
            if (entry.getSize() >= 0 && size != entry.getSize()) {
                return String.format(Locale.ROOT, "%s has %,d bytes where the jar's copy has %,d", name, size, entry.getSize());
            }
            if (entry.getCrc() >= 0) {
                long crc = crc32(file);
                if (crc != entry.getCrc()) {
                    return String.format(Locale.ROOT, "%s differs from the jar's copy (CRC-32 %08x, the jar's %08x)", name, crc,
                            entry.getCrc());
                }
            }
            return null;
        } catch (IOException e) {
            return name + " cannot be read (" + e.getMessage() + ")";
        }
    }

    static long crc32(Path file) throws IOException {
        CRC32 crc = new CRC32();
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel channel = FileChannel.open(file)) {
            while (channel.read(buffer) > 0) {
                buffer.flip();
                crc.update(buffer);
                buffer.clear();
            }
        }
        return crc.getValue();
    }
}
