package org.theorycheck.core.claims;


import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One parameter a quantity accepts in a check's {@code params}: its name, type, allowed values or
 * range, and default. Claim files are validated against these declarations when they are loaded, so a
 * misspelt value is an error that names the allowed ones, never a silent default. A quantity lists its
 * parameters in {@link Quantity#parameters()} with the factories below, for example
 * {@code List.of(Parameter.choice("direction", "decrease", "decrease", "increase"),
 * Parameter.integer("samples", 2000, 1, 1_000_000))}.
 *
 * @param name     the key in {@code params}
 * @param type     what values are allowed
 * @param list     whether the value is a list of such values (a single value is read as a list of one)
 * @param fallback the value when the check does not set it; null if it has none (then it is either
 *                 required or derived by the quantity from the experiment, see {@link CheckContext#has})
 * @param required whether a check must set it
 * @param choices  the allowed values of a {@link Type#CHOICE}
 * @param min      the smallest allowed number (inclusive)
 * @param max      the largest allowed number (inclusive)
 */
public record Parameter(String name, Type type, boolean list, Object fallback, boolean required,
                        List<String> choices, double min, double max) {

    /** What values a parameter takes. */
    public enum Type {
        /** One of a fixed set of words. */
        CHOICE,
        /** A whole number in [min, max]. */
        INTEGER,
        /** A finite number in [min, max]. */
        NUMBER,
        /** A key that the check's experiment sweeps (its {@code sweep:} section), e.g. {@code train.rate}. */
        SWEPT_KEY,
        /** A rung of the ladder other than symbolic; it must be able to run the check's experiment. */
        RUNG,
        /** Any non-empty text. */
        TEXT
    }

    /** The lower bound of {@link #positive}: numbers above 0. */
    public static final double POSITIVE = Double.MIN_VALUE;

    public Parameter {
        choices = List.copyOf(choices);
        if (required && fallback != null) {
            throw new IllegalArgumentException("parameter " + name + " is required and has a default");
        }
    }

    /** One of {@code allowed}; {@code fallback} (one of them) if not set. */
    public static Parameter choice(String name, String fallback, String... allowed) {
        if (!List.of(allowed).contains(fallback)) {
            throw new IllegalArgumentException("default " + fallback + " of " + name + " is not allowed");
        }
        return new Parameter(name, Type.CHOICE, false, fallback, false, List.of(allowed), 0, 0);
    }

    /** A whole number in [min, max]. */
    public static Parameter integer(String name, long fallback, long min, long max) {
        return new Parameter(name, Type.INTEGER, false, fallback, false, List.of(), min, max);
    }

    /** A number in [min, max]. */
    public static Parameter number(String name, double fallback, double min, double max) {
        return new Parameter(name, Type.NUMBER, false, fallback, false, List.of(), min, max);
    }

    /** A positive number at most {@code max}. */
    public static Parameter positive(String name, double fallback, double max) {
        return number(name, fallback, POSITIVE, max);
    }

    /**
     * A list of numbers in [min, max]; with no {@code fallback} values the quantity derives a default
     * from the experiment.
     */
    public static Parameter numbers(String name, double min, double max, double... fallback) {
        Object def = fallback.length == 0 ? null : Arrays.stream(fallback).boxed().toList();
        return new Parameter(name, Type.NUMBER, true, def, false, List.of(), min, max);
    }

    /**
     * A list of whole numbers in [min, max]; with no {@code fallback} values the quantity derives a
     * default from the experiment.
     */
    public static Parameter integers(String name, long min, long max, long... fallback) {
        Object def = fallback.length == 0 ? null : Arrays.stream(fallback).boxed().toList();
        return new Parameter(name, Type.INTEGER, true, def, false, List.of(), min, max);
    }

    /** A key swept by the check's experiment. */
    public static Parameter sweptKey(String name, String fallback) {
        return new Parameter(name, Type.SWEPT_KEY, false, fallback, false, List.of(), 0, 0);
    }

    /** A rung of the theory's ladder ({@code rungs}, top first), e.g. the one a quantity compares the check's rung with. */
    public static Parameter rung(String name, String fallback, List<String> rungs) {
        return new Parameter(name, Type.RUNG, false, fallback, false, rungs, 0, 0);
    }

    /** Free text. */
    public static Parameter text(String name, String fallback) {
        return new Parameter(name, Type.TEXT, false, fallback, false, List.of(), 0, 0);
    }

    /** The same parameter with no default, and one that every check must set. */
    public Parameter mandatory() {
        return new Parameter(name, type, list, null, true, choices, min, max);
    }

    /** What is allowed, in words, for error messages and {@code verify --list}. */
    public String allowed() {
        String plural = list ? "s" : "";
        String one = switch (type) {
            case CHOICE, RUNG -> String.join(" | ", choices);
            case INTEGER -> "integer" + plural + " in " + range();
            case NUMBER -> "number" + plural + " in " + range();
            case SWEPT_KEY -> "key" + plural + " the experiment sweeps";
            case TEXT -> "text";
        };
        if (list) {
            return "a list of " + one + ", e.g. [1, 2]";
        }
        return (type == Type.INTEGER ? "an " : type == Type.NUMBER || type == Type.SWEPT_KEY ? "a " : "") + one;
    }

    /** "name: allowed (default d)", for {@code verify --list}. */
    public String describe() {
        String def = required ? "required" : fallback == null ? "default from the experiment" : "default " + show(fallback);
        return name + " = " + allowed() + " (" + def + ")";
    }

    private String range() {
        return (min == POSITIVE ? "(0" : "[" + bound(min)) + ", " + bound(max) + "]";
    }

    private String bound(double v) {
        if (Double.isInfinite(v)) {
            return v < 0 ? "-inf" : "inf";
        }
        return type == Type.INTEGER ? Long.toString((long) v) : Format.number(v);
    }

    private static String show(Object v) {
        if (v instanceof List<?> l) {
            return "[" + String.join(", ", l.stream().map(Parameter::show).toList()) + "]";
        }
        if (v instanceof Double d) {
            return Double.isInfinite(d) ? (d < 0 ? "-inf" : "inf") : Format.number(d);
        }
        return v.toString();
    }

    /**
     * The typed value of what a claim file wrote: a String for choices, keys and text, a Long for
     * integers, a Double for numbers, an unmodifiable list of those for list parameters.
     *
     * @param written a scalar as written, or a list of scalars as written
     * @throws IllegalArgumentException saying what was written and what is allowed
     */
    public Object parse(Object written) {
        if (written instanceof List<?> values) {
            if (!list) {
                throw new IllegalArgumentException("must be " + allowed() + ", got the list " + values);
            }
            if (values.isEmpty()) {
                throw new IllegalArgumentException("must not be an empty list");
            }
            List<Object> out = new ArrayList<>();
            for (Object v : values) {
                if (v instanceof List<?>) {
                    throw new IllegalArgumentException("must be " + allowed() + ", got a nested list");
                }
                out.add(one(v.toString()));
            }
            return List.copyOf(out);
        }
        Object v = one(written.toString());
        return list ? List.of(v) : v;
    }

    private Object one(String text) {
        String s = text.trim();
        switch (type) {
            case CHOICE, RUNG -> {
                if (!choices.contains(s)) {
                    throw new IllegalArgumentException("must be one of " + String.join(", ", choices) + "; got '" + s + "'");
                }
                return s;
            }
            case INTEGER -> {
                double d = finite(s);
                if (d != Math.rint(d) || Math.abs(d) > 1L << 53) {
                    throw new IllegalArgumentException("must be an integer in " + range() + "; got '" + s + "'");
                }
                inRange(d, s);
                return (long) d;
            }
            case NUMBER -> {
                double d = finite(s);
                inRange(d, s);
                return d;
            }
            default -> {
                if (s.isEmpty()) {
                    throw new IllegalArgumentException("must not be empty");
                }
                return s;
            }
        }
    }

    private double finite(String s) {
        try {
            double d = Double.parseDouble(s);
            if (Double.isFinite(d) && !s.toLowerCase(Locale.ROOT).matches(".*[a-df-z].*")) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below, with what is allowed
        }
        throw new IllegalArgumentException("must be " + allowed() + "; got '" + s + "'");
    }

    private void inRange(double d, String s) {
        if (d < min || d > max) {
            throw new IllegalArgumentException("must be " + allowed() + "; got " + s);
        }
    }
}
