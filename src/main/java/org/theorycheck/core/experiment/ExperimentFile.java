package org.theorycheck.core.experiment;

import org.theorycheck.core.io.InputFiles;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An experiment file of one theory as written: every value under its dotted key, with the line it came
 * from, so that any later error can point at the line. Overrides from the command line replace or add
 * entries; the typed, validated view is {@link #resolve()}, made by the theory's {@link ExperimentSchema}.
 *
 * <p>Nested mappings are flattened ({@code train: {batch: 8}} is the key {@code train.batch}); the
 * {@code sweep} mapping's keys are themselves dotted keys, so its entries are {@code sweep.<key>}.
 *
 * @param <E> the theory's experiment type
 */
public final class ExperimentFile<E extends Experiment> {

    static final ObjectMapper YAML = new ObjectMapper(InputFiles.yamlFactory());
    static final String SWEEP_PREFIX = "sweep.";

    /** A raw value and where it came from: a line of the file, or an override (line 0). */
    record Entry(JsonNode value, int line, String origin) {}

    private final String source;
    private final ExperimentSchema<E> schema;
    private final Map<String, Entry> entries;

    private ExperimentFile(String source, ExperimentSchema<E> schema, Map<String, Entry> entries) {
        this.source = source;
        this.schema = schema;
        this.entries = entries;
    }

    /** Reads and flattens a YAML file of the schema's theory; syntax errors become a {@link ConfigException} with the line. */
    public static <E extends Experiment> ExperimentFile<E> read(Path path, ExperimentSchema<E> schema) {
        return ExperimentSource.read(path, List.of()).file(schema);
    }

    /** Parses YAML text; {@code source} names it in messages. */
    public static <E extends Experiment> ExperimentFile<E> parse(String source, String text, ExperimentSchema<E> schema) {
        return new ExperimentFile<>(source, schema, flatten(source, text));
    }

    /** The value of the file's {@code theory} key, if it has one. */
    static Optional<String> declaredTheory(String source, String text) {
        Entry e = flatten(source, text).get(ExperimentKeys.THEORY);
        return e == null || !e.value().isValueNode() ? Optional.empty() : Optional.of(e.value().asText());
    }

    private static Map<String, Entry> flatten(String source, String text) {
        refuseAliases(source, text);
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (JsonParser p = YAML.getFactory().createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new ConfigException(source, 0, "", "the file is empty; an experiment is a YAML mapping");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new ConfigException(source, line(p), "", "the top level must be a mapping of keys to values");
            }
            readMapping(p, source, "", entries);
        } catch (JsonProcessingException e) {
            throw syntaxError(source, "", e);
        } catch (IOException e) {
            throw new ConfigException(source, 0, "", "cannot read: " + e.getMessage());
        }
        return entries;
    }

    /**
     * Jackson reads an alias ({@code *name}) as the text "name", not as the value it stands for, so an experiment
     * file that uses one would be misread without a word: refuse it instead.
     */
    private static void refuseAliases(String source, String text) {
        try {
            for (Event e : new Yaml(InputFiles.yamlLimits()).parse(new StringReader(text))) {
                if (e instanceof AliasEvent alias) {
                    throw new ConfigException(source, alias.getStartMark().getLine() + 1, "", "an experiment file cannot use "
                            + "aliases (*" + alias.getAnchor() + "); write the value out");
                }
            }
        } catch (YAMLException e) {
            // not YAML: the reading below says where, with the key
        }
    }

    private static void readMapping(JsonParser p, String source, String prefix, Map<String, Entry> out)
            throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = prefix + p.currentName();
            int line = line(p);
            JsonToken t = p.nextToken();
            if (out.containsKey(key)) {
                throw new ConfigException(source, line, key, "appears twice (first on line " + out.get(key).line() + ")");
            }
            if (t == JsonToken.START_OBJECT && !key.startsWith(SWEEP_PREFIX)) {
                readMapping(p, source, key + ".", out);
            } else {
                JsonNode value;
                try {
                    value = p.readValueAsTree();
                } catch (JsonProcessingException e) {
                    throw syntaxError(source, key, e);
                }
                out.put(key, new Entry(value, line, "line " + line));
            }
        }
    }

    /**
     * A YAML syntax error as one line: the parser's own message spans several lines (it echoes the
     * source with a caret), which would break the one-message contract of bad input.
     */
    private static ConfigException syntaxError(String source, String key, JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        String problem;
        String limit = InputFiles.yamlLimitProblem(e.getCause() instanceof YAMLException y ? y.getMessage()
                : e instanceof StreamConstraintsException ? e.getOriginalMessage() : null);
        if (limit != null) {
            return new ConfigException(source, line, key, limit);
        }
        if (e.getCause() instanceof MarkedYAMLException m) {
            StringBuilder sb = new StringBuilder();
            if (m.getContext() != null) {
                sb.append(m.getContext().strip());
                if (m.getContextMark() != null) {
                    sb.append(" (line ").append(m.getContextMark().getLine() + 1).append(')');
                }
                sb.append(": ");
            }
            sb.append(m.getProblem() == null ? "syntax error" : m.getProblem().strip());
            if (m.getProblemMark() != null) {
                line = m.getProblemMark().getLine() + 1;
                sb.append(" (line ").append(line).append(", column ").append(m.getProblemMark().getColumn() + 1).append(')');
            }
            problem = sb.toString();
        } else {
            String original = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage();
            problem = original.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("syntax error");
        }
        return new ConfigException(source, line, key, "not valid YAML: " + problem.replaceAll("\\s+", " "));
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    public String source() {
        return source;
    }

    /**
     * Applies {@code key=value} overrides. A scalar value fixes the key (and removes it from the sweep
     * grid); a list {@code key=[a,b]} sweeps it; {@code seeds=1..3} or {@code seeds=[1,5]} sets the
     * seeds. An override that names no key is an error.
     */
    public ExperimentFile<E> withOverrides(List<String> overrides) {
        ExperimentKeys keys = schema.keys();
        Map<String, Entry> copy = new LinkedHashMap<>(entries);
        for (String override : overrides) {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(source, 0, override,
                        "an override is key=value, key=[a,b,...] or seeds=1..3; got '" + override + "'");
            }
            String key = override.substring(0, eq).trim();
            String text = override.substring(eq + 1).trim();
            String origin = "override " + override;
            if (!keys.isKey(key)) {
                throw new ConfigException(source, 0, key, "the override '" + override + "' names no key; "
                        + "allowed keys: " + String.join(", ", keys.names()));
            }
            JsonNode value;
            try {
                value = text.isEmpty() ? YAML.getNodeFactory().textNode("") : YAML.readTree(text);
            } catch (JsonProcessingException e) {
                throw new ConfigException(source, 0, key, "cannot read the value of override '" + override + "'");
            }
            String rival = keys.rival(key).orElse(null);
            if (rival != null) {
                copy.remove(rival);
                copy.remove(SWEEP_PREFIX + rival);
            }
            if (value.isArray() && keys.isSweepable(key)) {
                copy.put(SWEEP_PREFIX + key, new Entry(value, 0, origin));
            } else {
                copy.remove(SWEEP_PREFIX + key);
                copy.put(key, new Entry(value, 0, origin));
            }
        }
        return new ExperimentFile<>(source, schema, copy);
    }

    /** The validated experiment; sweep axes stay as axes. */
    public E resolve() {
        return resolveCell(Map.of());
    }

    /** The validated experiment of one grid cell: {@code values} fix the swept keys (raw text). */
    public E resolveCell(Map<String, String> values) {
        return schema.bind(new ExperimentValues(this, schema.theory(), values));
    }

    /** The theory's schema this file is read with. */
    public ExperimentSchema<E> schema() {
        return schema;
    }

    ExperimentKeys keys() {
        return schema.keys();
    }

    Map<String, Entry> entries() {
        return entries;
    }
}
