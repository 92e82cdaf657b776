package org.theorycheck.core.claims;

import org.theorycheck.core.Theory;
import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.core.ladder.Trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a theory's claim files can name: its quantities, its symbolic checks and the rungs of its ladder.
 *
 * @param <E> the theory's experiment type
 * @param <T> the theory's trace type
 */
public final class Quantities<E extends Experiment, T extends Trace> {

    private final Map<String, Quantity<E, T>> byName = new LinkedHashMap<>();
    private final SymbolicChecks symbolic;
    private final List<Rung<E, T>> ladder;

    private Quantities(List<Quantity<E, T>> quantities, SymbolicChecks symbolic, List<Rung<E, T>> ladder) {
        for (Quantity<E, T> q : quantities) {
            if (byName.put(q.name(), q) != null) {
                throw new IllegalArgumentException("two quantities are named " + q.name());
            }
        }
        this.symbolic = symbolic;
        this.ladder = List.copyOf(ladder);
    }

    /** The theory's quantities, symbolic checks and a ladder of its rungs. */
    public static <E extends Experiment, T extends Trace> Quantities<E, T> of(Theory<E, T> theory) {
        return new Quantities<>(theory.quantities(), theory.symbolic(), theory.ladder());
    }

    public Optional<Quantity<E, T>> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    public List<Quantity<E, T>> all() {
        return new ArrayList<>(byName.values());
    }

    public List<String> symbolicIds() {
        return symbolic.ids();
    }

    public SymbolicChecks symbolic() {
        return symbolic;
    }

    /** The names of the ladder's rungs, top first. */
    public List<String> rungNames() {
        return ladder.stream().map(Rung::name).toList();
    }

    /** The rung of this name. */
    public Rung<E, T> rung(String name) {
        return ladder.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rung " + name));
    }
}
