package org.theorycheck.theories.scansnap.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Whether one run of an experiment fits in this JVM, decided before anything is allocated, so that a run too
 * large is refused with the estimate, the limit and the key to change rather than dying later with an
 * OutOfMemoryError. It adds up the arrays that grow with the input, each as the class that holds it allocates
 * it (the arrays' contents; object headers and small objects are left out, so it is a lower bound):
 * <ul>
 *   <li>Y and Z, M×M doubles each ({@code YZModel}), and the rows of them that training moves, each with its
 *       gradient and the optimiser's state ({@code Trainer}: one buffer a row with SGD, two with Adam);
 *   <li>the classes' P(l|n), K×M doubles, and their supports ({@code SequenceClasses});
 *   <li>the context sampler's Marsaglia–Tsang–Wang tables ({@code ContextSampler}): per class, the five base-64
 *       digits of each token's 30-bit probability summed, an entry being a byte, a short or an int as the
 *       support has up to 2⁸, 2¹⁶ or more tokens (Commons RNG's layout);
 *   <li>the gradient's work arrays, a batch and a support's worth of M-long rows ({@code YZGradient});
 *   <li>the trace held until the run ends: per recorded step and class a row of M logits ({@code Trajectory}),
 *       twice on the transformer (its measured attention too); per record of a run on text, layer 0's
 *       bptt × bptt attention map.
 * </ul>
 * The transformer's tensors live outside the heap, in libtorch; their estimate (parameters with gradients and
 * momentum, the activations of one batch) is held against the machine's memory instead.
 */
final class ModelSize {

    /** The longest Java array (a little below Integer.MAX_VALUE on every common JVM). */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final long DOUBLE = Double.BYTES;
    /** An array's header, and a snapshot's own objects beside its rows (the record, its map of extras, the boxed step). */
    private static final long ARRAY_HEADER = 16;
    private static final long SNAPSHOT_OBJECTS = 400;
    /** A class's sampler and its table objects beside their arrays. */
    private static final long SAMPLER_OBJECTS = 100;
    /** Tensors of one transformer layer that a backward pass keeps, in units of B·T·d (inputs, projections, norms). */
    private static final long SAVED_PER_WIDTH = 10;
    private static final String RECORD_EVERY = "train.record_every";

    /** One allocation that grows with the input: what it is, its bytes, and the key that shrinks it most. */
    record Part(String what, long bytes, String key) {}

    /** Why a run does not fit, and the key to name in the message. */
    record Refusal(String key, String problem) {}

    private ModelSize() {}

    /** M as a long (the int of {@link DataSpec#vocabulary()} would overflow for sizes this check refuses). */
    static long vocabulary(DataSpec data) {
        long k = (long) data.queries() * data.nextPerQuery();
        return data.common() + (long) data.queries() * data.commonPerQuery() + k * data.distinctPerNext() + data.queries() + k;
    }

    /**
     * Null if the run fits; otherwise what does not, with the estimate, the limit and what to change.
     *
     * @param maxHeap       the largest heap the JVM may use (bytes)
     * @param machineMemory the machine's physical memory (bytes), or 0 if unknown
     */
    static Refusal problem(DataSpec data, ModelSpec model, TrainSpec train, TransformerSpec transformer, CorpusSpec corpus,
                           long maxHeap, long machineMemory) {
        if (corpus == null) {
            String tooLong = arrayProblem(data);
            if (tooLong != null) {
                return new Refusal(keyToLower(data), tooLong);
            }
        }
        List<Part> parts = heapParts(data, model, train, transformer, corpus);
        long total = 0;
        for (Part p : parts) {
            total = Long.MAX_VALUE - total < p.bytes() ? Long.MAX_VALUE : total + p.bytes();
        }
        if (total > maxHeap) {
            return heapProblem(parts, total, data, train, corpus == null ? keyToLower(data) : "corpus.bptt", maxHeap);
        }
        if (transformer != null && corpus == null && machineMemory > 0) {
            long tensors = transformerBytes(transformer, vocabulary(data), train.batch(), data.context() + 1L, 1);
            if (tensors > machineMemory - maxHeap) {
                return new Refusal(keyToLower(data), String.format(Locale.ROOT, "the transformer needs about %s outside the Java heap (its parameters with "
                        + "gradients and momentum, and the activations of a batch of %d samples of %d tokens, vocabulary M = %,d), "
                        + "but this machine has %s of which the JVM may take %s; lower train.batch, transformer.emsize or the "
                        + "data keys (%s)", gigabytes(tensors), train.batch(), data.context() + 1, vocabulary(data),
                        gigabytes(machineMemory), gigabytes(maxHeap), keyToLower(data)));
            }
        }
        return null;
    }

    /** M×M must be a Java array. */
    private static String arrayProblem(DataSpec data) {
        long m = vocabulary(data);
        if (m * m > MAX_ARRAY) {
            return "the model would need M x M = " + m * m + " entries in one array (" + layout(m) + "); Java arrays hold at "
                    + "most " + MAX_ARRAY + ", so M can be at most " + (long) Math.sqrt(MAX_ARRAY) + "; lower " + keyToLower(data);
        }
        return null;
    }

    private static String layout(long m) {
        return String.format(Locale.ROOT, "M = C + Q*C_q + K*D + Q + K = %,d tokens", m);
    }

    /** What one run holds on the heap at its largest. */
    static List<Part> heapParts(DataSpec data, ModelSpec model, TrainSpec train, TransformerSpec transformer, CorpusSpec corpus) {
        List<Part> parts = new ArrayList<>();
        long records = records(train);
        if (corpus != null) {
            long map = (long) corpus.bptt() * corpus.bptt();
            long perRecord = saturatingProduct(map + 2L * transformer.layers() + 8, DOUBLE) + SNAPSHOT_OBJECTS;
            parts.add(new Part(traceName(records, perRecord), saturatingProduct(records, perRecord), RECORD_EVERY));
            return parts;
        }
        String dataKey = keyToLower(data);
        long m = vocabulary(data);
        long k = (long) data.queries() * data.nextPerQuery();
        long support = supportSize(data);
        long row = m * DOUBLE + ARRAY_HEADER;
        parts.add(new Part("the classes' P(l|n) and supports", k * row + k * (support + data.distinctPerNext()) * Integer.BYTES,
                dataKey));
        // besides its tables, a class's sampler holds its support and is built from its P and their 30-bit integers
        long samplerInputs = support * (2 * Integer.BYTES + DOUBLE) + 3 * ARRAY_HEADER + SAMPLER_OBJECTS;
        parts.add(new Part("the context sampler's tables", k * (samplerTableBytes(data) + samplerInputs), dataKey));
        long perRecord = k * (row + Integer.BYTES + DOUBLE) + SNAPSHOT_OBJECTS;
        if (transformer != null) {
            perRecord += k * row;
            parts.add(new Part("the transformer's effective logits read at a record",
                    saturatingProduct(transformer.heads(), m * m * DOUBLE), dataKey));
        } else {
            parts.add(new Part("Y and Z", 2 * m * m * DOUBLE, dataKey));
            long movingRows = data.common() + (long) data.queries() * data.commonPerQuery() + k * data.distinctPerNext()
                    + (model.residual() ? data.queries() : 0) + data.queries();
            long copies = 2 + (train.optimizer() == TrainSpec.Optimizer.ADAM ? 2 : 1);
            parts.add(new Part("the moving rows of Y and Z with their gradients and optimiser state", copies * movingRows * row,
                    dataKey));
            parts.add(new Part("the gradient's work arrays", ((long) train.batch() + support) * row, "train.batch"));
        }
        parts.add(new Part(traceName(records, perRecord), saturatingProduct(records, perRecord), RECORD_EVERY));
        return parts;
    }

    private static String traceName(long records, long perRecord) {
        return String.format(Locale.ROOT, "the trace (%,d records of %s)", records, bytes(perRecord));
    }

    /** Recorded steps: step 0, every record_every-th step, and the last one. */
    static long records(TrainSpec train) {
        long steps = train.steps();
        return 1 + steps / train.recordEvery() + (steps % train.recordEvery() == 0 ? 0 : 1);
    }

    /** C + C_q + D, the tokens of one class's context. */
    private static long supportSize(DataSpec data) {
        return (long) data.common() + data.commonPerQuery() + data.distinctPerNext();
    }

    /**
     * Bytes of one class's Marsaglia–Tsang–Wang tables: the sum over its tokens of the five base-64 digits of
     * round(2³⁰ P(l|n)), times the entry width. Every class has the same weights (C + C_q common ones at w_c, D
     * distinct ones), so one class stands for all.
     */
    static long samplerTableBytes(DataSpec data) {
        double[] distinct = data.distinctWeights();
        long commons = (long) data.common() + data.commonPerQuery();
        double sum = commons * data.commonWeight();
        for (double w : distinct) {
            sum += w;
        }
        double scale = (1 << 30) / sum;
        long entries = commons * base64DigitSum((long) (data.commonWeight() * scale + 0.5));
        for (double w : distinct) {
            entries += base64DigitSum((long) (w * scale + 0.5));
        }
        long support = supportSize(data);
        long width = support <= 1 << 8 ? Byte.BYTES : support <= 1 << 16 ? Short.BYTES : Integer.BYTES;
        return entries * width + 5 * ARRAY_HEADER;
    }

    private static long base64DigitSum(long p) {
        long sum = 0;
        for (int digit = 0; digit < 5; digit++) {
            sum += (p >>> (6 * digit)) & 63;
        }
        return sum;
    }

    /**
     * Bytes of libtorch's tensors for a transformer: the parameters three times (values, gradients, momentum)
     * and, for one batch, the tensors a backward pass keeps: per layer about ten B·T·d ones, two B·T·d_hid ones
     * and the attention weights (with softmax and dropout, three B·heads·T·T), and the logits and their gradient
     * at {@code outputs} positions per sample.
     */
    static long transformerBytes(TransformerSpec t, long vocabulary, long batch, long tokens, long outputs) {
        // in doubles: an emsize or a batch near 2^31 would overflow a long, and this is an estimate
        double d = t.width((int) Math.min(Integer.MAX_VALUE, vocabulary));
        double layer = 4 * d * d + 4 * d + 2 * d * t.hidden() + t.hidden() + d + 4 * d;
        double parameters = 2.0 * vocabulary * d + vocabulary + t.layers() * layer;
        double perLayer = (double) batch * tokens * (SAVED_PER_WIDTH * d + 2.0 * t.hidden() + 3.0 * t.heads() * tokens);
        double activations = t.layers() * perLayer + (double) batch * tokens * d + 3.0 * batch * outputs * vocabulary;
        double bytes = (3 * parameters + activations) * (t.float64() ? Double.BYTES : Float.BYTES);
        return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bytes;
    }

    /** @param recordKey what one record of the trace grows with */
    private static Refusal heapProblem(List<Part> parts, long total, DataSpec data, TrainSpec train, String recordKey,
                                       long maxHeap) {
        List<Part> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparingLong(Part::bytes).reversed());
        List<String> shown = new ArrayList<>();
        for (Part p : sorted) {
            if (p.bytes() >= total / 100 || shown.isEmpty()) {
                shown.add(p.what() + " " + bytes(p.bytes()));
            }
        }
        Part trace = parts.get(parts.size() - 1);
        long rest = total - trace.bytes();
        long recordEvery = rest < maxHeap ? smallestRecordEvery(trace, rest, train, maxHeap) : 0;
        String what;
        String key;
        if (recordEvery > 0) {
            what = String.format(Locale.ROOT, "raise train.record_every to at least %,d or lower train.steps", recordEvery);
            key = "train.steps";
        } else if (rest < maxHeap) {
            // even the first and the last record do not fit: a record is too large
            key = recordKey;
            what = "lower " + key + (recordKey.startsWith("data.") ? " (" + layout(vocabulary(data)) + ")" : "");
        } else {
            // the rest alone does not fit: recording less cannot help
            key = parts.stream().filter(p -> p != trace).max(Comparator.comparingLong(Part::bytes)).orElseThrow().key();
            what = String.format(Locale.ROOT, "lower %s (%s, K = %,d classes)", key, layout(vocabulary(data)),
                    (long) data.queries() * data.nextPerQuery());
        }
        return new Refusal(key, String.format(Locale.ROOT, "one run needs at least %s of heap (%s) but this JVM may use %s; "
                + "%s, or raise the heap with java -Xmx", bytes(total), String.join(", ", shown), bytes(maxHeap), what));
    }

    /**
     * The smallest record_every with which the trace (the last part; nothing else shrinks with it) fits beside the
     * rest, or 0 if none does: records(every) = 1 + ceil(steps / every), step 0 and the steps after it.
     */
    private static long smallestRecordEvery(Part trace, long rest, TrainSpec train, long maxHeap) {
        long perRecord = trace.bytes() / records(train);
        long affordable = perRecord == 0 ? 0 : (maxHeap - rest) / perRecord - 1;
        if (affordable < 1) {
            return 0;
        }
        long every = (train.steps() + affordable - 1) / affordable;
        return every <= train.steps() ? every : 0;
    }

    private static long saturatingProduct(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    private static String bytes(long b) {
        if (b >= 1e9) {
            return String.format(Locale.ROOT, "%.1f GB", b / 1e9);
        }
        if (b >= 1e6) {
            return String.format(Locale.ROOT, "%.1f MB", b / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f KB", b / 1e3);
    }

    private static String gigabytes(long b) {
        return String.format(Locale.ROOT, "%.1f GB", b / 1e9);
    }

    /** The data key that contributes most to M, to name in the error: the largest of Q, R, D and C. */
    static String keyToLower(DataSpec data) {
        String key = "data.queries";
        long largest = data.queries();
        if (data.nextPerQuery() > largest) {
            key = "data.next_per_query";
            largest = data.nextPerQuery();
        }
        if (data.distinctPerNext() > largest) {
            key = "data.distinct_per_next";
            largest = data.distinctPerNext();
        }
        if (data.common() > largest) {
            key = "data.common";
        }
        return key;
    }
}
