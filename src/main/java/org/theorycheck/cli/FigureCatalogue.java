package org.theorycheck.cli;

import org.theorycheck.core.Theories;
import org.theorycheck.core.Theory;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.report.FigureRecipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every theory's figures, by name: a name alone where no other theory has a figure of that name,
 * {@code <theory>/<name>} everywhere (and necessarily where two theories share one); the files of a
 * shared name are {@code <theory>-<name>.*}.
 */
final class FigureCatalogue {

    /** One theory's figure. */
    record Entry(Theory<?, ?> theory, FigureRecipe recipe, boolean shared) {

        /** The name on the command line: qualified, {@code <theory>/<name>}, only where it is shared. */
        String name() {
            return shared ? theory.id() + "/" + recipe.name() : recipe.name();
        }

        /** The stem of its files: its name, or {@code <theory>-<name>} where it is shared. */
        String stem() {
            return shared ? theory.id() + "-" + recipe.name() : recipe.name();
        }
    }

    private final List<Entry> entries;

    private FigureCatalogue(List<Entry> entries) {
        this.entries = entries;
    }

    static FigureCatalogue of(Theories theories) {
        List<Entry> plain = new ArrayList<>();
        for (Theory<?, ?> t : theories.all()) {
            for (FigureRecipe r : t.figures()) {
                plain.add(new Entry(t, r, false));
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (Entry e : plain) {
            boolean shared = plain.stream().filter(o -> o.recipe().name().equals(e.recipe().name())).count() > 1;
            entries.add(new Entry(e.theory(), e.recipe(), shared));
        }
        return new FigureCatalogue(entries);
    }

    /** Every figure, theory by theory. */
    List<Entry> all() {
        return entries;
    }

    /** One theory's figures. */
    List<Entry> of(Theory<?, ?> theory) {
        return entries.stream().filter(e -> e.theory() == theory).toList();
    }

    /**
     * The figures a name selects — {@code all}, {@code <theory>/all}, {@code <theory>/<name>}, or a name no
     * two theories share; several separated by commas — drawn for the user's experiments by role (those go
     * to the selected figures that are drawn for an experiment), checked before anything runs.
     */
    List<Entry> select(String names, Map<String, String> experiments) {
        List<Entry> chosen = new ArrayList<>();
        for (String one : names.split(",")) {
            List<Entry> named = entries.stream().filter(e -> matches(e, one.trim())).toList();
            if (named.isEmpty()) {
                throw new ConfigException("command line", 0, "NAME", "unknown figure '" + one + "'; known: "
                        + String.join(", ", entries.stream().map(Entry::name).toList()) + ", all");
            }
            named.stream().filter(e -> !chosen.contains(e)).forEach(chosen::add);
        }
        if (experiments.isEmpty()) {
            chosen.forEach(e -> e.recipe().validate());
            return chosen;
        }
        List<Entry> drawn = new ArrayList<>();
        boolean any = false;
        for (Entry e : chosen) {
            if (e.recipe().experiment() != null) {
                drawn.add(new Entry(e.theory(), e.recipe().drawnFor(experiments), e.shared()));
                any = true;
            } else {
                drawn.add(e);
            }
        }
        if (!any) {
            throw new ConfigException("--experiment", 0, "", "none of the figures " + names + " is drawn for an experiment "
                    + "of yours; these are: " + String.join(", ", entries.stream().filter(e -> e.recipe().experiment() != null)
                    .map(Entry::name).toList()));
        }
        drawn.forEach(e -> e.recipe().validate());
        return drawn;
    }

    private static boolean matches(Entry e, String name) {
        if (name.equals("all") || name.equals(e.theory().id() + "/all") || name.equals(e.theory().id() + "/" + e.recipe().name())) {
            return true;
        }
        return name.equals(e.recipe().name()) && !e.shared();
    }
}
