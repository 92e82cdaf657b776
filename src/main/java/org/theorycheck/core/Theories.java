package org.theorycheck.core;

import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.experiment.ExperimentSchema;
import org.theorycheck.core.experiment.ExperimentSource;
import org.theorycheck.core.ladder.Trace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The theories on the class path, as {@link ServiceLoader} finds them, and which of them a file belongs
 * to: the one its {@code theory} key names, else the one whose folder holds it
 * ({@code experiments/<id>/…} or {@code theorems/<id>/…}).
 */
public final class Theories {

    /** The folders whose sub-folders are named after theories. */
    private static final List<String> FOLDERS = List.of("experiments", "theorems");

    private final Map<String, Theory<?, ?>> byId;

    private Theories(Map<String, Theory<?, ?>> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /**
     * The given theories.
     *
     * @throws ConfigException if two have the same id, or an id is not lower-case words joined by hyphens
     */
    public static Theories of(List<? extends Theory<?, ?>> theories) {
        Map<String, Theory<?, ?>> byId = new LinkedHashMap<>();
        for (Theory<?, ?> t : theories) {
            String where = "META-INF/services/" + Theory.class.getName();
            if (!t.id().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new ConfigException(where, 0, t.getClass().getName(), "the theory id '" + t.id()
                        + "' must be lower-case letters and digits, words joined by hyphens (it names folders)");
            }
            Theory<?, ?> before = byId.putIfAbsent(t.id(), t);
            if (before != null) {
                throw new ConfigException(where, 0, t.id(), "two theories claim the id '" + t.id() + "': "
                        + before.getClass().getName() + " and " + t.getClass().getName() + "; remove one from the class path");
            }
        }
        return new Theories(byId);
    }

    /** Found once: the class path does not change while a process runs. */
    private static volatile Theories discovered;

    /**
     * The theories registered on the class path, in id order.
     *
     * @throws ConfigException if two claim one id
     */
    public static Theories discovered() {
        Theories t = discovered;
        if (t == null) {
            List<Theory<?, ?>> found = new ArrayList<>();
            for (Theory<?, ?> theory : ServiceLoader.load(Theory.class)) {
                found.add(theory);
            }
            found.sort((a, b) -> a.id().compareTo(b.id()));
            t = of(found);
            discovered = t;
        }
        return t;
    }

    /** Every theory, in id order. */
    public List<Theory<?, ?>> all() {
        return List.copyOf(byId.values());
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    public Optional<Theory<?, ?>> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The theory of this id.
     *
     * @throws ConfigException naming {@code source} and {@code key} if there is none
     */
    public Theory<?, ?> require(String id, String source, int line, String key) {
        Theory<?, ?> t = byId.get(id);
        if (t == null) {
            throw new ConfigException(source, line, key, "unknown theory '" + id + "'; known: " + String.join(", ", ids()));
        }
        return t;
    }

    /**
     * The registered theory of this id, at the types the caller expects of it (a task shipped to another
     * machine names its theory by id and was made for that theory's types).
     *
     * @throws IllegalStateException if there is none (a class path without the theory)
     */
    @SuppressWarnings("unchecked")
    public <E extends Experiment, T extends Trace> Theory<E, T> typed(String id) {
        Theory<?, ?> t = byId.get(id);
        if (t == null) {
            throw new IllegalStateException("theory " + id + " is not on this machine's class path (theories here: "
                    + String.join(", ", ids()) + ")");
        }
        return (Theory<E, T>) t;
    }

    /** The experiment schema of the theory of this id, as {@link #typed} finds it. */
    public <E extends Experiment> ExperimentSchema<E> schema(String id) {
        Theory<E, ?> t = typed(id);
        return t.experiments();
    }

    /** The theory of an experiment file: its {@code theory} key, else its folder. */
    public Theory<?, ?> ofExperiment(ExperimentSource source) {
        Optional<String> declared = source.declaredTheory();
        if (declared.isPresent()) {
            return require(declared.get(), source.source(), 0, "theory");
        }
        return ofFolder(Path.of(source.source())).orElseThrow(() -> new ConfigException(source.source(), 0, "theory",
                "which theory is this experiment of? Put the file in experiments/<theory>/ or give it the key "
                        + "theory: <id>; theories: " + String.join(", ", ids())));
    }

    /**
     * The theory whose folder holds {@code file}: the nearest enclosing folder named after a theory
     * inside a folder named {@code experiments} or {@code theorems}.
     */
    public Optional<Theory<?, ?>> ofFolder(Path file) {
        Path p = file.toAbsolutePath().normalize().getParent();
        while (p != null && p.getParent() != null) {
            Path parent = p.getParent();
            if (parent.getFileName() != null && FOLDERS.contains(parent.getFileName().toString())
                    && byId.containsKey(p.getFileName().toString())) {
                return Optional.of(byId.get(p.getFileName().toString()));
            }
            p = parent;
        }
        return Optional.empty();
    }
}
