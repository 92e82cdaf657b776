package org.theorycheck.core.report;

import org.theorycheck.core.claims.CheckResult;
import org.theorycheck.core.claims.Claim;
import org.theorycheck.core.claims.Verdict;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one-page report: every claim's verdicts and every figure, with what the paper claims beside what
 * was measured, and how to reproduce it.
 */
public final class ReportPage {

    private static final List<String> HEADER =
            List.of("claim", "source", "check", "rung", "measured", "deviation", "tolerance", "evidence", "verdict", "expected");

    private ReportPage() {}

    /**
     * What one theory contributes to the page.
     *
     * @param id               the theory's id
     * @param title            the paper, as the section heads it
     * @param ladder           its rungs, top first (the matrix's columns)
     * @param results          its checks' results, in claim-file order
     * @param figures          its recomputed figures
     * @param ladderExperiment the experiment its ladder figure was drawn for (its checks are listed under
     *                         that figure), or null
     */
    public record Section(String id, String title, List<String> ladder, List<CheckResult> results, List<FigureResult> figures,
                          String ladderExperiment) {
        public Section {
            ladder = List.copyOf(ladder);
            results = List.copyOf(results);
            figures = List.copyOf(figures);
        }
    }

    /**
     * @param sections  one per theory, in the order the page shows them
     * @param commands  the commands that reproduce the page
     * @param seconds   how long the whole computation took
     */
    public static HtmlReport build(List<Section> sections, Budget budget, String commands, double seconds) {
        String titles = String.join("; ", sections.stream().map(Section::title).toList());
        HtmlReport page = HtmlReport.titled("theorycheck: " + titles);
        List<CheckResult> all = sections.stream().flatMap(s -> s.results().stream()).toList();
        summary(page, all, sections.stream().mapToInt(s -> s.figures().size()).sum(), budget, seconds);
        for (Section s : sections) {
            if (sections.size() > 1) {
                page.section(s.title());
            }
            theory(page, s);
        }
        page.section("How this page was made");
        page.paragraph("Commands (from the project directory, after mvn -q -DskipTests package):");
        page.code(commands);
        page.paragraph("Versions:");
        return page.environment();
    }

    private static void theory(HtmlReport page, Section s) {
        List<CheckResult> results = s.results();
        page.section("The ladder at a glance" + suffix(s));
        page.paragraph("One row per claim, one column per rung, from real SGD down to the closed forms, then the symbolic "
                + "checks: where along the ladder a prediction stops holding. " + VerdictMatrix.LEGEND);
        VerdictMatrix.of(results, s.ladder()).addTo(page);
        page.section("Verdict table" + suffix(s));
        page.paragraph("One row per check. A HOLDS is a measurement within the check's exact bound, HOLDS_APPROX within its "
                + "tolerance, FAILS beyond it (the worst case is in the claim's section); the deviation is the number "
                + "compared with the tolerance, the evidence says which (or how a symbolic check was decided). (!) marks "
                + "a verdict other than the one the claim file expects.");
        page.rows(HEADER, results.stream().map(ReportPage::row).toList());
        for (FigureResult f : s.figures()) {
            page.section(f.title());
            page.paragraph("The paper: " + f.paperSays());
            page.figure(f.figure(), f.title() + ". What we see: " + f.observed());
            if (f.name().equals("ladder") && s.ladderExperiment() != null) {
                List<HtmlReport.Row> rows = results.stream()
                        .filter(r -> r.check().experiment() != null && r.check().experiment().normalize()
                                .equals(Path.of(s.ladderExperiment()).normalize()))
                        .map(ReportPage::row).toList();
                page.paragraph(rows.isEmpty() ? "No claim checks this experiment."
                        : "The checks run on " + s.ladderExperiment() + ":");
                if (!rows.isEmpty()) {
                    page.rows(HEADER, rows);
                }
            }
        }
        claims(page, results, suffix(s));
    }

    /** The theory's id after a heading, so that the headings of several theories stay apart. */
    private static String suffix(Section s) {
        return " (" + s.id() + ")";
    }

    private static void summary(HtmlReport page, List<CheckResult> results, int figures, Budget budget, double seconds) {
        long asExpected = results.stream().filter(CheckResult::asExpected).count();
        page.section("Summary");
        page.paragraph(String.format(Locale.ROOT, "%d of %d checks of %d claims got the verdict their claim file expects%s. "
                        + "%d figures recomputed at the %s budget (%s). Computed in %.0f s.",
                asExpected, results.size(), results.stream().map(r -> r.claim().id()).distinct().count(),
                asExpected == results.size() ? "" : "; the others are marked (!) below", figures,
                budget.name().toLowerCase(Locale.ROOT),
                budget == Budget.QUICK ? "SGD averages over seeds 1..3; --full uses the paper's 10 seeds"
                        : "SGD averages over the experiment files' seeds", seconds));
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        Map<Verdict, Integer> unexpected = new EnumMap<>(Verdict.class);
        for (CheckResult r : results) {
            counts.merge(r.verdict(), 1, Integer::sum);
            if (!r.asExpected()) {
                unexpected.merge(r.verdict(), 1, Integer::sum);
            }
        }
        List<HtmlReport.Row> rows = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            rows.add(new HtmlReport.Row(List.of(v.name(), Integer.toString(counts.getOrDefault(v, 0)),
                    Integer.toString(unexpected.getOrDefault(v, 0))), VerdictMatrix.cssClass(v)));
        }
        page.rows(List.of("verdict", "checks", "of which not the expected verdict"), rows);
    }

    private static void claims(HtmlReport page, List<CheckResult> results, String suffix) {
        Map<Claim, List<CheckResult>> byClaim = new LinkedHashMap<>();
        for (CheckResult r : results) {
            byClaim.computeIfAbsent(r.claim(), c -> new ArrayList<>()).add(r);
        }
        page.section("Claims" + suffix);
        for (Map.Entry<Claim, List<CheckResult>> e : byClaim.entrySet()) {
            Claim c = e.getKey();
            page.paragraph("▸ " + c.id() + " — " + c.source() + ". " + c.statement().trim()
                    + (c.assumptions().isEmpty() ? "" : " Assumptions: " + String.join("; ", c.assumptions()) + "."));
            List<HtmlReport.Row> rows = new ArrayList<>();
            for (CheckResult r : e.getValue()) {
                String where = r.measurement() == null ? r.error() : r.measurement().counterexample();
                rows.add(new HtmlReport.Row(List.of(r.check().name(), r.check().rung(),
                        r.check().experiment() == null ? "" : r.check().experiment().toString(), r.measuredText(),
                        VerdictTable.deviation(r), VerdictTable.tolerance(r), VerdictTable.verdict(r), where,
                        r.check().why(), String.format(Locale.ROOT, "%.1f", r.seconds())), VerdictMatrix.cssClass(r.verdict())));
            }
            page.rows(List.of("check", "rung", "experiment", "measured", "deviation", "tolerance", "verdict",
                    "worst case / error", "why", "s"), rows);
        }
    }

    private static HtmlReport.Row row(CheckResult r) {
        return new HtmlReport.Row(List.of(r.claim().id(), r.claim().source(), r.check().name(), r.check().rung(),
                r.measuredText(), VerdictTable.deviation(r), VerdictTable.tolerance(r), r.evidence(), VerdictTable.verdict(r),
                r.check().expected().name()), VerdictMatrix.cssClass(r.verdict()));
    }
}
