package org.theorycheck.theories.scansnap.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import org.theorycheck.core.symbolic.SymbolicCheckResult;
import org.theorycheck.core.symbolic.SymbolicCheckResult.Decision;
import org.theorycheck.core.symbolic.SymbolicCheckResult.Method;
import org.theorycheck.core.symbolic.SymbolicEngine;

/**
 * Every check asserts the outcome found when the check was written; all of the paper's claims
 * checked here hold. The negative controls show that the same machinery does fail on a wrong formula.
 */
class ScanSnapSymbolicChecksTest {

    /** Symja's gradient and plain-Java Eqn. 3 take different evaluation orders in double precision. */
    private static final double GRADIENT_AGREEMENT = 1e-12;

    private static ScanSnapEquations eq;
    private static ScanSnapSymbolicChecks checks;

    @BeforeAll
    static void start() {
        eq = new ScanSnapEquations(SymbolicEngine.shared());
        checks = new ScanSnapSymbolicChecks(eq);
    }

    @Test
    void registryListsEveryCheckOnceAndRejectsUnknownIds() {
        assertThat(ScanSnapSymbolicChecks.ids()).doesNotHaveDuplicates().contains(
                "lemma1-gradient", "lemma1-row-sums", "lemma6-implicit-solution", "lemma6-lambert-w",
                "appF-closed-forms", "thm3-relative-gain", "thm3-eqn11", "thm2b-single-common-identity",
                "thm4-regimes", "lemma5-vs-lemma6");
        assertThatThrownBy(() -> checks.runCheck("no-such-check"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-check");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "lemma1-row-sums", "lemma6-implicit-solution", "lemma5-vs-lemma6", "appF-closed-forms",
        "thm3-relative-gain", "thm3-eqn11", "thm2b-single-common-identity"})
    void exactlySimplifiedClaimsHold(String id) {
        SymbolicCheckResult result = checks.runCheck(id);
        assertThat(result.id()).isEqualTo(id);
        assertThat(result.method()).isEqualTo(Method.EXACT_SIMPLIFICATION);
        assertThat(result.holds()).as(result.detail()).isTrue();
        assertThat(result.detail()).doesNotContain("NOT");
    }

    @Test
    void eqn128SatisfiesItsDifferentialEquationWithFactorOne() {
        SymbolicCheckResult result = checks.runCheck("appF-closed-forms");
        assertThat(result.detail()).contains("(d/dt Eqn. 128) / (eta_Z gamma(t)) = 1;");
    }

    @Test
    void lambertClosedFormHolds() {
        SymbolicCheckResult result = checks.runCheck("lemma6-lambert-w");
        assertThat(result.method()).isEqualTo(Method.EXACT_RATIONAL_POINTS);
        assertThat(result.holds()).as(result.detail()).isTrue();
    }

    @Test
    void theorem4RegimesHaveTheClaimedGrowth() {
        SymbolicCheckResult result = checks.runCheck("thm4-regimes");
        assertThat(result.method()).isEqualTo(Method.SYMBOLIC_LIMIT);
        assertThat(result.holds()).as(result.detail()).isTrue();
        assertThat(result.detail()).contains("so B/ln t -> 1/2").contains("so B/ln ln t -> 1/2");
    }

    @Test
    void eqn3IsTheGradientOfTheObjective() {
        SymbolicCheckResult result = checks.runCheck("lemma1-gradient");
        assertThat(result.method()).isEqualTo(Method.MACHINE_PRECISION_POINTS);
        assertThat(result.holds()).as(result.detail()).isTrue();
    }

    @Test
    void aTimeLimitLeavesACheckUndecidedNeverRefuted() {
        SymbolicCheckResult result = new ScanSnapSymbolicChecks(eq, Duration.ofMillis(1)).runCheck("appF-closed-forms");
        assertThat(result.decision()).as(result.detail()).isEqualTo(Decision.UNDECIDED);
        assertThat(result.detail()).contains("undecided within 1 ms");
    }

    @Test
    void aResidualThatIsNotZeroIsRefutedWithACounterExample() {
        ISymbol x = eq.engine().symbol("xcontrol");
        ISymbol y = eq.engine().symbol("ycontrol");
        SymbolicCheckResult result = checks.identity("control-refuted", "control", "x y = x", "x y - x",
                F.Subtract(F.Times(x, y), x));
        assertThat(result.decision()).isEqualTo(Decision.REFUTED);
        assertThat(result.detail()).contains("residual is not 0: at {").contains("xcontrol");
    }

    @Test
    void aResidualSymjaCannotReduceButThatVanishesAtEveryPointTriedIsUndecided() {
        ISymbol x = eq.engine().symbol("xpositive");
        SymbolicCheckResult result = checks.identity("control-undecided", "control", "sqrt(x^2) = x for x > 0",
                "sqrt(x^2) - x", F.Subtract(F.Sqrt(F.Sqr(x)), x));
        assertThat(result.decision()).as(result.detail()).isEqualTo(Decision.UNDECIDED);
        assertThat(result.detail()).contains("Symja leaves the residual as");
    }

    @Test
    void negativeControlMissingProjectionFails() {
        ScanSnapSymbolicChecks.GradientFormula noProjection = new ScanSnapSymbolicChecks.GradientFormula() {
            @Override
            public IExpr dY(SmallInstance inst, int l, int k) {
                return inst.eqn3DeltaY(l, k);
            }

            @Override
            public IExpr dz(SmallInstance inst, int l) {
                return F.Times(inst.f(l), inst.backSignal(l));
            }
        };
        SymbolicCheckResult result = checks.gradientMatches("control-no-projection", "control", "dz without (I - f f^T)",
                eq.smallInstance(new int[] {0, 1, 1}, 0), noProjection);
        assertThat(result.holds()).isFalse();
        assertThat(result.detail()).contains("largest: dz[");
    }

    @Test
    void negativeControlWrongSignFails() {
        ScanSnapSymbolicChecks.GradientFormula flipped = new ScanSnapSymbolicChecks.GradientFormula() {
            @Override
            public IExpr dY(SmallInstance inst, int l, int k) {
                return F.Negate(inst.eqn3DeltaY(l, k));
            }

            @Override
            public IExpr dz(SmallInstance inst, int l) {
                return inst.eqn3DeltaZ(l);
            }
        };
        SymbolicCheckResult result = checks.gradientMatches("control-sign", "control", "dY with the sign flipped",
                eq.smallInstance(new int[] {0, 1, 1}, 0), flipped);
        assertThat(result.holds()).isFalse();
        assertThat(result.detail()).contains("largest: dY[");
    }

    @Test
    void negativeControlWrongOdeIsNotSimplifiedAway() {
        ScanSnapEquations.Symbols s = eq.symbols();
        IExpr implicit = eq.lemma6ImplicitResidual(s.h(), s.t());
        IExpr slope = F.Negate(F.Divide(F.D(implicit, s.t()), F.D(implicit, s.h())));
        IExpr offByK = F.Times(s.k(), eq.lemma6Rhs(s.h()));
        assertThat(eq.engine().simplifiesToZero(F.Subtract(slope, offByK), SymbolicEngine.DEFAULT_TIMEOUT)).isFalse();
    }

    @Test
    void symbolicGradientAgreesWithPlainJavaEqn3() {
        Random random = new Random(5);
        double[][] y = new double[3][3];
        double[] z = new double[3];
        for (int l = 0; l < 3; l++) {
            z[l] = 4 * random.nextDouble() - 2;
            for (int k = 0; k < 3; k++) {
                y[l][k] = 6 * random.nextDouble() - 3;
            }
        }
        int[] tokens = {0, 1, 1};
        SymbolicGradient gradient = eq.objectiveGradient(y, z, tokens, 0);
        double[][] plain = PlainJava.eqn3(y, z, tokens, 0);
        for (int l = 0; l < 3; l++) {
            for (int k = 0; k < 3; k++) {
                assertThat(gradient.dY()[l][k]).isCloseTo(plain[l][k], within(GRADIENT_AGREEMENT));
            }
            assertThat(gradient.dz()[l]).isCloseTo(plain[3][l], within(GRADIENT_AGREEMENT));
        }
    }
}
