package org.theorycheck.report.figures;

import org.theorycheck.output.OutputSet;
import org.theorycheck.report.Figure;

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
 * @param summary   the few numbers checked against {@code experiments/expected/<name>.csv}
 */
public record FigureResult(String name, String title, String paperSays, String observed, Figure figure,
                           DataTable data, List<SummaryRow> summary) {

    public FigureResult {
        summary = List.copyOf(summary);
    }

    /** Adds {@code name.csv} (the numbers drawn), {@code name.png} and {@code name.svg} to a set of files written together. */
    public void addTo(OutputSet set) {
        figure.addTo(set, name);
        set.text(name + ".csv", data.csv());
    }

    /** Adds the summary as {@code name.csv}, the format of the checked-in expected files, to a set of files. */
    public void addSummaryTo(OutputSet set) {
        set.text(name + ".csv", SummaryRow.csv(summary));
    }
}
