package org.theorycheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code train} on rung transformer: the same two files as the YZ model (attention.csv with the measured
 * attention as a last column), identical bytes for a seed at a fixed thread count, and bad input refused
 * with exit code 2 before anything is written.
 */
class TransformerCommandTest {

    private static final String EXPERIMENT = "experiments/scan-and-snap/syn-small-transformer.yaml";
    /** Small enough for a unit test: a few steps, short contexts, a small batch. */
    private static final String[] SMALL = {"train.steps=6", "train.record_every=3", "data.context=15", "train.batch=16",
            "train.eta_z=0.1"};

    @TempDir
    Path tmp;

    private Cli.Outcome train(Path out, String... overrides) {
        String[] args = new String[overrides.length + SMALL.length + 4];
        args[0] = "train";
        args[1] = EXPERIMENT;
        System.arraycopy(SMALL, 0, args, 2, SMALL.length);
        System.arraycopy(overrides, 0, args, 2 + SMALL.length, overrides.length);
        args[args.length - 2] = "--out";
        args[args.length - 1] = out.toString();
        return Cli.run(args);
    }

    @Test
    void writesTraceAndAttentionReproducibly() throws IOException {
        Cli.Outcome first = train(tmp.resolve("a"));
        assertThat(first.code()).as(first.err()).isZero();
        Cli.Outcome second = train(tmp.resolve("b"));
        assertThat(second.code()).as(second.err()).isZero();
        for (String f : List.of("trace.csv", "attention.csv")) {
            assertThat(Files.readString(tmp.resolve("b").resolve(f))).as(f + " for the same seed")
                    .isEqualTo(Files.readString(tmp.resolve("a").resolve(f)));
        }
        List<String> attention = Files.readAllLines(tmp.resolve("a").resolve("attention.csv"));
        assertThat(attention.get(0)).isEqualTo("step,next_token,token,role,p,z,c,a");
        assertThat(Files.readAllLines(tmp.resolve("a").resolve("trace.csv")).get(0)).startsWith("step,loss,distinct_entropy");
        // steps 0, 3, 6; two classes of 20 tokens each
        assertThat(attention).hasSize(1 + 3 * 2 * 20);
        double[] measured = new double[2];
        for (String row : attention.subList(1, 41)) {
            String[] c = row.split(",");
            measured[Integer.parseInt(c[1])] += Double.parseDouble(c[7]);
        }
        assertThat(measured).as("the query's measured attention over its context sums to 1 per class")
                .containsExactly(new double[] {1, 1}, org.assertj.core.data.Offset.offset(1e-5));
        Cli.Outcome other = train(tmp.resolve("c"), "seeds=2");
        assertThat(Files.readString(tmp.resolve("c").resolve("trace.csv"))).as("another seed")
                .isNotEqualTo(Files.readString(tmp.resolve("a").resolve("trace.csv")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "heads that do not divide emsize|transformer.heads=3|transformer.heads|divisible",
            "a transformer key on rung sgd|rung=sgd|transformer.emsize|only rung transformer",
            "Adam on the transformer|train.optimizer=adam|train.optimizer|SGD",
            "a misspelt transformer key|transformer.emsise=8|transformer.emsise|names no key",
            "negative clipping norm|transformer.clip=-1|transformer.clip|>= 0",
            "sizes that cannot fit|transformer.emsize=400000|transformer.emsize|GB",
            "a switch that is not true or false|transformer.residual=maybe|transformer.residual|true",
            "an attention that is neither form|transformer.attention=dense|transformer.attention|factored",
            "the YZ initialisation of a factored Z|transformer.init=yz|transformer.init|one_hot",
            "a free Z of two heads|transformer.attention=free,transformer.heads=2|transformer.attention|one head"})
    void badInputIsRefusedBeforeAnythingIsWritten(String name, String override, String key, String message) {
        Path out = tmp.resolve("out");
        Cli.Outcome o = train(out, override.split(","));
        assertThat(o.code()).as(o.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.errorLines()).singleElement().asString().contains(EXPERIMENT, key, message);
        assertThat(out).doesNotExist();
    }

    /**
     * Clipped gradients keep every weight finite at η = 1000, but the effective logits pass 2^23, where single
     * precision keeps no digit below 1 (the run used to end with exit 0, the loss at 1e6 nats).
     */
    @Test
    void logitsThatOverflowSinglePrecisionAreADivergence() {
        Path out = tmp.resolve("out");
        Cli.Outcome o = train(out, "train.eta_z=1e3", "transformer.clip=1", "train.steps=12");
        assertThat(o.code()).as(o.err()).isEqualTo(Main.EXIT_DIVERGED);
        assertThat(o.errorLines()).singleElement().asString()
                .containsPattern("diverged at step \\d+: z entry \\(class \\d+, token \\d+\\) overflows")
                .contains("2^23", "train.eta_z");
        assertThat(out).doesNotExist();
    }

    @Test
    void divergenceNamesStepAndTensor() {
        Path out = tmp.resolve("out");
        // the paper's rate, at which this transformer diverges (experiments/scan-and-snap/syn-small-transformer.yaml)
        Cli.Outcome o = train(out, "train.eta_z=1", "data.context=127", "train.batch=128", "train.steps=30");
        assertThat(o.code()).as(o.err()).isEqualTo(Main.EXIT_DIVERGED);
        assertThat(o.errorLines()).singleElement().asString().containsPattern("diverged at step \\d+: \\S+");
        assertThat(out).doesNotExist();
    }
}
