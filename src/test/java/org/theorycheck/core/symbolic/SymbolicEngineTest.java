package org.theorycheck.core.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

class SymbolicEngineTest {

    /** Double evaluation of O(1) expressions: a few ulps. */
    private static final double ROUND_OFF = 1e-14;

    private final SymbolicEngine engine = SymbolicEngine.shared();

    @Test
    void differentiatesAndSimplifies() {
        ISymbol x = engine.symbol("x");
        ISymbol eta = engine.symbol("etax");
        IExpr derivative = engine.evaluate(F.D(F.Divide(F.Log(F.Plus(F.C1, F.Times(eta, x))), eta), x));
        IExpr claimed = F.Power(F.Plus(F.C1, F.Times(eta, x)), F.CN1);
        assertThat(engine.simplifiesToZero(F.Subtract(derivative, claimed), SymbolicEngine.DEFAULT_TIMEOUT)).isTrue();
        assertThat(engine.simplifiesToZero(F.Subtract(derivative, F.Times(F.C2, claimed)), SymbolicEngine.DEFAULT_TIMEOUT)).isFalse();
    }

    @Test
    void substitutesAndEvaluatesNumerically() {
        ISymbol x = engine.symbol("x");
        IExpr f = engine.parse("x^2 + Log(1 + x)");
        assertThat(engine.substitute(f, Map.of(x, F.QQ(1, 3)))).isEqualTo(engine.parse("1/9 + Log(4/3)"));
        assertThat(engine.numeric(f, Map.of(x, 0.25))).isCloseTo(0.0625 + Math.log(1.25), org.assertj.core.data.Offset.offset(ROUND_OFF));
        assertThat(engine.numeric(f, Map.of(x, 0.25), 30).doubleValue())
                .isCloseTo(0.0625 + Math.log(1.25), org.assertj.core.data.Offset.offset(ROUND_OFF));
    }

    @Test
    void rejectsNonRealNumericResult() {
        ISymbol x = engine.symbol("x");
        assertThatThrownBy(() -> engine.numeric(engine.parse("Sqrt(x)"), Map.of(x, -1.0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rationalPointsSeparateIdentitiesFromNonIdentities() {
        ISymbol x = engine.symbol("x");
        ISymbol y = engine.symbol("y");
        IExpr identity = engine.parse("(x + y)^2 - x^2 - 2*x*y - y^2");
        IExpr nonIdentity = engine.parse("(x + y)^2 - x^2 - y^2");
        assertThat(engine.isZeroAtRationals(identity, List.of(x, y), 5, 1L)).isTrue();
        SymbolicEngine.RationalPoints miss = engine.zeroAtRationals(nonIdentity, List.of(x, y), 5, 1L, SymbolicEngine.DEFAULT_TIMEOUT);
        assertThat(miss.allZero()).isFalse();
        assertThat(miss.pointsTried()).isEqualTo(1);
        assertThat(miss.counterexample()).contains("value");
    }

    @Test
    void exactRationalIsTheDoublesBinaryValue() {
        assertThat(engine.exactRational(0.5)).isEqualTo(F.QQ(1, 2));
        assertThat(engine.exactRational(3.0)).isEqualTo(F.ZZ(3));
        assertThat(engine.exactRational(0.1).toString()).isEqualTo("3602879701896397/36028797018963968");
    }

    /**
     * Slow-tagged: Symja stops only where it polls the interrupt flag, and under heavy machine load this
     * integral once ran for minutes before reaching such a point. Run with {@code mvn -B test -Pslow}.
     */
    @Test
    @Tag("slow")
    void aHungEvaluationIsStoppedAndTheEngineStaysUsable() {
        IExpr hard = engine.parse("Hold(Integrate(Sqrt(Tan(x))*Log(x)^3/(1+x^7), x))").first();
        long start = System.nanoTime();
        assertThatThrownBy(() -> engine.evaluate(hard, Duration.ofSeconds(1))).isInstanceOf(SymbolicTimeoutException.class);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(engine.parse("D(x^3, x)")).isEqualTo(engine.parse("3*x^2"));
    }

    @Test
    void fourThreadsEvaluateConcurrentlyWithCorrectResults() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 4; task++) {
                int k = task + 2;
                Callable<Boolean> work = () -> {
                    ISymbol x = engine.symbol("x");
                    for (int round = 0; round < 15; round++) {
                        IExpr power = F.Power(x, F.ZZ(k + round));
                        IExpr derivative = engine.evaluate(F.D(power, x));
                        IExpr expected = engine.evaluate(F.Times(F.ZZ(k + round), F.Power(x, F.ZZ(k + round - 1))));
                        double value = engine.numeric(F.Log(F.Plus(F.C1, power)), Map.of(x, 0.5));
                        double plain = Math.log1p(Math.pow(0.5, k + round));
                        if (!derivative.equals(expected) || Math.abs(value - plain) > ROUND_OFF) {
                            return false;
                        }
                    }
                    return true;
                };
                results.add(pool.submit(work));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
