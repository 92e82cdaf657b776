package org.theorycheck.core.report;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A recomputed figure.
 *
 * @param name      the recipe's name, e.g. {@code fig3}
 * @param title     what the figure is, with its paper number
 * @param paperSays what the paper claims the figure shows (paper §5)
 * @param observed  what this run shows, in words with its numbers
 * @param figure    the chart
 * @param data      the numbers drawn
 * @param summary   the few numbers checked against {@code experiments/<theory>/expected/<name>.csv}
 */
public record FigureResult(String name, String title, String paperSays, String observed, Figure figure,
                           DataTable data, List<SummaryRow> summary) {

    public FigureResult {
        summary = List.copyOf(summary);
    }

    /** Writes {@code dir/name.csv}, {@code dir/name.png} and {@code dir/name.svg}. */
    public void save(Path dir) {
        figure.save(dir.resolve(name));
        write(dir.resolve(name + ".csv"), data.csv());
    }

    /** Writes the summary as {@code dir/name.csv}, the format of the checked-in expected files. */
    public void saveSummary(Path dir) {
        write(dir.resolve(name + ".csv"), SummaryRow.csv(summary));
    }

    private static void write(Path target, String content) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.writeString(tmp, content);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
