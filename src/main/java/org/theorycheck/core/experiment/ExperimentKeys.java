package org.theorycheck.core.experiment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys a theory's experiment files may hold: their types, their defaults, whether a sweep may vary
 * them, whether they change what a run computes, and which keys exclude each other. Every theory's keys
 * start with the three the core reads itself: {@code theory} (the theory's id; optional in a file that
 * lies in its theory's {@code experiments/<id>/} folder), {@code name} and {@code seeds}.
 */
public final class ExperimentKeys {

    /** The value's type: what the file may write, and how the value is written in a fingerprint. */
    public enum Kind {
        /** An integer. */
        INTEGER,
        /** A finite number. */
        NUMBER,
        /** true or false. */
        BOOLEAN,
        /** A word or a choice among words. */
        TEXT,
        /** A list of scalars (never swept: a list value is the value itself). */
        LIST,
        /** Seeds: an integer, a range like 1..10 or a list like [1, 5]. */
        SEEDS
    }

    /**
     * One key.
     *
     * @param name        the dotted name, e.g. {@code train.batch}
     * @param kind        its type
     * @param fallback    its default, as YAML text ("" for none)
     * @param sweepable   whether {@code sweep:} or an override {@code key=[a,b]} may vary it
     * @param changesRuns whether its value changes what a run computes (and so enters the fingerprint)
     */
    public record Key(String name, Kind kind, String fallback, boolean sweepable, boolean changesRuns) {}

    /** The key naming the theory. */
    public static final String THEORY = "theory";
    /** The key naming the experiment. */
    public static final String NAME = "name";
    /** The key listing the seeds. */
    public static final String SEEDS = "seeds";

    private final Map<String, Key> keys;
    private final Map<String, String> rivals;

    private ExperimentKeys(Map<String, Key> keys, Map<String, String> rivals) {
        this.keys = keys;
        this.rivals = rivals;
    }

    /** A builder that already holds {@code theory}, {@code name} and {@code seeds}. */
    public static Builder builder() {
        return new Builder();
    }

    public boolean isKey(String name) {
        return keys.containsKey(name);
    }

    public boolean isSweepable(String name) {
        Key k = keys.get(name);
        return k != null && k.sweepable();
    }

    public Key key(String name) {
        Key k = keys.get(name);
        if (k == null) {
            throw new IllegalArgumentException("no key " + name);
        }
        return k;
    }

    /** Every key, in declaration order. */
    public Collection<Key> all() {
        return keys.values();
    }

    /** The names, in declaration order. */
    public List<String> names() {
        return new ArrayList<>(keys.keySet());
    }

    /** The sweepable names, in declaration order. */
    public List<String> sweepable() {
        return keys.values().stream().filter(Key::sweepable).map(Key::name).toList();
    }

    /** The key that excludes this one (giving one drops the other), if any. */
    public Optional<String> rival(String name) {
        return Optional.ofNullable(rivals.get(name));
    }

    /** Declares keys in order. Each declaration is sweepable and changes runs unless marked otherwise. */
    public static final class Builder {
        private final Map<String, Key> keys = new LinkedHashMap<>();
        private final Map<String, String> rivals = new LinkedHashMap<>();

        private Builder() {
            add(THEORY, Kind.TEXT, "", false, false);
            add(NAME, Kind.TEXT, "", false, false);
            add(SEEDS, Kind.SEEDS, "1", false, false);
        }

        public Builder integer(String name, String fallback) {
            return add(name, Kind.INTEGER, fallback, true, true);
        }

        public Builder number(String name, String fallback) {
            return add(name, Kind.NUMBER, fallback, true, true);
        }

        public Builder bool(String name, String fallback) {
            return add(name, Kind.BOOLEAN, fallback, true, true);
        }

        public Builder text(String name, String fallback) {
            return add(name, Kind.TEXT, fallback, true, true);
        }

        public Builder list(String name, String fallback) {
            return add(name, Kind.LIST, fallback, false, true);
        }

        /** The named keys may not be swept (e.g. a file location, or what selects a whole section). */
        public Builder fixed(String... names) {
            for (String n : names) {
                Key k = existing(n);
                keys.put(n, new Key(n, k.kind(), k.fallback(), false, k.changesRuns()));
            }
            return this;
        }

        /** The named keys do not change what a run computes (e.g. how often it saves a checkpoint). */
        public Builder outsideRuns(String... names) {
            for (String n : names) {
                Key k = existing(n);
                keys.put(n, new Key(n, k.kind(), k.fallback(), k.sweepable(), false));
            }
            return this;
        }

        /** Two keys that say the same thing two ways: a file gives one; an override of one drops the other. */
        public Builder rivals(String a, String b) {
            existing(a);
            existing(b);
            rivals.put(a, b);
            rivals.put(b, a);
            return this;
        }

        public ExperimentKeys build() {
            return new ExperimentKeys(new LinkedHashMap<>(keys), new LinkedHashMap<>(rivals));
        }

        private Builder add(String name, Kind kind, String fallback, boolean sweepable, boolean changesRuns) {
            if (keys.containsKey(name)) {
                throw new IllegalArgumentException("key " + name + " is declared twice");
            }
            keys.put(name, new Key(name, kind, fallback, sweepable, changesRuns));
            return this;
        }

        private Key existing(String name) {
            Key k = keys.get(name);
            if (k == null) {
                throw new IllegalArgumentException("no key " + name + " has been declared");
            }
            return k;
        }
    }
}
