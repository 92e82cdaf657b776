package org.theorycheck.core.report;

import org.theorycheck.core.io.OutputSet;
import org.theorycheck.core.report.Figure;

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

    /**
     * Adds {@code stem.csv} (the numbers drawn), {@code stem.png} and {@code stem.svg} to a set of files written
     * together; the stem is the figure's name, qualified by its theory where two theories share it.
     */
    public void addTo(OutputSet set, String stem) {
        figure.addTo(set, stem);
        set.text(stem + ".csv", data.csv());
    }

    /** Adds the summary as {@code stem.csv}, the format of the checked-in expected files, to a set of files. */
    public void addSummaryTo(OutputSet set, String stem) {
        set.text(stem + ".csv", SummaryRow.csv(summary));
    }
}
