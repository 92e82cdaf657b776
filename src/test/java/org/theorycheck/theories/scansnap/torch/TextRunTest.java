package org.theorycheck.theories.scansnap.torch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The transformer on text, on the corpus of {@link TextFixture} whose ten files are one and the same text: with
 * one column (batch = eval_batch = 1) the first valid window is then the first training window, so the entropy and
 * the change rate the run reports on the valid window can be recomputed here from the layer-0 maps it
 * records of training window 0.
 */
class TextRunTest {

    private static final int BPTT = TextFixture.BPTT;
    private static final double NOISE = 1e-5;

    @TempDir
    Path tmp;

    private ExperimentConfig experiment(String... overrides) throws IOException {
        return TextFixture.experiment(tmp, overrides);
    }

    private List<TextRun.Record> run(ExperimentConfig config) {
        return TextRun.run(config, TextFixture.corpus(config, tmp), 7, step -> { });
    }

    @Test
    void recordsEveryRecordStepWithOneValuePerLayer() throws IOException {
        List<TextRun.Record> records = run(experiment());
        assertThat(records).extracting(TextRun.Record::step).containsExactly(0, 2, 4, 6);
        for (TextRun.Record r : records) {
            assertThat(r.entropy()).hasSize(2);
            assertThat(r.change()).hasSize(2);
            assertThat(r.map()).hasSize(BPTT * BPTT);
            // a causal row i spreads over i + 1 positions at most
            double uniform = 0;
            for (int i = 0; i < BPTT; i++) {
                uniform += Math.log(i + 1) / BPTT;
            }
            for (double h : r.entropy()) {
                assertThat(h).isBetween(0.0, uniform + NOISE);
            }
        }
        assertThat(records.get(0).change()).containsOnly(Double.NaN);
        for (double c : records.get(3).change()) {
            assertThat(c).isPositive();
        }
        // at the start the decoder's logits are small: the perplexity is about the vocabulary's size (11 entries)
        assertThat(records.get(0).perplexity()).isCloseTo(11, within(1.0));
    }

    /**
     * At η = 100 every weight and the loss stay in range, but the validation cross-entropy passes 709 nats and
     * its perplexity is infinite: a recorded value that is not finite is a divergence (it used to be written).
     */
    @Test
    void anInfinitePerplexityIsADivergence() throws IOException {
        ExperimentConfig config = experiment("train.eta_z=100", "train.steps=20");
        org.theorycheck.core.ladder.DivergenceException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.theorycheck.core.ladder.DivergenceException.class, () -> run(config));
        assertThat(e.quantity()).isEqualTo("val_perplexity");
        assertThat(e.step()).as("a record step").isPositive().isEven();
        assertThat(e.getMessage()).contains("is not finite (Infinity)", "train.eta_z");
    }

    @Test
    void mapsAreCausalDistributions() throws IOException {
        for (TextRun.Record r : run(experiment())) {
            for (int i = 0; i < BPTT; i++) {
                double sum = 0;
                for (int j = 0; j < BPTT; j++) {
                    double a = r.map()[i * BPTT + j];
                    if (j > i) {
                        assertThat(a).as("query %d, key %d", i, j).isZero();
                    }
                    sum += a;
                }
                assertThat(sum).isCloseTo(1, within(NOISE));
            }
        }
    }

    @Test
    void entropyAndChangeRateAreTheAuthorsMeasuresOfTheMaps() throws IOException {
        List<TextRun.Record> records = run(experiment("transformer.layers=1", "transformer.dtype=float64"));
        TextRun.Record previous = null;
        for (TextRun.Record r : records) {
            double entropy = 0;
            double change = 0;
            for (int i = 0; i < BPTT; i++) {
                for (int j = 0; j <= i; j++) {
                    double a = r.map()[i * BPTT + j];
                    entropy -= a * Math.log(a + TextRun.ENTROPY_FLOOR) / BPTT;
                    if (previous != null) {
                        change += Math.abs(a - previous.map()[i * BPTT + j]) / BPTT;
                    }
                }
            }
            assertThat(r.entropy()[0]).isCloseTo(entropy, within(1e-12));
            if (previous != null) {
                assertThat(r.change()[0]).isCloseTo(change / (r.step() - previous.step()), within(1e-12));
            }
            previous = r;
        }
    }

    @Test
    void attentionThatCannotMoveHasNoChangeRate() throws IOException {
        List<TextRun.Record> records = run(experiment("train.eta_z=1e-12", "transformer.dtype=float64"));
        for (double c : records.get(3).change()) {
            assertThat(c).isLessThan(1e-9);
        }
        assertThat(records.get(3).entropy()[0]).isCloseTo(records.get(0).entropy()[0], within(1e-9));
    }

    @Test
    void sameSeedSameNumbersWithoutDropout() throws IOException {
        ExperimentConfig config = experiment();
        assertThat(described(run(config))).isEqualTo(described(run(config)));
    }

    /**
     * Dropout masks come from the run's Java stream, so a run with dropout is reproducible too, also when
     * repeated in one JVM with garbage collections in between (where arrays that autograd still needed
     * could once be freed under it).
     */
    @Test
    void sameSeedSameNumbersWithDropoutAcrossRepeatsInOneJvm() throws IOException {
        ExperimentConfig config = experiment("transformer.dropout=0.3", "train.steps=40", "train.record_every=10");
        List<String> first = described(run(config));
        for (int repeat = 0; repeat < 3; repeat++) {
            System.gc();
            assertThat(described(run(config))).isEqualTo(first);
        }
        assertThat(first).noneMatch(line -> line.contains("NaN") || line.contains("Infinity"));
    }

    private static List<String> described(List<TextRun.Record> records) {
        List<String> lines = new ArrayList<>();
        for (TextRun.Record r : records) {
            lines.add(r.step() + " " + r.loss() + " " + r.perplexity() + " " + Arrays.toString(r.entropy()));
        }
        return lines;
    }
}
