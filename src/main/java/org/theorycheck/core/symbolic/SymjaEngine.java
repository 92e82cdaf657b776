package org.theorycheck.core.symbolic;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IReal;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Symja implementation of {@link SymbolicEngine}: one evaluator per thread, a watchdog thread for
 * time limits.
 *
 * <p>Time limits interrupt the calling thread instead of moving the work to another thread: Symja
 * polls the interrupt flag, and evaluating on the caller's own evaluator keeps its symbols valid.
 */
final class SymjaEngine implements SymbolicEngine {

    private static final class Holder {
        static final SymjaEngine INSTANCE = new SymjaEngine();
    }

    static SymjaEngine instance() {
        return Holder.INSTANCE;
    }

    private final ThreadLocal<ExprEvaluator> evaluators = ThreadLocal.withInitial(() -> {
        ExprEvaluator evaluator = new ExprEvaluator();
        evaluator.getEvalEngine().setQuietMode(true);
        return evaluator;
    });

    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "symbolic-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private SymjaEngine() {
        evaluators.get();
    }

    private ExprEvaluator evaluator() {
        return evaluators.get();
    }

    @Override
    public ISymbol symbol(String name) {
        return F.symbol(name, evaluator().getEvalEngine());
    }

    @Override
    public IExpr parse(String text) {
        return evaluator().eval(text);
    }

    @Override
    public IExpr evaluate(IExpr expr) {
        return evaluate(expr, DEFAULT_TIMEOUT);
    }

    /** Guards one evaluation: the watchdog may interrupt the owner only while {@code done} is false. */
    private static final class Alarm {
        private final Thread owner = Thread.currentThread();
        private boolean done;
        private boolean fired;

        synchronized void ring() {
            if (!done) {
                fired = true;
                owner.interrupt();
            }
        }

        synchronized boolean disarm() {
            done = true;
            return fired;
        }
    }

    @Override
    public IExpr evaluate(IExpr expr, Duration timeout) {
        ExprEvaluator evaluator = evaluator();
        Alarm alarm = new Alarm();
        ScheduledFuture<?> pending = watchdog.schedule(alarm::ring, timeout.toNanos(), TimeUnit.NANOSECONDS);
        IExpr result;
        RuntimeException failure = null;
        try {
            result = evaluator.eval(expr);
        } catch (RuntimeException e) {
            result = null;
            failure = e;
        } finally {
            pending.cancel(false);
        }
        if (alarm.disarm()) {
            Thread.interrupted();
            throw new SymbolicTimeoutException("Evaluation of an expression of size " + expr.leafCount(), timeout);
        }
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    @Override
    public IExpr simplify(IExpr expr, Duration timeout) {
        IExpr together = evaluate(F.Together(expr), timeout);
        if (together.isZero()) {
            return together;
        }
        return evaluate(F.Simplify(together), timeout);
    }

    @Override
    public IExpr substitute(IExpr expr, Map<ISymbol, ? extends IExpr> replacements) {
        return evaluate(F.ReplaceAll(expr, rules(replacements)));
    }

    private static IASTAppendable rules(Map<ISymbol, ? extends IExpr> replacements) {
        IASTAppendable rules = F.ListAlloc(replacements.size());
        replacements.forEach((symbol, value) -> rules.append(F.Rule(symbol, value)));
        return rules;
    }

    @Override
    public double numeric(IExpr expr, Map<ISymbol, Double> values) {
        IASTAppendable rules = F.ListAlloc(values.size());
        values.forEach((symbol, value) -> rules.append(F.Rule(symbol, F.num(value))));
        IExpr result = evaluate(F.N(F.ReplaceAll(expr, rules)));
        if (!result.isReal()) {
            throw new IllegalArgumentException("Not a real number: " + result + " (from " + expr + " at " + values + ")");
        }
        return ((IReal) result).doubleValue();
    }

    @Override
    public BigDecimal numeric(IExpr expr, Map<ISymbol, Double> values, int digits) {
        IASTAppendable rules = F.ListAlloc(values.size());
        values.forEach((symbol, value) -> rules.append(F.Rule(symbol, exactRational(value))));
        IExpr result = evaluate(F.N(F.ReplaceAll(expr, rules), F.ZZ(digits)));
        if (!result.isReal()) {
            throw new IllegalArgumentException("Not a real number: " + result + " (from " + expr + " at " + values + ")");
        }
        return new BigDecimal(((IReal) result).apfloatValue().toString(true));
    }

    private static BigDecimal exactDecimal(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Not finite: " + value);
        }
        return new BigDecimal(value);
    }

    @Override
    public IExpr exactRational(double value) {
        BigDecimal exact = exactDecimal(value);
        BigInteger numerator = exact.unscaledValue();
        int scale = exact.scale();
        if (scale <= 0) {
            return F.ZZ(numerator.multiply(BigInteger.TEN.pow(-scale)));
        }
        return F.fraction(numerator, BigInteger.TEN.pow(scale));
    }

    @Override
    public RationalPoints zeroAtRationals(
            IExpr expr, List<ISymbol> vars, int n, long seed, Duration timeoutPerPoint) {
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            IASTAppendable rules = F.ListAlloc(vars.size());
            for (ISymbol v : vars) {
                rules.append(F.Rule(v, F.QQ(1 + random.nextInt(97), 1 + random.nextInt(31))));
            }
            IExpr value = simplify(evaluate(F.ReplaceAll(expr, rules), timeoutPerPoint), timeoutPerPoint);
            if (!value.isZero()) {
                return new RationalPoints(false, i + 1, "at " + rules + " the value is " + value);
            }
        }
        return new RationalPoints(true, n, "");
    }

    @Override
    public void shutdown() {
        watchdog.shutdownNow();
        edu.jas.kern.ComputerThreads.terminate();
    }
}
