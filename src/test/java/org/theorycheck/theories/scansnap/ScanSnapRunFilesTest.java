package org.theorycheck.theories.scansnap;

import org.junit.jupiter.api.Test;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.ladder.RunFiles;
import org.theorycheck.core.ladder.Trace;
import org.theorycheck.core.ladder.TraceCsv;
import org.theorycheck.core.ladder.TraceTable;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.rungs.Rungs;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Scan and Snap run read back from the files its rung writes is the run: every time, loss, extra and logit the files
 * hold, bit for bit; the logits they do not hold are 0 where the theory fixes them (the YZ model from zero) and NaN
 * elsewhere; each class's decoder residual (of which the files hold only the mean) is NaN. Rows that do not fit the
 * experiment are refused with their line.
 */
class ScanSnapRunFilesTest {

    private final ScanSnapTheory theory = new ScanSnapTheory();

    /** The files {@code train} writes for this trace, by name. */
    private static Map<String, String> files(Trace trace) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            StringWriter w = new StringWriter();
            TraceCsv.writeSeries(trace, w);
            out.put(TraceCsv.TRACE, w.toString());
            for (TraceTable t : trace.tables()) {
                StringWriter tw = new StringWriter();
                TraceCsv.writeTable(t, tw);
                out.put(t.name() + ".csv", tw.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private ScanSnapTrace read(ExperimentConfig experiment, Map<String, String> files) {
        return theory.readTrace(experiment, new RunFiles(theory.id(), "run", name -> files.containsKey(name)
                ? new RunFiles.Text(name, "run/" + name, files.get(name), "") : null));
    }

    private static Trajectory sgd(ExperimentConfig experiment) {
        return (Trajectory) Rungs.byName(experiment.rung()).orElseThrow().run(experiment, 1);
    }

    private static void assertSameHeldValues(Trajectory read, Trajectory computed, boolean zeroOutsideContexts) {
        assertThat(read.steps()).isEqualTo(computed.steps());
        assertThat(read.series(Trajectory.LOSS)).isEqualTo(computed.series(Trajectory.LOSS));
        assertThat(read.extraNames()).isEqualTo(computed.extraNames());
        for (String extra : computed.extraNames()) {
            assertThat(read.extraSeries(extra)).isEqualTo(computed.extraSeries(extra));
        }
        for (int i = 0; i < computed.size(); i++) {
            for (int n = 0; n < computed.classes().classes(); n++) {
                int[] sharing = computed.classes().classesOfQuery(computed.classes().queryToken(n));
                for (int l = 0; l < computed.classes().vocabulary(); l++) {
                    boolean held = false;
                    for (int other : sharing) {
                        held |= computed.classes().probability(other, l) > 0;
                    }
                    if (held || zeroOutsideContexts) {
                        assertThat(read.z(i, n, l)).as("z step %d class %d token %d", i, n, l).isEqualTo(computed.z(i, n, l));
                    } else {
                        assertThat(read.z(i, n, l)).as("z step %d class %d token %d", i, n, l).isNaN();
                    }
                }
                assertThat(read.at(i).decoderResidual()[n]).isNaN();
                if (computed.hasMeasuredAttention()) {
                    assertThat(read.at(i).measuredAttention()[n]).isEqualTo(computed.at(i).measuredAttention()[n]);
                }
            }
        }
        assertThat(read.hasMeasuredAttention()).isEqualTo(computed.hasMeasuredAttention());
    }

    @Test
    void aRunOfTheYzModelFromZeroIsReadBackWhole() {
        ExperimentConfig e = TestExperiments.synSmall("train.steps=20");
        Trajectory computed = sgd(e);
        assertSameHeldValues((Trajectory) read(e, files(computed)), computed, true);
    }

    @Test
    void classesThatShareAQueryShareTheirLogitsAndAUniformStartIsNotInvented() {
        ExperimentConfig e = TestExperiments.synSmall("train.steps=20", "data.queries=1", "data.next_per_query=2",
                "model.init=uniform");
        Trajectory computed = sgd(e);
        assertSameHeldValues((Trajectory) read(e, files(computed)), computed, false);
    }

    @Test
    void aTransformerRunIsReadBackWithItsMeasuredAttention() {
        ExperimentConfig e = TestExperiments.synSmall("rung=transformer", "train.steps=6", "train.eta_z=0.1");
        Trajectory computed = sgd(e);
        Trajectory read = (Trajectory) read(e, files(computed));
        assertSameHeldValues(read, computed, false);
        assertThat(read.undetermined()).containsExactly(Trajectory.Undetermined.DECODER_RESIDUAL);
    }

    private void refused(ExperimentConfig e, Map<String, String> files, String file, UnaryOperator<String> edit, String... message) {
        Map<String, String> edited = new LinkedHashMap<>(files);
        edited.put(file, edit.apply(files.get(file)));
        assertThatThrownBy(() -> read(e, edited)).isInstanceOfSatisfying(ConfigException.class,
                ex -> assertThat(ex.getMessage()).contains(message));
    }

    @Test
    void rowsThatDoNotFitTheExperimentAreRefusedWithTheirLine() {
        ExperimentConfig e = TestExperiments.synSmall("train.steps=4");
        Map<String, String> files = files(sgd(e));
        List<String> attention = files.get("attention.csv").lines().toList();
        String second = attention.get(2);
        refused(e, files, "attention.csv", t -> t.replace(second + "\n", ""), "run/attention.csv:1: token: has no row of step 0, class 0, token 1");
        refused(e, files, "attention.csv", t -> t.replace(second + "\n", second + "\n" + second + "\n"),
                "run/attention.csv:4: token: the row of step 0, class 0, token 1 appears twice (first on line 3)");
        refused(e, files, "attention.csv", t -> t.replaceFirst("\n0,0,1,common,", "\n0,0,25,common,"),
                "run/attention.csv:3: token: token 25 is not in the support of class 0");
        refused(e, files, "attention.csv", t -> t.replaceFirst("\n0,0,1,common,0.0645", "\n0,0,1,common,0.0745"),
                "run/attention.csv:3: p: is 0.0745", "are these runs of another experiment?");
        refused(e, files, "attention.csv", t -> t.replaceFirst("\n0,0,1,common", "\n0,0,1,distinct"),
                "run/attention.csv:3: role: is 'distinct', but token 1 is common");
        refused(e, files, "attention.csv", t -> t.replaceFirst("\n0,0,1,common,(\\S+?),0.0,(\\S+)\n", "\n0,0,1,common,$1,0.0,0.5\n"),
                "run/attention.csv:3: c: is 0.5, but the logits z of class 0 give c = ");
        refused(e, files, "trace.csv", t -> t.replace("\n2,", "\n3,"),
                "run/trace.csv:3: step: step 2 is expected here, not 3", "train.record_every and train.steps");
        refused(e, files, "trace.csv", t -> t.replaceFirst("\n0,(\\S+?),(\\S+?),", "\n0,$1,1.5,"),
                "run/trace.csv:2: distinct_entropy: is 1.5, but the logits of attention.csv give");
        refused(e, files, "trace.csv", t -> t.replaceFirst(",row_sum_drift_z\n", ",w\n"),
                "run/trace.csv:1: w: is not a column of scan-and-snap's trace.csv");
    }

    @Test
    void theOptionalColumnsMayBeLeftOutAndAnUndefinedLossIsAnEmptyField() {
        ExperimentConfig e = TestExperiments.synSmall("train.steps=4");
        Trajectory computed = sgd(e);
        StringBuilder attention = new StringBuilder("step,next_token,token,z\n");
        StringBuilder trace = new StringBuilder("step,loss,row_sum_drift_y,row_sum_drift_z\n");
        for (int i = 0; i < computed.size(); i++) {
            trace.append(TraceCsv.step(computed.at(i).step())).append(',').append(i == 1 ? "" : computed.at(i).loss()).append(",0,0\n");
            for (int n = 0; n < computed.classes().classes(); n++) {
                for (int l : computed.classes().support(n)) {
                    attention.append(TraceCsv.step(computed.at(i).step())).append(',').append(n).append(',').append(l).append(',')
                            .append(computed.z(i, n, l)).append('\n');
                }
            }
        }
        Trajectory read = (Trajectory) read(e, Map.of("trace.csv", trace.toString(), "attention.csv", attention.toString()));
        assertThat(read.at(1).loss()).isNaN();
        assertThat(read.at(2).loss()).isEqualTo(computed.at(2).loss());
        assertThat(read.distinctEntropy(2)).isEqualTo(computed.distinctEntropy(2));
    }
}
