package org.theorycheck.contract;

import org.theorycheck.core.engine.Engine;
import org.theorycheck.core.engine.ShippingEngine;
import org.theorycheck.core.report.Budget;
import org.theorycheck.core.report.CsvTable;
import org.theorycheck.core.report.FigureRecipe;
import org.theorycheck.core.report.FigureResult;
import org.theorycheck.core.report.SummaryRow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares a freshly computed figure of a theory with its checked-in summary in
 * {@code experiments/<theory>/expected/}: deterministic numbers to {@link SummaryRow#EXACT_RELATIVE}, seed means
 * within {@link SummaryRow#SEEDS_STANDARD_ERRORS} standard errors of the stored mean. The file of a figure whose
 * name another theory's figure shares (fig3, fig4, fig8) is {@code <theory>-<name>.csv}, as the figure command
 * writes it.
 *
 * <p>The expected files are written by the tool itself, from real runs at the quick budget:
 * <pre>
 *   mvn -q -DskipTests package
 *   java -jar target/theorycheck.jar figure THEORY/all --expected experiments/THEORY/expected --out out/figures
 * </pre>
 * Regenerating them must be a deliberate act, reviewed in the diff: a change in these files is a change in
 * what the figures show. A test that fails here means the figure changed; find out why before regenerating.
 *
 * @param theory the theory's id, the name of its folder under {@code experiments/}
 */
public record ExpectedSummaries(String theory) {

    /** The folder of the theory's expected summaries. */
    public Path directory() {
        return Path.of("experiments", theory, "expected");
    }

    /** The expected file of a figure: exactly one of {@code <name>.csv} and {@code <theory>-<name>.csv} exists. */
    public Path file(String name) {
        Path plain = directory().resolve(name + ".csv");
        Path qualified = directory().resolve(theory + "-" + name + ".csv");
        assertThat(Files.exists(plain) ^ Files.exists(qualified)).as("exactly one of %s and %s", plain, qualified).isTrue();
        return Files.exists(plain) ? plain : qualified;
    }

    /** Fails, naming the figure and every disagreeing number, unless {@code fresh} matches the stored summary. */
    public void assertMatches(FigureResult fresh) {
        Path file = file(fresh.name());
        Map<String, SummaryRow> stored = SummaryRow.read(CsvTable.read(file));
        assertThat(fresh.summary()).as("%s computes summary numbers", fresh.name()).isNotEmpty();
        List<String> problems = SummaryRow.compare(stored, fresh.summary());
        assertThat(problems).as("%s: recomputed numbers against %s", fresh.name(), file).isEmpty();
    }

    /**
     * Computes a recipe at the quick budget, quietly, each of its tasks shipped as bytes as to another machine: a
     * figure whose tasks could not run on a cluster fails here.
     */
    public static FigureResult quick(FigureRecipe recipe) {
        try (Engine engine = new ShippingEngine(Runtime.getRuntime().availableProcessors(), () -> { })) {
            return recipe.compute(Budget.QUICK, engine, line -> { });
        }
    }
}
