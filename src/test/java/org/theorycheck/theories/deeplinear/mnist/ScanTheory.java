package org.theorycheck.theories.deeplinear.mnist;

import com.fasterxml.jackson.databind.JsonNode;
import org.theorycheck.core.Theory;
import org.theorycheck.core.claims.Quantity;
import org.theorycheck.core.claims.SymbolicChecks;
import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.experiment.ExperimentKeys;
import org.theorycheck.core.experiment.ExperimentSchema;
import org.theorycheck.core.experiment.ExperimentValues;
import org.theorycheck.core.experiment.SweepAxis;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.core.ladder.Trace;
import org.theorycheck.core.report.FigureRecipe;
import org.theorycheck.theories.deeplinear.measure.LearningTimeVsDepth;
import org.theorycheck.theories.deeplinear.network.Initialisation;
import org.theorycheck.theories.deeplinear.task.Task;
import org.theorycheck.theories.deeplinear.task.TaskSpec;

import java.util.List;

/**
 * A theory for the tests of the depth-scan quantities: experiments of a synthetic task (Σ11 = I, prescribed
 * singular values) that sweep the depth, read by a {@link DepthScanReading} as the deep-linear theory reads its
 * own. Its one rung, gd, is never run: the quantities run their scans themselves.
 */
final class ScanTheory implements Theory<ScanTheory.ScanExperiment, ScanTheory.NoTrace> {

    /** An experiment: the task's singular values, the network and the rate grid. */
    record ScanExperiment(String name, String source, List<Long> seeds, List<SweepAxis> sweep, String rung, String fingerprint,
                          double[] singularValues, int depth, int hidden, double u0, double rateLow, double rateHigh, int rateCount,
                          long steps) implements Experiment {
    }

    /** The trace of a rung that records nothing. */
    record NoTrace() implements Trace {
        @Override
        public double[] steps() {
            return new double[] {0};
        }

        @Override
        public List<String> seriesNames() {
            return List.of();
        }

        @Override
        public double[] series(String name) {
            throw new IllegalArgumentException("no series " + name);
        }
    }

    static final DepthScanReading<ScanExperiment> READING = new DepthScanReading<>() {
        @Override
        public String depthKey() {
            return "model.depth";
        }

        @Override
        public Task task(ScanExperiment e) {
            int n = e.singularValues().length;
            return new TaskSpec.Synthetic(n, n, e.singularValues(), TaskSpec.InputBasis.ONE_HOT, 1).build();
        }

        @Override
        public int depth(ScanExperiment e) {
            return e.depth();
        }

        @Override
        public int hidden(ScanExperiment e) {
            return e.hidden();
        }

        @Override
        public Initialisation init(ScanExperiment e) {
            return Initialisation.Decoupled.balanced(e.u0());
        }

        @Override
        public double[] rates(ScanExperiment e) {
            return LearningTimeVsDepth.logGrid(e.rateLow(), e.rateHigh(), e.rateCount());
        }

        @Override
        public int maxIterations(ScanExperiment e) {
            return (int) e.steps();
        }
    };

    private static final ExperimentKeys KEYS = ExperimentKeys.builder()
            .text("rung", "gd")
            .list("data.singular_values", "[3, 2, 1.5, 1]")
            .integer("model.depth", "3")
            .integer("model.hidden", "4")
            .number("model.u0", "0.001")
            .number("train.rate_low", "0.001")
            .number("train.rate_high", "1")
            .integer("train.rate_count", "15")
            .integer("train.steps", "20000")
            .fixed("rung")
            .build();

    @Override
    public String id() {
        return "depth-scan-test";
    }

    @Override
    public String title() {
        return "Depth scans of a synthetic task (a test theory)";
    }

    @Override
    public ExperimentSchema<ScanExperiment> experiments() {
        return new ExperimentSchema<>() {
            @Override
            public String theory() {
                return id();
            }

            @Override
            public ExperimentKeys keys() {
                return KEYS;
            }

            @Override
            public ScanExperiment bind(ExperimentValues v) {
                JsonNode s = v.node("data.singular_values");
                double[] singular = new double[s.size()];
                for (int i = 0; i < singular.length; i++) {
                    singular[i] = s.get(i).doubleValue();
                }
                return new ScanExperiment(v.name(), v.source(), v.seeds(), v.sweepAxes(), v.choice("rung", "gd"), v.fingerprint(),
                        singular, v.integer("model.depth", 2), v.integer("model.hidden", 1), v.positive("model.u0"),
                        v.positive("train.rate_low"), v.positive("train.rate_high"), v.integer("train.rate_count", 1),
                        v.integer("train.steps", 1));
            }
        };
    }

    @Override
    public List<Rung<ScanExperiment, NoTrace>> ladder() {
        return List.of(new Rung<>() {
            @Override
            public String name() {
                return "gd";
            }

            @Override
            public NoTrace run(ScanExperiment experiment, long seed) {
                return new NoTrace();
            }
        });
    }

    @Override
    public List<Quantity<ScanExperiment, NoTrace>> quantities() {
        return MnistQuantities.all(READING);
    }

    @Override
    public SymbolicChecks symbolic() {
        return SymbolicChecks.of(List.of(), id -> {
            throw new IllegalArgumentException("no symbolic check " + id);
        });
    }

    @Override
    public Observables<ScanExperiment, NoTrace> observables() {
        return new Observables<>() {
            @Override
            public List<String> names(ScanExperiment experiment) {
                return List.of();
            }

            @Override
            public double[] of(ScanExperiment experiment, NoTrace trace) {
                return new double[0];
            }
        };
    }

    @Override
    public List<FigureRecipe> figures() {
        return List.of();
    }
}
