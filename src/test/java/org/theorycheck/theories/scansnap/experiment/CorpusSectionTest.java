package org.theorycheck.theories.scansnap.experiment;

import org.theorycheck.core.experiment.SweepAxis;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.experiment.ExperimentFile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code corpus:} section of an experiment file: typed, validated, each error at its line and key. */
class CorpusSectionTest {

    private static ExperimentConfig resolve(String yaml, String... overrides) {
        return ExperimentFile.parse("text.yaml", yaml, ScanSnapExperiments.SCHEMA).withOverrides(List.of(overrides)).resolve();
    }

    private static ConfigException error(String yaml, String... overrides) {
        try {
            resolve(yaml, overrides);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("no error for " + yaml);
    }

    @Test
    void defaultsArePytorchsWordLanguageModelOnes() {
        ExperimentConfig c = resolve("rung: transformer\ncorpus:\n  name: brown\n");
        assertThat(c.corpus()).isEqualTo(new CorpusSpec(CorpusSpec.Name.BROWN, "", 1, 20, 10, 35, 10, 100));
        assertThat(resolve("name: x\n").corpus()).isNull();
    }

    @Test
    void everyKeyAndOverride() {
        ExperimentConfig c = resolve("rung: transformer\ncorpus:\n  name: wikitext103\n  dir: data/wt103\n  min_count: 3\n  batch: 8\n"
                + "  eval_batch: 4\n  bptt: 16\n", "corpus.min_count=5");
        assertThat(c.corpus()).isEqualTo(new CorpusSpec(CorpusSpec.Name.WIKITEXT103, "data/wt103", 5, 8, 4, 16, 10, 100));
        ExperimentConfig swept = resolve("rung: transformer\ncorpus:\n  name: brown\nsweep:\n  corpus.bptt: [20, 35]\n");
        assertThat(swept.sweep()).containsExactly(new SweepAxis("corpus.bptt", List.of("20", "35")));
    }

    @Test
    void unknownKeyNamesLineAndKey() {
        ConfigException e = error("rung: transformer\ncorpus:\n  name: brown\n  mincount: 2\n");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.key()).isEqualTo("corpus.mincount");
        assertThat(e.problem()).contains("unknown key", "corpus.min_count");
    }

    @Test
    void badValues() {
        assertThat(error("rung: transformer\ncorpus:\n  name: penn\n")).satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.problem()).contains("brown | wikitext2 | wikitext103");
        });
        assertThat(error("rung: transformer\ncorpus:\n  name: brown\n  bptt: 0\n").key()).isEqualTo("corpus.bptt");
        assertThat(error("rung: transformer\ncorpus:\n  name: brown\n  min_count: 1.5\n").key()).isEqualTo("corpus.min_count");
        assertThat(error("rung: transformer\ncorpus:\n  name: brown\n", "corpus.batch=-1").key()).isEqualTo("corpus.batch");
    }

    @Test
    void aSectionNeedsItsNameAndWikiTextItsDirectory() {
        assertThat(error("rung: transformer\ncorpus:\n  bptt: 20\n")).satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.problem()).contains("needs corpus.name");
        });
        assertThat(error("rung: transformer\ncorpus:\n  name: wikitext2\n")).satisfies(e -> {
            assertThat(e.key()).isEqualTo("corpus.name");
            assertThat(e.problem()).contains("give corpus.dir", "wiki.train.tokens");
        });
    }

    @Test
    void aCorpusReplacesTheSyntheticFamilyAndItsBatch() {
        assertThat(error("rung: transformer\ndata:\n  queries: 2\ncorpus:\n  name: brown\n")).satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.key()).isEqualTo("data.queries");
            assertThat(e.problem()).contains("either the synthetic family (data:) or a corpus (corpus:, line 5)");
        });
        assertThat(error("rung: transformer\ncorpus:\n  name: brown\ntrain:\n  batch: 8\n")).satisfies(e -> {
            assertThat(e.line()).isEqualTo(5);
            assertThat(e.problem()).contains("corpus.batch");
        });
    }

    @Test
    void aCorpusIsReadByTheTransformerRungOnly() {
        assertThat(error("corpus:\n  name: brown\n")).satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.key()).isEqualTo("corpus.name");
            assertThat(e.problem()).isEqualTo("a corpus is read by rung transformer only, but rung is sgd; set rung: transformer");
        });
    }

    @Test
    void commandsOfTheSyntheticClassesRefuseACorpus() {
        ExperimentConfig c = resolve("rung: transformer\ncorpus:\n  name: brown\n");
        assertThatThrownBy(() -> c.requireSynthetic("sweep")).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problem()).isEqualTo("sweep runs on the synthetic sequence classes (data:), "
                        + "but this experiment reads the brown corpus"));
    }

    @Test
    void aCorpusRunKeepsEveryFeatureOfTheTransformer() {
        ConfigException e = error("rung: transformer\ncorpus:\n  name: brown\ntransformer:\n  residual: false\n");
        assertThat(e.key()).isEqualTo("transformer.residual");
        assertThat(e.problem()).contains("synthetic classes");
    }

    @Test
    void checkpointsAreForCorpusRunsOnly() {
        assertThat(resolve("rung: transformer\ncorpus:\n  name: brown\n").train().checkpointEvery())
                .isEqualTo(ScanSnapExperiments.CORPUS_CHECKPOINT_EVERY);
        assertThat(resolve("rung: transformer\ncorpus:\n  name: brown\ntrain:\n  checkpoint_every: 25\n").train()
                .checkpointEvery()).isEqualTo(25);
        assertThat(resolve("rung: transformer\ncorpus:\n  name: brown\n", "train.checkpoint_every=0").train()
                .checkpointEvery()).isZero();
        assertThat(resolve("name: x\n").train().checkpointEvery()).isZero();
        assertThat(resolve("name: x\n", "train.checkpoint_every=0").train().checkpointEvery()).isZero();
        assertThat(error("name: x\ntrain:\n  checkpoint_every: 10\n")).satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.key()).isEqualTo("train.checkpoint_every");
            assertThat(e.problem()).contains("only a run on a corpus");
        });
        assertThat(error("rung: transformer\ncorpus:\n  name: brown\ntrain:\n  checkpoint_every: -1\n")).satisfies(e -> {
            assertThat(e.line()).isEqualTo(5);
            assertThat(e.problem()).contains("must be an integer from 0 to 2,147,483,647, got -1");
        });
        assertThat(error("rung: transformer\ncorpus:\n  name: brown\nsweep:\n  train.checkpoint_every: [10, 20]\n").problem())
                .contains("cannot be swept");
    }
}
