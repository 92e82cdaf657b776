package org.theorycheck.theories.scansnap.rungs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.theorycheck.core.symbolic.SymbolicCheckResult;
import org.theorycheck.core.symbolic.SymbolicCheckResult.Decision;
import org.theorycheck.core.symbolic.SymbolicCheckResult.Method;
import org.theorycheck.theories.scansnap.symbolic.ScanSnapSymbolicChecks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The symbolic-to-numeric link of the ladder: every hand-written Java right-hand side and closed form
 * equals Symja's numeric evaluation of the paper's equation at random states. The comparisons are the
 * bridge checks that claim files name (theorems/scan-and-snap/bridges-java-symja.yaml), so they appear
 * in the verdict table too.
 */
class JavaVersusSymjaTest {

    @ParameterizedTest
    @ValueSource(strings = {"bridge-decoder", "bridge-appendix-f", "bridge-gradient", "bridge-reduced-eqn97"})
    void theJavaRightHandSideIsThePapersEquation(String id) {
        SymbolicCheckResult r = ScanSnapSymbolicChecks.run(id);
        assertThat(r.decision()).as(r.detail()).isEqualTo(Decision.ESTABLISHED);
        assertThat(r.method()).isEqualTo(Method.MACHINE_PRECISION_POINTS);
        assertThat(r.detail()).startsWith("max relative gap ").contains("(bound 1.0E-12)");
    }
}
