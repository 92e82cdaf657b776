package org.theorycheck.theories.scansnap.experiment;

import java.util.Locale;

/**
 * Whether the YZ model of an experiment can exist in this JVM, decided before anything is allocated:
 * Y and Z are M×M matrices of doubles, each stored as one Java array, so M² must be a valid array length
 * and 16·M² bytes — a lower bound of what every rung needs — must fit in the maximum heap.
 */
final class ModelSize {

    /** The longest Java array (a little below Integer.MAX_VALUE on every common JVM). */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private ModelSize() {}

    /** At least this many bytes: Y and Z, M×M doubles each. */
    static long bytesAtLeast(DataSpec data) {
        long m = data.vocabulary();
        return 16 * m * m;
    }

    /**
     * Null if the model fits; otherwise what is wrong, with the estimate and the limit.
     *
     * @param maxHeap the largest heap the JVM may use (bytes)
     */
    static String problem(DataSpec data, long maxHeap) {
        long m = data.vocabulary();
        String layout = "M = C + Q*C_q + K*D + Q + K = " + m + " tokens";
        if (m * m > MAX_ARRAY) {
            return "the model would need M x M = " + m * m + " entries in one array (" + layout
                    + "); Java arrays hold at most " + MAX_ARRAY + ", so M can be at most " + (long) Math.sqrt(MAX_ARRAY);
        }
        long bytes = bytesAtLeast(data);
        if (bytes > maxHeap) {
            return String.format(Locale.ROOT, "the model needs at least %.1f GB for Y and Z (%s) but this JVM may "
                    + "use %.1f GB (raise it with java -Xmx)", bytes / 1e9, layout, maxHeap / 1e9);
        }
        return null;
    }

    /** The data key that contributes most to M, to name in the error: the largest of Q, R, D and C. */
    static String keyToLower(DataSpec data) {
        String key = "data.queries";
        long largest = data.queries();
        if (data.nextPerQuery() > largest) {
            key = "data.next_per_query";
            largest = data.nextPerQuery();
        }
        if (data.distinctPerNext() > largest) {
            key = "data.distinct_per_next";
            largest = data.distinctPerNext();
        }
        if (data.common() > largest) {
            key = "data.common";
        }
        return key;
    }
}
