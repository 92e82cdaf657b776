package org.theorycheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theorycheck.ChildJvm;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work that grows with the input is bounded before it starts: what the size check can estimate is refused with
 * one line naming the estimate, the limit and the key; what it cannot (several runs at once on a small heap) ends
 * in the one line of the out-of-memory handler, exit 4, never in a stack trace.
 */
class BoundedWorkTest {

    private static final String SYN_SMALL = Path.of("experiments", "scan-and-snap", "syn-small.yaml").toAbsolutePath().toString();

    @TempDir
    Path tmp;

    private void assertRefusedAtOnce(Cli.Outcome o, String... parts) {
        assertThat(o.code()).as(o.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.errorLines()).as(o.err()).singleElement().asString().contains(parts);
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void aBillionStepsIsRefusedForItsTraceWithTheRecordEveryThatFits() {
        assertRefusedAtOnce(Cli.run("train", SYN_SMALL, "train.steps=1e9", "--out", tmp.resolve("out").toString()),
                "train.steps: one run needs at least", "the trace (500,000,001 records", "raise train.record_every to at least");
    }

    @Test
    void fiftyMillionSeedsAreRefusedBeforeTheirListIsBuilt() {
        assertRefusedAtOnce(Cli.run("sweep", SYN_SMALL, "seeds=1..50000000", "--out", tmp.resolve("out").toString()),
                "seeds: 50,000,000 seeds; an experiment may have at most 100,000");
    }

    /**
     * On a 256 MB heap, 200 queries need 425 MB (the trace half of it): the old check, Y and Z only (93 MB), let it
     * through to an OutOfMemoryError and its stack trace.
     */
    @Test
    void onASmallHeapTheSizeCheckCountsTheWholeRun() throws Exception {
        ChildJvm.Result child = child("train", SYN_SMALL, "data.queries=200", "--out", tmp.resolve("out").toString());
        assertThat(child.code()).as(child.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(child.errorLines()).singleElement().asString().contains("one run needs at least 425.0 MB",
                "the trace (51 records of 3.9 MB)", "raise train.record_every to at least");
    }

    /** Each run fits the heap, two at once do not: the handler's one line, exit 4, naming --threads and -Xmx. */
    @Test
    void runningOutOfMemoryIsOneLineAndExitFour() throws Exception {
        ChildJvm.Result child = child("sweep", SYN_SMALL, "data.queries=200", "train.record_every=50", "seeds=1..2", "--threads", "2",
                "--out", tmp.resolve("out").toString());
        assertThat(child.code()).as(child.err()).isEqualTo(Main.EXIT_ENVIRONMENT);
        assertThat(child.errorLines()).singleElement().asString()
                .startsWith("error: out of memory (Java heap space): this JVM may use 0.3 GB").contains("--threads", "java -Xmx");
        assertThat(child.err()).doesNotContain("\tat ", "Exception in thread");
    }

    /** The command line in a JVM of its own with a 256 MB heap, so that its memory is what the test says. */
    private ChildJvm.Result child(String... args) throws IOException, InterruptedException {
        return new ChildJvm(tmp).option("-Xmx256m").run(args);
    }
}
