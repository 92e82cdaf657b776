package org.theorycheck.core.io;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the build leaves what it obtains once for every later run (data sets fetched from a package registry), shared by all
 * checkouts of a user: {@code $THEORYCHECK_CACHE}, else {@code $XDG_CACHE_HOME/theorycheck}, else
 * {@code ~/.cache/theorycheck}. {@code scripts/fetch-corpus.sh} applies the same rule.
 */
public final class CacheDirectory {

    private CacheDirectory() {}

    /** This process's user's cache, by the rule above. */
    public static Path root() {
        return root(System.getenv(), System.getProperty("user.home"));
    }

    /**
     * @param env  the environment (an empty value counts as unset, as in the script)
     * @param home the user's home directory
     */
    public static Path root(Map<String, String> env, String home) {
        String own = env.get("THEORYCHECK_CACHE");
        if (own != null && !own.isEmpty()) {
            return Path.of(own);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(home, ".cache");
        return base.resolve("theorycheck");
    }
}
