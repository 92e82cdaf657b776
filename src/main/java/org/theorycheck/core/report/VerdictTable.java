package org.theorycheck.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.theorycheck.core.claims.CheckResult;
import org.theorycheck.core.claims.Format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The comparison table of {@code verify}: one row per check — claim · source · check · rung · measured ·
 * deviation · tolerance · evidence · verdict · expected · seconds — in markdown, CSV or JSON, or the
 * claims × rungs {@link VerdictMatrix}. The deviation is the number the verdict compared with the
 * tolerance (the worst case, or the upper end of the seeds' interval); the evidence says which, or, for a
 * symbolic check, how it was decided. Passing checks show their numbers too: a HOLDS is a measurement,
 * not a tick. Checks are grouped by theory in every style (JSON names each check's theory; markdown and
 * the matrix head each theory's part when there are several).
 */
public final class VerdictTable {

    private VerdictTable() {}

    public enum Style { MARKDOWN, CSV, JSON, MATRIX }

    private static final String[] HEADER = {"claim", "source", "check", "rung", "measured", "deviation", "tolerance",
        "evidence", "verdict", "expected", "seconds"};
    private static final int VERDICT = 8;

    /**
     * @param results the checks' results, in claim-file order
     * @param ladders the rungs of each theory, top first, by theory id in the order the theories are shown
     */
    public static String render(List<CheckResult> results, Style style, Map<String, List<String>> ladders) {
        Map<String, List<CheckResult>> byTheory = new LinkedHashMap<>();
        ladders.keySet().forEach(id -> byTheory.put(id, new ArrayList<>()));
        for (CheckResult r : results) {
            byTheory.computeIfAbsent(r.claim().theory(), id -> new ArrayList<>()).add(r);
        }
        byTheory.values().removeIf(List::isEmpty);
        List<CheckResult> grouped = byTheory.values().stream().flatMap(List::stream).toList();
        return switch (style) {
            case MARKDOWN -> byTheory.size() == 1 ? markdown(grouped) + mismatches(grouped)
                    : parts(byTheory, (id, part) -> markdown(part)) + mismatches(grouped);
            case CSV -> csv(grouped);
            case JSON -> json(grouped);
            case MATRIX -> (byTheory.size() == 1
                    ? VerdictMatrix.of(grouped, ladders.getOrDefault(grouped.get(0).claim().theory(), List.of())).markdown()
                    : parts(byTheory, (id, part) -> VerdictMatrix.of(part, ladders.getOrDefault(id, List.of())).markdown()))
                    + mismatches(grouped);
        };
    }

    /** Each theory's part under a heading with its id. */
    private static String parts(Map<String, List<CheckResult>> byTheory, BiFunction<String, List<CheckResult>, String> part) {
        StringBuilder sb = new StringBuilder();
        byTheory.forEach((id, rs) -> sb.append("## ").append(id).append("\n\n").append(part.apply(id, rs)).append('\n'));
        return sb.toString();
    }

    /** The deviation compared with the tolerance, for tables ("—" if there is none). */
    public static String deviation(CheckResult r) {
        return Double.isNaN(r.deviation()) ? "—" : Format.number(r.deviation());
    }

    /** The tolerance, for tables. */
    public static String tolerance(CheckResult r) {
        return r.check().rung().equals("symbolic") ? "identity" : r.check().tolerance().describe();
    }

    /** The verdict, marked (!) if it is not the expected one. */
    public static String verdict(CheckResult r) {
        return r.verdict().name() + (r.asExpected() ? "" : " (!)");
    }

    private static String[] row(CheckResult r) {
        return new String[] {r.claim().id(), r.claim().source(), r.check().name(), r.check().rung(), r.measuredText(),
            deviation(r), tolerance(r), r.evidence(), verdict(r), r.check().expected().name(),
            String.format(Locale.ROOT, "%.1f", r.seconds())};
    }

    /**
     * Longest measured text in a markdown cell; CSV and JSON keep it whole. The evidence is never cut: it names the files
     * a check read from, with their checksums.
     */
    private static final int MARKDOWN_CELL = 220;
    private static final int EVIDENCE = List.of(HEADER).indexOf("evidence");

    private static String markdown(List<CheckResult> results) {
        if (results.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("| " + String.join(" | ", HEADER) + " |\n|");
        sb.append("---|".repeat(HEADER.length)).append('\n');
        for (CheckResult r : results) {
            sb.append("| ");
            String[] cells = row(r);
            for (int c = 0; c < cells.length; c++) {
                String cell = cells[c];
                String shown = c != EVIDENCE && cell.length() > MARKDOWN_CELL ? cell.substring(0, MARKDOWN_CELL - 1) + "…" : cell;
                sb.append(shown.replace("|", "\\|").replace("\n", " ")).append(" | ");
            }
            sb.setLength(sb.length() - 1);
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The count of checks and a line for each that did not get its expected verdict. */
    private static String mismatches(List<CheckResult> results) {
        StringBuilder sb = new StringBuilder();
        long mismatched = results.stream().filter(r -> !r.asExpected()).count();
        sb.append('\n').append(results.size()).append(" checks, ")
                .append(results.size() - mismatched).append(" as expected, ").append(mismatched).append(" not (marked (!)).\n");
        for (CheckResult r : results) {
            if (!r.asExpected()) {
                sb.append("- ").append(r.claim().id()).append(" / ").append(r.check().name()).append(" (")
                        .append(r.check().location()).append("): expected ").append(r.check().expected())
                        .append(", got ").append(r.verdict());
                if (r.measurement() != null && !r.measurement().counterexample().isEmpty()) {
                    sb.append("; worst case: ").append(r.measurement().counterexample());
                }
                if (!r.error().isEmpty()) {
                    sb.append("; ").append(r.error());
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String csv(List<CheckResult> results) {
        StringBuilder sb = new StringBuilder(String.join(",", HEADER)).append(",counterexample\n");
        for (CheckResult r : results) {
            String[] cells = row(r);
            cells[VERDICT] = r.verdict().name();
            for (String c : cells) {
                sb.append(Csv.field(c)).append(',');
            }
            sb.append(Csv.field(r.measurement() == null ? r.error() : r.measurement().counterexample())).append('\n');
        }
        return sb.toString();
    }

    private static String json(List<CheckResult> results) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        for (CheckResult r : results) {
            ObjectNode o = array.addObject();
            o.put("theory", r.claim().theory());
            o.put("id", r.claim().id());
            o.put("source", r.claim().source());
            o.put("check", r.check().name());
            o.put("rung", r.check().rung());
            o.put("quantity", r.check().quantity());
            o.put("verdict", r.verdict().name());
            o.put("expected", r.check().expected().name());
            o.put("as_expected", r.asExpected());
            if (r.measurement() != null) {
                o.put("measured", r.measurement().value());
                o.put("measured_text", r.measurement().text());
                ArrayNode d = o.putArray("deviations");
                for (double v : r.measurement().deviations()) {
                    d.add(v);
                }
                o.put("counterexample", r.measurement().counterexample());
                if (Double.isNaN(r.deviation())) {
                    o.putNull("deviation");
                } else {
                    o.put("deviation", r.deviation());
                }
                o.put("evidence", r.evidence());
            } else {
                o.putNull("measured");
                o.put("error", r.error());
            }
            ObjectNode t = o.putObject("tolerance");
            t.put("exact", r.check().tolerance().exact());
            t.put("approx", r.check().tolerance().approx());
            t.put("confidence", r.check().tolerance().confidence());
            o.put("seconds", Double.parseDouble(Format.number(r.seconds())));
            o.put("location", r.check().location());
        }
        try {
            return mapper.writeValueAsString(array) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
