package org.theorycheck.theories.deeplinear.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.theorycheck.core.symbolic.SymbolicCheckResult;
import org.theorycheck.core.symbolic.SymbolicCheckResult.Decision;
import org.theorycheck.core.symbolic.SymbolicEngine;

class DeepLinearSymbolicChecksTest {

    static final Map<String, SymbolicCheckResult> RESULTS = new LinkedHashMap<>();

    @BeforeAll
    static void runAll() {
        DeepLinearSymbolicChecks checks = new DeepLinearSymbolicChecks(SymbolicEngine.shared(), Duration.ofSeconds(30));
        for (SymbolicCheckResult r : checks.runAll()) {
            RESULTS.put(r.id(), r);
        }
    }

    @AfterAll
    static void print() {
        RESULTS.values().forEach(r -> System.out.printf("%-28s %-11s %5.1fs %s%n", r.id(), r.decision(), r.seconds(), r.detail()));
    }

    private static void assertDecision(String id, Decision expected) {
        SymbolicCheckResult r = RESULTS.get(id);
        assertThat(r.decision()).as(id + ": " + r.detail()).isEqualTo(expected);
    }

    @Test
    void theSec1ClosedFormsHold() {
        assertDecision("eq12-solves-eq10", Decision.ESTABLISHED);
        assertDecision("eq11-inverts-eq12", Decision.ESTABLISHED);
        assertDecision("t-half", Decision.ESTABLISHED);
    }

    @Test
    void theDepthFormsHold() {
        assertDecision("eq15-from-eq14", Decision.ESTABLISHED);
        assertDecision("eq17-integrates-eq16", Decision.ESTABLISHED);
        assertDecision("eq41-hessian", Decision.ESTABLISHED);
        assertDecision("eqs43-45-optimised-rate", Decision.ESTABLISHED);
    }

    @Test
    void eq5IsTheGradientFlowOfEq6() {
        assertDecision("eq5-gradient-of-eq6", Decision.ESTABLISHED);
    }

    @Test
    void appendixAAsPrintedIsRefutedAndItsCorrectionHolds() {
        assertDecision("appA-eq23-product", Decision.REFUTED);
        assertDecision("appA-eq25-from-eq8", Decision.REFUTED);
        assertDecision("appA-eq26-integrates-eq25", Decision.ESTABLISHED);
        assertDecision("appA-derived", Decision.ESTABLISHED);
        assertThat(RESULTS.get("appA-eq23-product").detail()).contains("a² − b² − c0: residual simplifies to 0")
                .contains("ab − c0 sinh θ: residual is");
    }
}
