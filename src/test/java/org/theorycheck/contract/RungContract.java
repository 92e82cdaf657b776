package org.theorycheck.contract;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.theorycheck.core.Theory;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.core.ladder.Trace;
import org.theorycheck.core.ladder.TraceTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every rung of every theory must do, whatever it computes ({@link Rung}, {@link Trace}): a run is
 * a pure function of experiment and seed, on the time axis of the top rung's steps, with one value per
 * time in every series; progress, where reported, only moves forward, to the end; an experiment a rung
 * cannot run is refused before it runs, naming the key of its experiments to change. A theory's subclass
 * supplies the theory, a small experiment each rung runs, and for each rung an experiment it refuses (or
 * none). One container of tests per rung.
 *
 * @param <E> the theory's experiment type
 * @param <T> the theory's trace type
 */
public abstract class RungContract<E extends Experiment, T extends Trace> {

    /** The theory whose rungs are under test. */
    protected abstract Theory<E, T> theory();

    /** Fresh instances of the rungs under test: the theory's whole ladder. */
    protected List<Rung<E, T>> rungs() {
        return theory().ladder();
    }

    /** An experiment every rung of {@link #rungs()} runs, small enough to run each a few times. */
    protected abstract E experiment(Rung<E, T> rung);

    /** An experiment this rung cannot run, or empty if it runs every valid experiment of its theory. */
    protected abstract Optional<E> refused(Rung<E, T> rung);

    /** The seed of the repeated runs; a second, different one for the deterministic rungs. */
    private static final long SEED = 1;
    private static final long OTHER_SEED = 2;

    @TestFactory
    public Stream<DynamicContainer> everyRungKeepsTheContract() {
        return rungs().stream().map(rung -> DynamicContainer.dynamicContainer(rung.name(), new Runs(rung).tests()));
    }

    /** One rung's runs, each computed once and shared by the tests that read it. */
    private final class Runs {
        private final Rung<E, T> rung;
        private final E experiment;
        private T first;
        private T again;
        private final List<Double> progress = new ArrayList<>();

        Runs(Rung<E, T> rung) {
            this.rung = rung;
            this.experiment = experiment(rung);
        }

        private T first() {
            if (first == null) {
                first = rung.run(experiment, SEED);
            }
            return first;
        }

        /** The same run again, with a progress listener: it must change nothing. */
        private T again() {
            if (again == null) {
                again = rung.run(experiment, SEED, progress::add);
            }
            return again;
        }

        Stream<DynamicTest> tests() {
            return Stream.of(
                    DynamicTest.dynamicTest("the same experiment and seed give the same bits, progress or not",
                            () -> assertSameBits(first(), again(), "two runs with seed " + SEED)),
                    DynamicTest.dynamicTest("the time axis starts at 0, ascends and ends at the experiment's steps", () -> {
                        double[] steps = first().steps();
                        assertThat(steps).as("times").isNotEmpty();
                        assertThat(steps[0]).as("first time").isZero();
                        for (int i = 1; i < steps.length; i++) {
                            assertThat(steps[i]).as("time %d after %s", i, steps[i - 1]).isGreaterThan(steps[i - 1]);
                        }
                        assertThat(steps[steps.length - 1]).as("last time").isEqualTo((double) experiment.steps());
                    }),
                    DynamicTest.dynamicTest("every series has one value per time", () -> {
                        T trace = first();
                        assertThat(trace.seriesNames()).as("series").isNotEmpty();
                        for (String name : trace.seriesNames()) {
                            assertThat(trace.series(name)).as("series %s", name).hasSameSizeAs(trace.steps());
                        }
                    }),
                    DynamicTest.dynamicTest("progress, if reported, only moves forward and ends at the last time", () -> {
                        again();
                        Assumptions.assumeFalse(progress.isEmpty(), "rung " + rung.name() + " reports no progress");
                        assertThat(progress).as("progress").isSorted();
                        double[] steps = again().steps();
                        assertThat(progress.get(progress.size() - 1)).as("last progress").isEqualTo(steps[steps.length - 1]);
                    }),
                    DynamicTest.dynamicTest("an experiment it cannot run is refused, naming a key", () -> {
                        rung.requireApplicable(experiment);
                        Optional<E> refused = refused(rung);
                        Assumptions.assumeTrue(refused.isPresent(), "rung " + rung.name() + " runs every valid experiment");
                        assertThatThrownBy(() -> rung.requireApplicable(refused.get())).isInstanceOfSatisfying(ConfigException.class,
                                e -> assertThat(theory().experiments().keys().isKey(e.key()))
                                        .as("'%s' is a key of the theory's experiments", e.key()).isTrue());
                    }),
                    DynamicTest.dynamicTest("a deterministic rung gives the same trace for every seed", () -> {
                        Assumptions.assumeFalse(rung.isRandom(experiment), "rung " + rung.name() + " is random");
                        assertSameBits(first(), rung.run(experiment, OTHER_SEED), "seeds " + SEED + " and " + OTHER_SEED);
                    }));
        }
    }

    /** Equal times, series and table rows, bit for bit (NaN equals NaN; 0 and −0 differ). */
    static void assertSameBits(Trace a, Trace b, String what) {
        assertThat(b.steps()).as("%s: times", what).isEqualTo(a.steps());
        assertThat(b.seriesNames()).as("%s: series", what).isEqualTo(a.seriesNames());
        for (String name : a.seriesNames()) {
            assertThat(Bits.of(b.series(name))).as("%s: series %s", what, name).isEqualTo(Bits.of(a.series(name)));
        }
        List<TraceTable> tablesA = a.tables();
        List<TraceTable> tablesB = b.tables();
        assertThat(tablesB).as("%s: tables", what).hasSameSizeAs(tablesA);
        for (int i = 0; i < tablesA.size(); i++) {
            TraceTable ta = tablesA.get(i);
            TraceTable tb = tablesB.get(i);
            assertThat(tb.name()).as("%s: table %d", what, i).isEqualTo(ta.name());
            assertThat(tb.columns()).as("%s: table %s columns", what, ta.name()).isEqualTo(ta.columns());
            assertThat(Bits.rows(tb)).as("%s: table %s rows", what, ta.name()).isEqualTo(Bits.rows(ta));
        }
    }

    /** Values as their bits, so that equality is bit equality. */
    private static final class Bits {
        private Bits() {}

        static List<Long> of(double[] values) {
            List<Long> bits = new ArrayList<>(values.length);
            for (double v : values) {
                bits.add(Double.doubleToRawLongBits(v));
            }
            return bits;
        }

        static List<List<Object>> rows(TraceTable table) {
            List<List<Object>> rows = new ArrayList<>();
            table.rows(row -> {
                List<Object> r = new ArrayList<>(row.length);
                for (Object v : row) {
                    r.add(v instanceof Double d ? (Object) Double.doubleToRawLongBits(d)
                            : v instanceof Float f ? (Object) Float.floatToRawIntBits(f) : v);
                }
                rows.add(r);
            });
            return rows;
        }
    }
}
