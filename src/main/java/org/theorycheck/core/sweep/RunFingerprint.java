package org.theorycheck.core.sweep;

import org.theorycheck.core.experiment.ExperimentValues;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the runs of a sweep depend on besides what each journal row holds itself (its swept values
 * and its seed): the theory, the version of the code that computes a run ({@link #CODE_VERSION}), and the
 * experiment's {@link org.theorycheck.core.experiment.Experiment#fingerprint() fingerprint} — every key that
 * changes a run, canonical, its rung included — with the swept keys, and the keys whose value follows from
 * them (as one rate follows a swept ratio of rates), marked {@value #FROM_THE_GRID}. A journal keeps it
 * beside its rows, and every row carries its {@link #hash()}, so that a sweep reuses a row only if it would
 * compute the very same run.
 *
 * <p>Left out: the keys a theory declares as changing no number a run computes (such as how often a run
 * saves a checkpoint), the experiment's name and its seeds. Adding seeds or grid values to a sweep
 * therefore keeps its journal: the runs it holds are still runs of the larger grid.
 *
 * @param entries key → value, in the canonical order, {@code code} first
 */
public record RunFingerprint(Map<String, String> entries) {

    /**
     * The version of the code that computes a sweep's runs. Bump it in any change after which some run
     * (an experiment and a seed, on any rung or corpus) records other numbers than before — its arithmetic,
     * its random streams, its data, or the observables a sweep keeps — so that a sweep resumed on a journal
     * of the older code is refused instead of mixing old numbers with new ones. A change that leaves every
     * number as it was (speed, messages, files other than the journal) does not bump it.
     */
    public static final int CODE_VERSION = 2;

    /** The value of a key that differs from cell to cell, which each row holds or implies. */
    static final String FROM_THE_GRID = "(from the grid)";
    private static final String HEADER = """
            # What every run in runs.journal.csv was computed with: the experiment, resolved and in a fixed key
            # order, less the seed and the swept keys that each row holds. A sweep reuses a row only if its own
            # fingerprint is this one (each row ends with it, then with the checksum of the row).
            """;
    private static final String FINGERPRINT_KEY = "fingerprint";

    public RunFingerprint {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** The fingerprint of the runs of {@code plan}. */
    public static RunFingerprint of(SweepPlan<?> plan) {
        List<Map<String, String>> cells = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (SweepPlan.Cell<?> cell : plan.cells()) {
            Map<String, String> canonical = ExperimentValues.fingerprintEntries(cell.config().fingerprint());
            cells.add(canonical);
            keys.addAll(canonical.keySet());
        }
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("theory", plan.theory());
        entries.put("code", Integer.toString(CODE_VERSION));
        for (String key : keys) {
            String first = cells.get(0).get(key);
            boolean varies = plan.keys().contains(key) || cells.stream().anyMatch(c -> !Objects.equals(c.get(key), first));
            entries.put(key, varies ? FROM_THE_GRID : first);
        }
        return new RunFingerprint(entries);
    }

    /** 16 hexadecimal digits of the SHA-256 of {@link #text()}: what each journal row carries. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private String body() {
        StringBuilder sb = new StringBuilder();
        entries.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }

    /** The text a journal keeps beside its rows: a comment, the hash, then one {@code key: value} line per entry. */
    public String text() {
        return HEADER + FINGERPRINT_KEY + ": " + hash() + "\n" + body();
    }

    /** Reads {@link #text()} back; null if the text is not one (damaged, or its hash does not match its entries). */
    public static RunFingerprint parse(String text) {
        Map<String, String> entries = new LinkedHashMap<>();
        String stated = null;
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(": ");
            if (colon <= 0) {
                return null;
            }
            String key = line.substring(0, colon);
            String value = line.substring(colon + 2);
            if (key.equals(FINGERPRINT_KEY) && stated == null && entries.isEmpty()) {
                stated = value;
            } else if (entries.put(key, value) != null) {
                return null;
            }
        }
        RunFingerprint f = new RunFingerprint(entries);
        return stated != null && stated.equals(f.hash()) ? f : null;
    }

    /** How {@code newer} differs from this fingerprint, as "key old -> new" joined by ", " (empty if in nothing). */
    public String differences(RunFingerprint newer) {
        Set<String> keys = new LinkedHashSet<>(entries.keySet());
        keys.addAll(newer.entries.keySet());
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            String before = entries.getOrDefault(key, "(none)");
            String after = newer.entries.getOrDefault(key, "(none)");
            if (!before.equals(after)) {
                out.add(key + " " + before + " -> " + after);
            }
        }
        return String.join(", ", out);
    }
}
