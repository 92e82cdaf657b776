package org.theorycheck.core.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values of one experiment file (with its overrides), or of one cell of its sweep grid, as a theory
 * binds them: typed reads that fall back to the keys' defaults, and errors that name the file, the line
 * and the key. Construction checks what every theory shares: no unknown key, no axis over a key that
 * cannot be swept, no two rival keys at once, and a {@code theory} key (if any) that names this theory.
 */
public final class ExperimentValues {

    /**
     * The most runs (grid cells × seeds) one sweep may have. The largest sweep of a bundled paper (Scan and
     * Snap's Fig. 6) has 640; at the cheapest run, tens of milliseconds, 100,000 are about an hour of CPU, and a
     * sweep keeps a plan, a journal row and a table row per run. A range like seeds=1..50000000 used to build
     * its list until the heap ran out.
     */
    public static final int MAX_RUNS = 100_000;
    private static final String MAX_RUNS_REASON = "the runs of one sweep, grid x seeds, 640 in the largest bundled sweep";

    private final ExperimentFile<?> file;
    private final ExperimentKeys keys;
    private final Map<String, String> cell;

    ExperimentValues(ExperimentFile<?> file, String theory, Map<String, String> cell) {
        this.file = file;
        this.keys = file.keys();
        this.cell = cell;
        checkKeys(theory);
    }

    private void checkKeys(String theory) {
        for (Map.Entry<String, ExperimentFile.Entry> e : file.entries().entrySet()) {
            String key = e.getKey();
            int line = e.getValue().line();
            if (key.startsWith(ExperimentFile.SWEEP_PREFIX)) {
                String swept = key.substring(ExperimentFile.SWEEP_PREFIX.length());
                if (!keys.isSweepable(swept)) {
                    throw new ConfigException(file.source(), line, key, "cannot be swept; sweepable keys: "
                            + String.join(", ", keys.sweepable()));
                }
                JsonNode v = e.getValue().value();
                if (!v.isArray() || v.isEmpty() || !allScalars(v)) {
                    throw new ConfigException(file.source(), line, key, "a sweep axis is a non-empty list of values");
                }
            } else if (!keys.isKey(key)) {
                throw new ConfigException(file.source(), line, key, "unknown key; allowed keys: "
                        + String.join(", ", keys.names()) + ", and sweep.<key>");
            }
        }
        for (String key : keys.names()) {
            String rival = keys.rival(key).orElse(null);
            if (rival != null && key.compareTo(rival) < 0 && present(key) && present(rival)) {
                String first = keys.names().indexOf(key) < keys.names().indexOf(rival) ? rival : key;
                String second = first.equals(key) ? rival : key;
                throw error(first, "give " + first + " or " + second + ", not both (" + second.substring(second.lastIndexOf('.') + 1)
                        + " is at " + where(second) + ")");
            }
        }
        String named = text(ExperimentKeys.THEORY);
        if (!named.isEmpty() && !named.equals(theory)) {
            throw error(ExperimentKeys.THEORY, "this file is read as an experiment of theory " + theory
                    + ", but it names theory '" + named + "'");
        }
    }

    private static boolean allScalars(JsonNode list) {
        for (JsonNode v : list) {
            if (!v.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    /** Where the values come from, for messages. */
    public String source() {
        return file.source();
    }

    /** The experiment's name: its {@code name} key, else the file name without .yaml. */
    public String name() {
        String name = text(ExperimentKeys.NAME);
        if (name.isEmpty()) {
            String fileName = Path.of(file.source()).getFileName().toString();
            name = fileName.replaceFirst("\\.ya?ml$", "");
        }
        return name;
    }

    /** Whether the key is given: in the file, by an override, as a sweep axis or by the cell. */
    public boolean present(String key) {
        return cell.containsKey(key) || file.entries().containsKey(key)
                || file.entries().containsKey(ExperimentFile.SWEEP_PREFIX + key);
    }

    /** Where a key was given ("line 12", "override k=v"), or "the sweep cell". */
    public String where(String key) {
        ExperimentFile.Entry e = file.entries().get(key);
        if (e == null) {
            e = file.entries().get(ExperimentFile.SWEEP_PREFIX + key);
        }
        return e == null ? "the sweep cell" : e.origin();
    }

    /** A bad-input error about a key, at the line that gave it (or its sweep axis, or the command line). */
    public ConfigException error(String key, String problem) {
        ExperimentFile.Entry e = file.entries().get(key);
        if (cell.containsKey(key) || e == null) {
            ExperimentFile.Entry axis = file.entries().get(ExperimentFile.SWEEP_PREFIX + key);
            int line = axis == null ? 0 : axis.line();
            String suffix = cell.containsKey(key) ? " (sweep value " + cell.get(key) + ")" : "";
            return new ConfigException(file.source(), line, key, problem + suffix);
        }
        String suffix = e.line() == 0 ? " (from " + e.origin() + ")" : "";
        return new ConfigException(file.source(), e.line(), key, problem + suffix);
    }

    /** The key's value: the cell's, the file's (or an override's), the first of its axis, or the default. */
    public JsonNode node(String key) {
        if (cell.containsKey(key)) {
            try {
                return ExperimentFile.YAML.readTree(cell.get(key));
            } catch (JsonProcessingException ex) {
                throw error(key, "cannot read value " + cell.get(key));
            }
        }
        ExperimentFile.Entry e = file.entries().get(key);
        if (e != null) {
            return e.value();
        }
        ExperimentFile.Entry axis = file.entries().get(ExperimentFile.SWEEP_PREFIX + key);
        if (axis != null) {
            return axis.value().get(0);
        }
        try {
            return ExperimentFile.YAML.readTree(keys.key(key).fallback());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("bad default for " + key, ex);
        }
    }

    public String text(String key) {
        JsonNode n = node(key);
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "";
        }
        if (!n.isValueNode()) {
            throw error(key, "must be a single value");
        }
        return n.asText();
    }

    /**
     * An integer in [min, 2³¹ − 1]; a number written as a float ({@code 1e6}) is one if it is a whole number in
     * that range. The message states the range, and why a value is not in it.
     */
    public int integer(String key, int min) {
        JsonNode n = node(key);
        String range = String.format(Locale.ROOT, "must be an integer from %,d to %,d", min, Integer.MAX_VALUE);
        BigDecimal value = finite(n);
        if (value == null) {
            throw error(key, range + ", got " + show(n));
        }
        if (!isWhole(value)) {
            throw error(key, range + ", got " + show(n) + ", which is not a whole number");
        }
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw error(key, range + ", got " + plain(value));
        }
        return value.intValueExact();
    }

    /** The exact value of a finite number, null for anything else. */
    private static BigDecimal finite(JsonNode n) {
        if (n == null || !n.isNumber() || n.isFloatingPointNumber() && !Double.isFinite(n.doubleValue())) {
            return null;
        }
        return n.decimalValue();
    }

    private static boolean isWhole(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    private static String plain(BigDecimal value) {
        return value.abs().compareTo(BigDecimal.valueOf(1e15)) < 0 ? value.toBigInteger().toString() : value.toString();
    }

    public double number(String key) {
        JsonNode n = node(key);
        if (n == null || !n.isNumber() || !Double.isFinite(n.doubleValue())) {
            throw error(key, "must be a finite number, got " + show(n));
        }
        return n.doubleValue();
    }

    public double positive(String key) {
        double v = number(key);
        if (v <= 0) {
            throw error(key, "must be > 0, got " + v);
        }
        return v;
    }

    public boolean bool(String key) {
        JsonNode n = node(key);
        if (n == null || !n.isBoolean()) {
            throw error(key, "must be true or false, got " + show(n));
        }
        return n.booleanValue();
    }

    public String choice(String key, String... allowed) {
        String v = text(key);
        for (String a : allowed) {
            if (a.equals(v)) {
                return v;
            }
        }
        throw error(key, "must be one of " + String.join(" | ", allowed) + ", got " + show(node(key)));
    }

    /** The seeds: an integer, a range like 1..10, or a list like [1, 5]; distinct; at most {@link #MAX_RUNS}. */
    public List<Long> seeds() {
        String key = ExperimentKeys.SEEDS;
        JsonNode n = node(key);
        List<Long> seeds = new ArrayList<>();
        if (n.isNumber()) {
            seeds.add(seed(n));
        } else if (n.isArray() && !n.isEmpty()) {
            requireAtMostMaxRuns(n.size());
            for (JsonNode v : n) {
                seeds.add(seed(v));
            }
        } else if (n.isTextual() && n.asText().matches("\\s*-?\\d{1,18}\\s*\\.\\.\\s*-?\\d{1,18}\\s*")) {
            String[] parts = n.asText().split("\\.\\.");
            long from = Long.parseLong(parts[0].trim());
            long to = Long.parseLong(parts[1].trim());
            if (to < from) {
                throw error(key, "range " + n.asText() + " is empty");
            }
            requireAtMostMaxRuns(to - from + 1);
            for (long s = from; s <= to; s++) {
                seeds.add(s);
            }
        } else {
            throw error(key, "must be an integer, a range like 1..10, or a list like [1, 5]; got " + show(n));
        }
        if (seeds.stream().distinct().count() != seeds.size()) {
            throw error(key, "seeds must be distinct, got " + seeds);
        }
        return seeds;
    }

    /** A seed: any long, also written as a float that is a whole number ({@code 1e3}). */
    private long seed(JsonNode v) {
        BigDecimal value = finite(v);
        if (value == null || !isWhole(value) || value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0
                || value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw error(ExperimentKeys.SEEDS, String.format(Locale.ROOT, "seeds must be integers from %,d to %,d, got %s",
                    Long.MIN_VALUE, Long.MAX_VALUE, show(v)));
        }
        return value.longValueExact();
    }

    private void requireAtMostMaxRuns(long seeds) {
        if (seeds > MAX_RUNS) {
            throw error(ExperimentKeys.SEEDS, String.format(Locale.ROOT, "%,d seeds; an experiment may have at most %,d (%s)",
                    seeds, MAX_RUNS, MAX_RUNS_REASON));
        }
    }

    /**
     * The axes still swept (those the cell does not fix), in file order, their grid × seeds at most
     * {@link #MAX_RUNS} runs, counted before any cell is expanded.
     */
    public List<SweepAxis> sweepAxes() {
        List<SweepAxis> axes = axes();
        requireBoundedRuns(seeds().size(), axes);
        return axes;
    }

    private void requireBoundedRuns(long seeds, List<SweepAxis> axes) {
        long runs = seeds;
        SweepAxis longest = null;
        StringBuilder product = new StringBuilder();
        for (SweepAxis axis : axes) {
            runs = Math.multiplyHigh(runs, axis.values().size()) != 0 ? Long.MAX_VALUE : runs * axis.values().size();
            product.append(axis.values().size()).append(" values of ").append(axis.key()).append(" x ");
            if (longest == null || axis.values().size() > longest.values().size()) {
                longest = axis;
            }
        }
        if (runs > MAX_RUNS && longest != null) {
            throw error(longest.key(), String.format(Locale.ROOT, "the sweep has %s%,d seeds = %s runs; a sweep may have at "
                    + "most %,d (%s): sweep fewer values, or split the grid into several sweeps, each with its own --out",
                    product, seeds, runs == Long.MAX_VALUE ? "more than 9e18" : String.format(Locale.ROOT, "%,d", runs),
                    MAX_RUNS, MAX_RUNS_REASON));
        }
    }

    private List<SweepAxis> axes() {
        List<SweepAxis> axes = new ArrayList<>();
        for (Map.Entry<String, ExperimentFile.Entry> e : file.entries().entrySet()) {
            if (!e.getKey().startsWith(ExperimentFile.SWEEP_PREFIX)) {
                continue;
            }
            String key = e.getKey().substring(ExperimentFile.SWEEP_PREFIX.length());
            if (cell.containsKey(key)) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (JsonNode v : e.getValue().value()) {
                values.add(v.asText());
            }
            axes.add(new SweepAxis(key, values));
        }
        return axes;
    }

    /**
     * Everything a run depends on: one {@code key=value} line for each key that changes runs, in
     * declaration order, with its value as the file, an override, the cell or the default gives it,
     * written by its type (so {@code 1} and {@code 1.0} of a number are one value). A key whose rival is
     * given instead is left out. Swept keys that the cell does not fix are written as their axes.
     */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder();
        for (ExperimentKeys.Key k : keys.all()) {
            if (!k.changesRuns()) {
                continue;
            }
            String rival = keys.rival(k.name()).orElse(null);
            if (rival != null && !present(k.name()) && present(rival)) {
                continue;
            }
            String value;
            ExperimentFile.Entry axis = file.entries().get(ExperimentFile.SWEEP_PREFIX + k.name());
            if (axis != null && !cell.containsKey(k.name()) && !file.entries().containsKey(k.name())) {
                List<String> values = new ArrayList<>();
                axis.value().forEach(v -> values.add(canonical(k.kind(), v)));
                value = "sweep " + values;
            } else {
                value = canonical(k.kind(), node(k.name()));
            }
            sb.append(k.name()).append('=').append(value).append('\n');
        }
        return sb.toString();
    }

    /** A {@link #fingerprint()} read back: key → value, in its order. */
    public static Map<String, String> fingerprintEntries(String fingerprint) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : fingerprint.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return out;
    }

    private static String canonical(ExperimentKeys.Kind kind, JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "";
        }
        if (n.isArray()) {
            List<String> parts = new ArrayList<>();
            n.forEach(v -> parts.add(canonical(ExperimentKeys.Kind.NUMBER, v)));
            return parts.toString();
        }
        if (n.isNumber() && (kind == ExperimentKeys.Kind.NUMBER || kind == ExperimentKeys.Kind.LIST)) {
            return Double.toString(n.doubleValue());
        }
        if (n.isNumber() && kind == ExperimentKeys.Kind.INTEGER && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < 1e18) {
            return Long.toString((long) n.doubleValue());
        }
        return n.asText();
    }

    /** A value as messages show it. */
    public static String show(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        return n.isTextual() ? "'" + n.asText() + "'" : n.toString();
    }
}
