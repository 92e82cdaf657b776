package org.theorycheck.theories.scansnap.experiment;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.theorycheck.theories.scansnap.data.ContextSampler;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.data.SyntheticFamily;
import org.theorycheck.theories.scansnap.train.SgdRun;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The size check counts every array of a run that grows with the input, not only Y and Z: each estimate is held
 * against what the class that allocates it does allocate (the JVM's count of this thread's allocated bytes), and
 * the refusals name the part, the limit and the key to change.
 */
class ModelSizeTest {

    private static final DataSpec SYN_SMALL = new DataSpec(2, 1, 10, 0, 10, 1, 0.1, 1, 127);
    private static final ModelSpec ZERO = new ModelSpec(true, false, ModelSpec.Init.ZERO);
    private static final TrainSpec HUNDRED_STEPS = new TrainSpec(TrainSpec.Optimizer.SGD, 0.9, 1, 1, 128, 100, 2);
    private static final long GB = 1_000_000_000L;
    /** Estimates and allocation counts may differ by objects too small to count (headers, the sampler objects). */
    private static final double ALLOCATION_TOLERANCE = 0.03;

    private static ModelSize.Refusal synthetic(DataSpec data, TrainSpec train, long maxHeap) {
        return ModelSize.problem(data, ZERO, train, null, null, maxHeap, 0);
    }

    private static long part(List<ModelSize.Part> parts, String prefix) {
        return parts.stream().filter(p -> p.what().startsWith(prefix)).mapToLong(ModelSize.Part::bytes).sum();
    }

    @Test
    void yAndZAreMByMDoublesEach() {
        assertThat(ModelSize.vocabulary(SYN_SMALL)).isEqualTo(34);
        assertThat(part(ModelSize.heapParts(SYN_SMALL, ZERO, HUNDRED_STEPS, null, null), "Y and Z")).isEqualTo(16L * 34 * 34);
    }

    /** Y and Z of data.queries=1300 are 3.9 GB, which passed the old check at 6 GB; the run needs over 17 GB. */
    @Test
    void theRowsTheClassesAndTheTraceCountBesideYAndZ() {
        DataSpec large = new DataSpec(1300, 1, 10, 0, 10, 1, 0.1, 1, 127);
        assertThat(16.0 * ModelSize.vocabulary(large) * ModelSize.vocabulary(large)).isLessThan(6.0 * GB);
        ModelSize.Refusal refusal = synthetic(large, HUNDRED_STEPS, 6 * GB);
        assertThat(refusal).isNotNull();
        assertThat(refusal.key()).isEqualTo("data.queries");
        assertThat(refusal.problem()).contains("one run needs at least 17.7 GB", "the trace (51 records of 162.4 MB)",
                "the moving rows of Y and Z", "Y and Z 3.9 GB", "this JVM may use 6.0 GB", "lower data.queries",
                "15,610 tokens", "K = 1,300 classes", "java -Xmx");
    }

    /** train.steps=1e9 keeps about 1 KB a record: the trace alone is refused, with the record_every that fits. */
    @Test
    void aLongTraceNamesTheSmallestRecordEveryThatFits() {
        TrainSpec long1e9 = new TrainSpec(TrainSpec.Optimizer.SGD, 0.9, 1, 1, 128, 1_000_000_000, 2);
        ModelSize.Refusal refusal = synthetic(SYN_SMALL, long1e9, 4 * GB);
        assertThat(refusal.key()).isEqualTo("train.steps");
        assertThat(refusal.problem()).contains("the trace (500,000,001 records of 1.0 KB) 500.0 GB", "raise train.record_every to at least");
        long every = Long.parseLong(refusal.problem().replaceAll(".*at least ([0-9,]+) .*", "$1").replace(",", ""));
        assertThat(synthetic(SYN_SMALL, withRecordEvery(long1e9, (int) every), 4 * GB)).as("the advice fits").isNull();
        assertThat(synthetic(SYN_SMALL, withRecordEvery(long1e9, (int) every - 1), 4 * GB)).as("and is the smallest").isNotNull();
    }

    private static TrainSpec withRecordEvery(TrainSpec t, int every) {
        return new TrainSpec(t.optimizer(), t.momentum(), t.etaZ(), t.etaY(), t.batch(), t.steps(), every);
    }

    @Test
    void theRecordsAreStepZeroEveryRecordEveryAndTheLast() {
        assertThat(ModelSize.records(HUNDRED_STEPS)).isEqualTo(51);
        assertThat(ModelSize.records(withRecordEvery(HUNDRED_STEPS, 30))).isEqualTo(5);   // 0, 30, 60, 90, 100
        assertThat(ModelSize.records(withRecordEvery(HUNDRED_STEPS, 100))).isEqualTo(2);
    }

    @Test
    void aVocabularyOverTheLongestArrayIsRefusedWithoutOverflow() {
        DataSpec huge = new DataSpec(30000, 1, 10, 0, 10, 1, 0.1, 1, 127);
        ModelSize.Refusal refusal = synthetic(huge, HUNDRED_STEPS, 1000 * GB);
        assertThat(refusal.key()).isEqualTo("data.queries");
        assertThat(refusal.problem()).contains("360,010 tokens", "M can be at most 46340");
        DataSpec overflowing = new DataSpec(Integer.MAX_VALUE, 2, 10, 0, 10, 1, 0.1, 1, 127);
        assertThat(ModelSize.vocabulary(overflowing)).isGreaterThan(Integer.MAX_VALUE);
        assertThat(synthetic(overflowing, HUNDRED_STEPS, 1000 * GB).problem()).contains("M can be at most");
    }

    @Test
    void theKeyToLowerIsTheLargestFactorOfM() {
        assertThat(ModelSize.keyToLower(new DataSpec(100000, 1, 10, 0, 10, 1, 0.1, 1, 127))).isEqualTo("data.queries");
        assertThat(ModelSize.keyToLower(new DataSpec(2, 1, 10, 0, 5000, 1, 0.1, 1, 127))).isEqualTo("data.distinct_per_next");
    }

    /**
     * The sampler's Marsaglia–Tsang–Wang tables as the estimate gives them, against what building the sampler
     * allocates, for supports that store entries as bytes, shorts and ints (up to 2⁸, 2¹⁶ and more tokens).
     */
    @Test
    void theSamplerEstimateIsWhatBuildingTheSamplerAllocates() {
        for (DataSpec data : List.of(new DataSpec(20, 1, 100, 3, 10, 1, 0.1, 1, 127),
                new DataSpec(40, 1, 3000, 0, 10, 1.3, 0.1, 1, 127), new DataSpec(2, 1, 70000, 0, 5, 1, 0.1, 1, 127))) {
            SequenceClasses classes = SyntheticFamily.build(data);
            UniformRandomProvider rng = SgdRun.stream(1);
            new ContextSampler(SyntheticFamily.build(SYN_SMALL), 1, rng);   // loads the classes, which allocates too
            long before = allocated();
            ContextSampler sampler = new ContextSampler(classes, data.context(), rng);
            long measured = allocated() - before;
            assertThat(sampler.context()).isEqualTo(127);
            long estimate = part(ModelSize.heapParts(data, ZERO, HUNDRED_STEPS, null, null), "the context sampler's tables");
            assertThat((double) estimate).as("support %d", data.common() + data.commonPerQuery() + data.distinctPerNext())
                    .isCloseTo(measured, within(ALLOCATION_TOLERANCE * measured));
        }
    }

    /** The classes' own tables: P(l|n) is built once and copied once into the classes, of which the copy stays. */
    @Test
    void theClassesEstimateIsHalfOfWhatBuildingThemAllocates() {
        DataSpec data = new DataSpec(60, 2, 500, 20, 30, 1, 0.1, 1, 127);
        SyntheticFamily.build(SYN_SMALL);   // loads the classes, which allocates too
        long before = allocated();
        SequenceClasses classes = SyntheticFamily.build(data);
        long measured = allocated() - before;
        assertThat(classes.classes()).isEqualTo(120);
        long estimate = part(ModelSize.heapParts(data, ZERO, HUNDRED_STEPS, null, null), "the classes'");
        assertThat(2.0 * estimate).isCloseTo(measured, within(0.1 * measured));
    }

    /** A whole run allocates at least the estimate (it allocates more: temporaries that do not stay). */
    @Test
    void aRunAllocatesAtLeastTheEstimate() {
        DataSpec data = new DataSpec(30, 1, 100, 0, 20, 1, 0.1, 1, 127);
        TrainSpec train = new TrainSpec(TrainSpec.Optimizer.ADAM, 0.9, 0.1, 0.1, 16, 6, 2);
        ExperimentConfig config = new ExperimentConfig("size", "size.yaml", data, ZERO, train, List.of(1L), List.of(), "sgd", null, null, "");
        long before = allocated();
        SgdRun.run(config, 1, step -> { });
        long measured = allocated() - before;
        long estimate = ModelSize.heapParts(data, ZERO, train, null, null).stream().mapToLong(ModelSize.Part::bytes).sum();
        assertThat(estimate).isLessThanOrEqualTo(measured).isGreaterThan(measured / 4);
    }

    @Test
    void theTransformerIsHeldAgainstTheMachinesMemory() {
        TransformerSpec wide = new TransformerSpec(100_000, 1, 16, 1, 0, false, true, 0.1, 1, 0, false, TransformerFeatures.ALL);
        ModelSize.Refusal refusal = ModelSize.problem(SYN_SMALL, ZERO, HUNDRED_STEPS, wide, null, 4 * GB, 24 * GB);
        assertThat(refusal.problem()).contains("the transformer needs about", "outside the Java heap", "this machine has 24.0 GB",
                "transformer.emsize");
        TransformerSpec small = new TransformerSpec(16, 1, 16, 1, 0, false, true, 0.1, 1, 0, false, TransformerFeatures.ALL);
        assertThat(ModelSize.problem(SYN_SMALL, ZERO, HUNDRED_STEPS, small, null, 4 * GB, 24 * GB)).isNull();
        assertThat(ModelSize.transformerBytes(small, 34, 128, 128, 1)).as("Syn-Small's transformer, float32")
                .isBetween(10_000_000L, 200_000_000L);
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
