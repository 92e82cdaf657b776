package org.theorycheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code integrate} writes the same two files as {@code train} for every rung, and rejects bad input cleanly. */
class IntegrateCommandTest {

    private static final String SYN_SMALL = "experiments/scan-and-snap/syn-small.yaml";

    @TempDir
    Path dir;

    @Test
    void everyRungWritesTheTrainColumns() throws IOException {
        for (String rung : List.of("map", "flow", "reduced", "closed")) {
            Path out = dir.resolve(rung);
            Cli.Outcome r = Cli.run("integrate", SYN_SMALL, "--rung", rung, "train.steps=10", "--out", out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(Files.readAllLines(out.resolve("trace.csv")).get(0)).startsWith("step,loss,distinct_entropy");
            List<String> attention = Files.readAllLines(out.resolve("attention.csv"));
            assertThat(attention.get(0)).isEqualTo("step,next_token,token,role,p,z,c");
            assertThat(attention).anyMatch(l -> l.startsWith("10,"));
        }
    }

    private void assertRejected(String key, String... args) {
        Path out = dir.resolve("never");
        String[] all = new String[args.length + 3];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--out";
        all[args.length + 1] = out.toString();
        all[args.length + 2] = "train.steps=5";
        Cli.Outcome r = Cli.run(all);
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.errorLines()).hasSize(1);
        assertThat(r.err()).contains(SYN_SMALL).contains(key + ":");
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnknownRungIsBadInput() {
        assertRejected("--rung", "integrate", SYN_SMALL, "--rung", "lattice");
    }

    @Test
    void adamHasNoFlowLimit() {
        assertRejected("train.optimizer", "integrate", SYN_SMALL, "--rung", "flow", "train.optimizer=adam");
    }

    @Test
    void theReducedDynamicsDoNotModelTheResidualVariant() {
        assertRejected("model.residual", "integrate", SYN_SMALL, "--rung", "reduced", "model.residual=true");
    }

    @Test
    void aSweptKeyMustBeFixed() {
        assertRejected("train.eta_z", "integrate", SYN_SMALL, "--rung", "map", "train.eta_z=[1,2]");
    }
}
