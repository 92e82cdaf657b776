package org.theorycheck.core.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The quantities and symbolic checks that claim files can name. */
public final class Quantities {

    private final Map<String, Quantity> byName = new LinkedHashMap<>();
    private final SymbolicChecks symbolic;

    public Quantities(List<Quantity> quantities, SymbolicChecks symbolic) {
        for (Quantity q : quantities) {
            if (byName.put(q.name(), q) != null) {
                throw new IllegalArgumentException("two quantities are named " + q.name());
            }
        }
        this.symbolic = symbolic;
    }

    public Optional<Quantity> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    public List<Quantity> all() {
        return new ArrayList<>(byName.values());
    }

    public List<String> symbolicIds() {
        return symbolic.ids();
    }

    public SymbolicChecks symbolic() {
        return symbolic;
    }
}
