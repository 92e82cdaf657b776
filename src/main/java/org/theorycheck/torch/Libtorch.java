package org.theorycheck.torch;

import org.theorycheck.core.engine.EngineUnavailableException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.util.Utils;
import org.theorycheck.core.io.CacheDirectory;

import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one PyTorch engine of the process (DJL's, which is a process-wide singleton by construction).
 * Started on first use, never from the network: DJL's offline mode is switched on before the engine
 * loads, libtorch comes from the {@code pytorch-native-cpu} jar on the class path, and its native files
 * are extracted once into the engine cache directory. DJL extracts into a fresh temporary directory and
 * moves it into place atomically, so JVMs that start at the same time on an empty cache are safe.
 *
 * <p>Cache directory: the {@code ENGINE_CACHE_DIR} or {@code DJL_CACHE_DIR} that DJL reads (environment or
 * system property) if one is set, otherwise the project's cache ({@link CacheDirectory}: the one the
 * build keeps the corpus in). Intra-op threads: {@code THEORYCHECK_TORCH_THREADS} (environment), 1 if
 * unset, so runs are reproducible bit for bit at the default.
 *
 * <p>Before libtorch is loaded, the files already extracted are held against the jar's ({@link NativeLibraries}):
 * a damaged copy would end the JVM with a signal; it is refused with one line naming the directory to delete.
 */
public final class Libtorch {

    /** The native artifact that carries libtorch; named in the error when it is missing. */
    public static final String NATIVE_ARTIFACT = "ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64";

    /** A file of that artifact that DJL reads to find libtorch in the class path. */
    private static final String NATIVE_LIBRARY_INDEX = "native/lib/pytorch.properties";

    /**
     * DJL lets one gradient collector record at a time in the whole process; concurrent runs (checks of
     * {@code verify} on a thread pool) take turns for the forward and backward pass of a step.
     */
    private static final ReentrantLock GRADIENT = new ReentrantLock();

    private static Engine engine;

    private Libtorch() {}

    /** Starts the engine if needed and returns it. */
    public static synchronized Engine get() {
        if (engine == null) {
            System.setProperty("ai.djl.offline", "true");
            if (setting("ENGINE_CACHE_DIR") == null && setting("DJL_CACHE_DIR") == null) {
                System.setProperty("ENGINE_CACHE_DIR", defaultCache().toString());
            }
            if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
                System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads()));
            }
            if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
                System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
            }
            String damage = NativeLibraries.damage(Utils.getEngineCacheDir("pytorch"), Libtorch.class.getClassLoader());
            if (damage != null) {
                throw new EngineUnavailableException(damage, null);
            }
            try {
                engine = Engine.getEngine("PyTorch");
            } catch (RuntimeException | UnsatisfiedLinkError e) {
                if (Libtorch.class.getClassLoader().getResource(NATIVE_LIBRARY_INDEX) == null) {
                    // Without it DJL looks for a download index, which offline mode forbids, and says only that; a
                    // libtorch extracted earlier is not found either, as its cache directory is named after the jar's build.
                    throw new EngineUnavailableException("cannot start libtorch: " + NATIVE_ARTIFACT + " is not on the class "
                            + "path; target/theorycheck.jar contains it, a class path of your own needs that artifact "
                            + "(DJL said: " + e.getMessage() + ")", e);
                }
                throw new EngineUnavailableException("cannot start libtorch (" + e.getMessage() + "); the transformer rung needs "
                        + NATIVE_ARTIFACT + " and ai.djl.pytorch:pytorch-jni:2.7.1-0.36.0 on the class path "
                        + "(both are in target/theorycheck.jar) and a writable engine cache directory (" + cacheDescription() + ")", e);
            }
        }
        return engine;
    }

    /** A fresh top-level array manager on the CPU; the caller closes it. */
    public static NDManager newManager() {
        return get().newBaseManager();
    }

    /** The lock a training step holds while its gradient collector records. */
    public static ReentrantLock gradientLock() {
        return GRADIENT;
    }

    /** The intra-op thread count libtorch uses. */
    public static int threads() {
        String v = System.getenv("THEORYCHECK_TORCH_THREADS");
        if (v == null || v.isBlank()) {
            return 1;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new EngineUnavailableException("THEORYCHECK_TORCH_THREADS must be a positive integer, got '" + v + "'", null);
    }

    private static String setting(String name) {
        String v = System.getenv(name);
        if (v == null || v.isEmpty()) {
            v = System.getProperty(name);
        }
        return v == null || v.isEmpty() ? null : v;
    }

    private static Path defaultCache() {
        return CacheDirectory.root();
    }

    private static String cacheDescription() {
        String v = setting("ENGINE_CACHE_DIR");
        return v != null ? v : setting("DJL_CACHE_DIR") != null ? setting("DJL_CACHE_DIR") : defaultCache().toString();
    }
}
