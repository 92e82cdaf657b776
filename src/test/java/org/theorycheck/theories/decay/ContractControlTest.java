package org.theorycheck.theories.decay;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import org.theorycheck.contract.RungContract;
import org.theorycheck.core.Theory;
import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.core.claims.PerSeed;
import org.theorycheck.core.claims.Quantity;
import org.theorycheck.core.ladder.Rung;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contracts' own negative controls, on the toy theory: a rung that breaks one clause of the rung
 * contract fails that clause and only that one, and a quantity that cannot fail, or gives a negative
 * deviation, or no worst case, fails the quantity contract.
 */
class ContractControlTest {

    /** A ladder of rungs that each break one clause; not a test class of its own. */
    static final class BrokenLadder extends RungContract<DecayExperiment, DecayTrace> {
        @Override
        protected Theory<DecayExperiment, DecayTrace> theory() {
            return new DecayTheory();
        }

        @Override
        protected List<Rung<DecayExperiment, DecayTrace>> rungs() {
            return List.of(new Broken("noisy") {
                private long calls;

                @Override
                double[] weights(DecayExperiment e, long seed) {
                    double[] w = super.weights(e, seed);
                    w[1] += ++calls * 1e-12;
                    return w;
                }
            }, new Broken("short") {
                @Override
                public DecayTrace run(DecayExperiment e, long seed) {
                    DecayTrace t = super.run(e, seed);
                    int n = t.steps().length - 1;
                    return new DecayTrace(Arrays.copyOf(t.steps(), n), Arrays.copyOf(t.weight(), n), e.target());
                }
            }, new Broken("ragged") {
                @Override
                public DecayTrace run(DecayExperiment e, long seed) {
                    DecayTrace t = super.run(e, seed);
                    return new DecayTrace(t.steps(), Arrays.copyOf(t.weight(), 3), e.target());
                }
            }, new Broken("backwards") {
                @Override
                public DecayTrace run(DecayExperiment e, long seed, DoubleConsumer progress) {
                    progress.accept(e.steps());
                    progress.accept(0);
                    return run(e, seed);
                }
            }, new Broken("keyless") {
                @Override
                public void requireApplicable(DecayExperiment e) {
                    if (e.rate() > 1) {
                        throw new IllegalArgumentException("rate above 1");
                    }
                }
            }, new Broken("seeded") {
                @Override
                public boolean isRandom(DecayExperiment e) {
                    return false;
                }

                @Override
                double[] weights(DecayExperiment e, long seed) {
                    double[] w = super.weights(e, seed);
                    w[0] += seed * 1e-3;
                    return w;
                }
            });
        }

        @Override
        protected DecayExperiment experiment(Rung<DecayExperiment, DecayTrace> rung) {
            return DecayRungContractTest.read("train.steps=20");
        }

        @Override
        protected Optional<DecayExperiment> refused(Rung<DecayExperiment, DecayTrace> rung) {
            return Optional.of(DecayRungContractTest.read("train.rate=1.5"));
        }
    }

    /** A rung like gradient descent, random unless told otherwise, that refuses a rate above 1 as the contract asks. */
    private static class Broken implements Rung<DecayExperiment, DecayTrace> {
        private final String name;

        Broken(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        double[] weights(DecayExperiment e, long seed) {
            return new DecayRungs.Gd().run(e, seed).weight().clone();
        }

        @Override
        public DecayTrace run(DecayExperiment e, long seed) {
            DecayTrace t = new DecayRungs.Gd().run(e, seed);
            return new DecayTrace(t.steps(), weights(e, seed), e.target());
        }

        @Override
        public void requireApplicable(DecayExperiment e) {
            new DecayRungs.Closed().requireApplicable(e);
        }
    }

    /** Per rung, the clauses (test names) it failed. */
    private static Map<String, List<String>> failures(RungContract<?, ?> contract) {
        Map<String, List<String>> failed = new LinkedHashMap<>();
        contract.everyRungKeepsTheContract().forEach(container -> failed.put(container.getDisplayName(),
                container.getChildren().filter(test -> fails((DynamicTest) test)).map(DynamicNode::getDisplayName).toList()));
        return failed;
    }

    private static boolean fails(DynamicTest test) {
        try {
            test.getExecutable().execute();
            return false;
        } catch (TestAbortedException skipped) {
            return false;
        } catch (Throwable failed) {
            return true;
        }
    }

    @Test
    void eachBrokenRungFailsTheClauseItBreaksAndNoOther() {
        Map<String, List<String>> failed = failures(new BrokenLadder());
        assertThat(failed.get("noisy")).singleElement().asString().contains("same bits");
        assertThat(failed.get("short")).singleElement().asString().contains("time axis");
        assertThat(failed.get("ragged")).singleElement().asString().contains("one value per time");
        assertThat(failed.get("backwards")).singleElement().asString().contains("progress");
        assertThat(failed.get("keyless")).singleElement().asString().contains("refused");
        assertThat(failed.get("seeded")).singleElement().asString().contains("deterministic");
    }

    /** rung_gap's contract with another quantity in its place. */
    private static DecayRungGapContractTest contractOf(Quantity<DecayExperiment, DecayTrace> replacement) {
        return new DecayRungGapContractTest() {
            @Override
            protected Quantity<DecayExperiment, DecayTrace> quantity() {
                return replacement;
            }
        };
    }

    /** rung_gap with its deviations and counter-example replaced. */
    private static Quantity<DecayExperiment, DecayTrace> rungGapWith(Deviation deviation, String counterexample) {
        RungGap real = new RungGap();
        return new Quantity<>() {
            @Override
            public String name() {
                return real.name();
            }

            @Override
            public String description() {
                return real.description();
            }

            @Override
            public Set<String> rungs() {
                return real.rungs();
            }

            @Override
            public List<Parameter> parameters() {
                return real.parameters();
            }

            @Override
            public Measurement measure(CheckContext<DecayExperiment, DecayTrace> context) {
                DecayExperiment e = context.config();
                double[] d = PerSeed.measure(context, DecayTrace.class, (seed, trace) -> deviation.of(trace.weight(),
                        context.trace(context.rung(context.text("against")), e, seed).weight(), e));
                return new Measurement(d[0], "replaced", d, counterexample);
            }
        };
    }

    @FunctionalInterface
    private interface Deviation {
        double of(double[] w, double[] against, DecayExperiment e);
    }

    /** The largest signed gap w − w', which is negative where w lags. */
    private static double signedGap(double[] w, double[] against, DecayExperiment e) {
        double largest = Double.NEGATIVE_INFINITY;
        for (int k = 1; k < w.length; k++) {
            largest = Math.max(largest, (w[k] - against[k]) / Math.abs(e.start() - e.target()));
        }
        return largest;
    }

    @Test
    void aQuantityThatCannotFailBreaksTheContract() {
        DecayRungGapContractTest contract = contractOf(rungGapWith((w, against, e) -> 0, "nowhere"));
        assertThatCode(contract::inputThatMeetsThePredictionHolds).doesNotThrowAnyException();
        assertThatThrownBy(contract::inputThatBreaksThePredictionFails).isInstanceOf(AssertionError.class);
    }

    @Test
    void aNegativeDeviationBreaksTheContract() {
        DecayRungGapContractTest contract = contractOf(rungGapWith((w, against, e) -> -Math.abs(signedGap(w, against, e)), "x"));
        assertThatThrownBy(contract::deviationsAreNonNegative).isInstanceOf(AssertionError.class);
    }

    @Test
    void aBreachWithNoWorstCaseBreaksTheContract() {
        DecayRungGapContractTest contract = contractOf(rungGapWith(
                (w, against, e) -> Math.abs(signedGap(w, against, e)), ""));
        assertThatThrownBy(contract::inputThatBreaksThePredictionFails).isInstanceOf(AssertionError.class)
                .hasMessageContaining("worst case");
    }
}
