package org.theorycheck.core.report;

import org.theorycheck.core.claims.CheckResult;
import org.theorycheck.core.claims.ClaimFiles;
import org.theorycheck.core.claims.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A theory's ladder as a matrix: one row per claim, one column per rung, runs read from files
 * ({@code external}) first, then the top rung (SGD) and down, symbolic checks last, each cell the verdicts of the claim's checks on that rung with the deviation each
 * compared with its tolerance. A reader sees at a glance where along the ladder a prediction stops
 * holding. Rungs no check uses are left out.
 */
public final class VerdictMatrix {

    /**
     * One cell: its text, and the least favourable verdict in it (null for an empty cell), which
     * colours it in HTML.
     */
    public record Cell(String text, Verdict worst) {}

    /** Least favourable first: the verdict a cell is coloured by. */
    private static final List<Verdict> SEVERITY =
            List.of(Verdict.ERROR, Verdict.FAILS, Verdict.INCONCLUSIVE, Verdict.HOLDS_APPROX, Verdict.HOLDS);

    private final List<String> rungs;
    private final Map<String, List<Cell>> rows;

    private VerdictMatrix(List<String> rungs, Map<String, List<Cell>> rows) {
        this.rungs = rungs;
        this.rows = rows;
    }

    /**
     * @param results the checks of one theory
     * @param rungs   its ladder, top first
     */
    public static VerdictMatrix of(List<CheckResult> results, List<String> rungs) {
        List<String> ladder = new ArrayList<>(rungs);
        ladder.add(0, ClaimFiles.EXTERNAL);
        ladder.add(ClaimFiles.SYMBOLIC);
        List<String> used = ladder.stream().filter(rung -> results.stream().anyMatch(r -> r.check().rung().equals(rung))).toList();
        Map<String, Map<String, List<CheckResult>>> byClaim = new LinkedHashMap<>();
        for (CheckResult r : results) {
            byClaim.computeIfAbsent(r.claim().id(), c -> new LinkedHashMap<>())
                    .computeIfAbsent(r.check().rung(), k -> new ArrayList<>()).add(r);
        }
        Map<String, List<Cell>> rows = new LinkedHashMap<>();
        byClaim.forEach((claim, onRungs) -> rows.put(claim, used.stream().map(rung -> cell(onRungs.getOrDefault(rung, List.of()))).toList()));
        return new VerdictMatrix(used, rows);
    }

    private static Cell cell(List<CheckResult> checks) {
        if (checks.isEmpty()) {
            return new Cell("", null);
        }
        List<String> parts = new ArrayList<>();
        Verdict worst = Verdict.HOLDS;
        for (CheckResult r : checks) {
            boolean symbolic = r.check().rung().equals(ClaimFiles.SYMBOLIC);
            parts.add(r.verdict().name() + (symbolic ? "" : " " + VerdictTable.deviation(r)) + (r.asExpected() ? "" : " (!)"));
            if (SEVERITY.indexOf(r.verdict()) < SEVERITY.indexOf(worst)) {
                worst = r.verdict();
            }
        }
        return new Cell(String.join(", ", parts), worst);
    }

    /** "claim" followed by the rungs. */
    public List<String> header() {
        List<String> h = new ArrayList<>();
        h.add("claim");
        h.addAll(rungs);
        return h;
    }

    /** Rows by claim id, each with one cell per rung of {@link #header()}. */
    public Map<String, List<Cell>> rows() {
        return rows;
    }

    /** A markdown table, with a line saying how to read it. */
    public String markdown() {
        StringBuilder sb = new StringBuilder("| " + String.join(" | ", header()) + " |\n|");
        sb.append("---|".repeat(header().size())).append('\n');
        rows.forEach((claim, cells) -> {
            sb.append("| ").append(claim).append(" |");
            for (Cell c : cells) {
                sb.append(' ').append(c.text()).append(" |");
            }
            sb.append('\n');
        });
        return sb.append('\n').append(LEGEND).append('\n').toString();
    }

    /** How to read a cell, under the table. */
    public static final String LEGEND = "Each cell: the verdict of each of the claim's checks on that rung and the deviation "
            + "it compared with its tolerance (worst case, or upper end of the seed interval); (!) marks a verdict "
            + "other than the expected one; symbolic checks are decided, not measured.";

    /** Adds the matrix to a report, each cell coloured by its least favourable verdict. */
    public HtmlReport addTo(HtmlReport page) {
        List<List<HtmlReport.Cell>> table = new ArrayList<>();
        rows.forEach((claim, cells) -> {
            List<HtmlReport.Cell> row = new ArrayList<>();
            row.add(new HtmlReport.Cell(claim, null));
            for (Cell c : cells) {
                row.add(new HtmlReport.Cell(c.text(), c.worst() == null ? null : cssClass(c.worst())));
            }
            table.add(row);
        });
        return page.cells(header(), table);
    }

    /** The style sheet's class of a verdict (see {@link HtmlReport#ROW_CLASSES}). */
    public static String cssClass(Verdict v) {
        return switch (v) {
            case HOLDS -> "holds";
            case HOLDS_APPROX -> "bends";
            case FAILS -> "fails";
            case INCONCLUSIVE -> "skipped";
            case ERROR -> "error";
        };
    }
}
