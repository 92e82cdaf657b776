package org.theorycheck.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The architecture as rules over whole package trees (DESIGN.md, "Core and theories"): every class lies
 * in the core, in {@code torch}, in a theory's root package or in the command line; theories never
 * depend on each other; DJL only in packages named {@code torch}; Symja only in packages named
 * {@code symbolic}. Each rule is stated for a root package, so that it runs on the project and, as its
 * negative control, on the hand-made classes under {@code arch.fixture}, which break every rule.
 */
class ArchitectureTest {

    private static final String PROJECT = "org.theorycheck";
    private static final String FIXTURE = "org.theorycheck.arch.fixture";

    private static JavaClasses project;
    private static JavaClasses fixture;

    @BeforeAll
    static void importClasses() {
        project = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(PROJECT);
        fixture = new ClassFileImporter().importPackages(FIXTURE);
    }

    /** Every class has a place: the core, torch, a theory, or the command line. */
    static ArchRule everyClassHasAPlace(String root) {
        return classes().that().resideInAPackage(root + "..")
                .should().resideInAnyPackage(root + ".core..", root + ".torch..", root + ".theories..", root + ".cli..")
                .because("the packages show the architecture: core, torch, one root package per theory, cli");
    }

    /** A theory is a package of its own: it never reaches into another. */
    static ArchRule theoriesAreIndependent(String root) {
        return slices().matching(root + ".theories.(*)..").should().notDependOnEachOther()
                .because("adding or removing a theory must not touch another");
    }

    /** DJL, and so libtorch, only in packages named torch. */
    static ArchRule djlOnlyInTorch(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage("..torch..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..")
                .because("only torch packages may load the native engine");
    }

    /** Symja only in packages named symbolic. */
    static ArchRule symjaOnlyInSymbolic(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage("..symbolic..")
                .should().dependOnClassesThat().resideInAPackage("org.matheclipse..")
                .because("the computer algebra system stays in the symbolic parts");
    }

    static List<ArchRule> rules(String root) {
        return List.of(everyClassHasAPlace(root), theoriesAreIndependent(root), djlOnlyInTorch(root), symjaOnlyInSymbolic(root));
    }

    @Test
    void theProjectFollowsEveryRule() {
        assertThat(project.size()).as("the import finds the project's classes").isGreaterThan(100);
        for (ArchRule rule : rules(PROJECT)) {
            rule.check(project);
        }
    }

    @Test
    void everyRuleCatchesItsViolation() {
        for (ArchRule rule : rules(FIXTURE)) {
            EvaluationResult result = rule.evaluate(fixture);
            assertThat(result.hasViolation()).as("negative control of: %s", rule.getDescription()).isTrue();
        }
    }

    @Test
    void eachViolationIsReportedWhereItIs() {
        assertThat(everyClassHasAPlace(FIXTURE).evaluate(fixture).getFailureReport().getDetails())
                .singleElement().asString().contains("Stray");
        assertThat(djlOnlyInTorch(FIXTURE).evaluate(fixture).getFailureReport().getDetails())
                .isNotEmpty().allMatch(d -> d.contains("UsesDjl"));
        assertThat(symjaOnlyInSymbolic(FIXTURE).evaluate(fixture).getFailureReport().getDetails())
                .isNotEmpty().allMatch(d -> d.contains("UsesSymja"));
    }
}
