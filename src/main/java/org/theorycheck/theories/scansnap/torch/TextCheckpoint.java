package org.theorycheck.theories.scansnap.torch;

import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.text.TextCorpus;
import org.theorycheck.theories.scansnap.text.TextSplit;
import org.theorycheck.theories.scansnap.experiment.CorpusSpec;
import org.theorycheck.theories.scansnap.experiment.TrainSpec;
import org.theorycheck.theories.scansnap.experiment.TransformerSpec;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * The state of a {@link TextRun} after an iteration, kept in one file so that a run that is killed resumes
 * from it and ends with the very numbers of a run that was never interrupted: the iteration reached, the
 * state of the run's random stream (which also draws the dropout masks), every parameter, the optimiser's
 * momentum buffers, the attention the observer saw at its previous record (for the change rate) and the
 * records so far. It opens with a fingerprint of the run (the experiment as resolved, the seed and the
 * corpus read), so that a checkpoint is never resumed by another run.
 *
 * <p>The file ({@value #FILE_NAME}) is big-endian Java {@link DataOutputStream} data: a magic text, a format
 * version, the fingerprint, the state (parameters as float32 or float64, as the model has them), and a CRC-32
 * of everything before it. It is written to a temporary file in the same directory and then moved over the
 * previous checkpoint atomically, so a kill during a write leaves the previous checkpoint whole.
 */
public final class TextCheckpoint {

    /** The checkpoint's name in a run's output directory. */
    public static final String FILE_NAME = "checkpoint.bin";

    private static final String MAGIC = "theorycheck text-run checkpoint";
    /** 2: the fingerprint is one {@code key=value} line per setting, so that a mismatch names the keys. */
    private static final int VERSION = 2;
    private static final String ADVICE = "run train with --restart to delete it and start from iteration 0, or give "
            + "another --out to keep it";
    /** Bytes of the largest checkpoint this program can read whole; a larger file is not one of its checkpoints. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private final State state;

    private TextCheckpoint(State state) {
        this.state = state;
    }

    /**
     * Everything a run needs to go on after {@code iteration}, as plain Java data.
     *
     * @param iteration    iterations done
     * @param float64      whether the parameters are float64 (else float32: the arrays hold float values)
     * @param random       the saved state of the run's random stream
     * @param parameters   per parameter of {@link Transformer#parameters()}, its entries (row-major)
     * @param velocities   per parameter, SGD's momentum buffer (none without momentum)
     * @param previousStep the step of the observer's previous record
     * @param previous     per observed window and layer, the attention at that record
     * @param records      the records so far
     */
    record State(int iteration, boolean float64, byte[] random, List<double[]> parameters, List<double[]> velocities,
                 int previousStep, double[][][] previous, List<TextRun.Record> records) {}

    /** The checkpoint file of a run whose output directory is {@code dir}. */
    public static Path file(Path dir) {
        return dir.resolve(FILE_NAME);
    }

    /** The iterations done when the checkpoint was written. */
    public int iteration() {
        return state.iteration();
    }

    State state() {
        return state;
    }

    /**
     * Reads the checkpoint at {@code file} if it is one of this run (experiment, seed and corpus).
     *
     * @return the checkpoint, or null if there is no file
     * @throws ConfigException if the file is damaged, or is the checkpoint of another run
     */
    public static TextCheckpoint read(Path file, ExperimentConfig config, TextCorpus corpus, long seed) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw damaged(file, "it is " + size + " bytes, more than a checkpoint can be");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> expected = fingerprint(config, corpus, seed);
        try {
            byte[] magic = MAGIC.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < magic.length + Integer.BYTES + Long.BYTES) {
                throw damaged(file, "it ends early (" + bytes.length + " bytes)");
            }
            if (!Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length)) {
                throw damaged(file, "it is not a checkpoint of a run on text");
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, magic.length, bytes.length - magic.length));
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - Long.BYTES);
            long stored = new DataInputStream(new ByteArrayInputStream(bytes, bytes.length - Long.BYTES, Long.BYTES)).readLong();
            int version = in.readInt();
            if (crc.getValue() != stored) {
                throw damaged(file, "its checksum does not match (a truncated or altered file)");
            }
            if (version != VERSION) {
                throw new ConfigException(file.toString(), 0, "", "this checkpoint was written in format " + version
                        + " by another version of theorycheck, which reads format " + VERSION + "; " + ADVICE);
            }
            Map<String, String> found = parseFingerprint(readString(in));
            if (!found.equals(expected)) {
                throw new ConfigException(file.toString(), 0, "", "this checkpoint belongs to another run: "
                        + difference(found, expected) + "; " + ADVICE);
            }
            return new TextCheckpoint(readState(in));
        } catch (IOException | RuntimeException e) {
            if (e instanceof ConfigException c) {
                throw c;
            }
            throw damaged(file, "it ends early or holds impossible sizes (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Writes the state of this run to {@code file} atomically (see the class comment). */
    static void write(Path file, ExperimentConfig config, TextCorpus corpus, long seed, State state) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            CRC32 crc = new CRC32();
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
                out.write(MAGIC.getBytes(StandardCharsets.UTF_8));
                out.writeInt(VERSION);
                writeString(out, fingerprintText(fingerprint(config, corpus, seed)));
                writeState(out, state);
                out.flush();
                new DataOutputStream(raw).writeLong(crc.getValue());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /** Removes the checkpoint at {@code file} and any temporary file a killed write left beside it. */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * What makes a run, key by key, under the keys of the experiment file: the experiment as resolved (all but
     * where it was read from and how often it keeps checkpoints, which change no number), the seed, and the size
     * of the corpus read (which a new min_count or another copy of the corpus changes).
     */
    static Map<String, String> fingerprint(ExperimentConfig config, TextCorpus corpus, long seed) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("name", config.name());
        keys.put("seeds", Long.toString(seed));
        CorpusSpec c = config.corpus();
        keys.put("corpus.name", c.name().key());
        keys.put("corpus.dir", c.dir());
        keys.put("corpus.min_count", Integer.toString(c.minCount()));
        keys.put("corpus.batch", Integer.toString(c.batch()));
        keys.put("corpus.eval_batch", Integer.toString(c.evalBatch()));
        keys.put("corpus.bptt", Integer.toString(c.bptt()));
        keys.put("corpus.eval_windows", Integer.toString(c.evalWindows()));
        keys.put("corpus.map_window", Integer.toString(c.mapWindow()));
        TransformerSpec t = config.transformer();
        keys.put("transformer.emsize", Integer.toString(t.emsize()));
        keys.put("transformer.heads", Integer.toString(t.heads()));
        keys.put("transformer.hidden", Integer.toString(t.hidden()));
        keys.put("transformer.layers", Integer.toString(t.layers()));
        keys.put("transformer.dropout", Double.toString(t.dropout()));
        keys.put("transformer.positional", Boolean.toString(t.positional()));
        keys.put("transformer.scale_embedding", Boolean.toString(t.scaleEmbedding()));
        keys.put("transformer.init_range", Double.toString(t.initRange()));
        keys.put("transformer.ff_rate", Double.toString(t.ffRate()));
        keys.put("transformer.clip", Double.toString(t.clip()));
        keys.put("transformer.dtype", t.float64() ? "float64" : "float32");
        TrainSpec train = config.train();
        keys.put("train.optimizer", train.optimizer().name().toLowerCase(Locale.ROOT));
        keys.put("train.momentum", Double.toString(train.momentum()));
        keys.put("train.eta_z", Double.toString(train.etaZ()));
        keys.put("train.eta_y", Double.toString(train.etaY()));
        keys.put("train.steps", Integer.toString(train.steps()));
        keys.put("train.record_every", Integer.toString(train.recordEvery()));
        keys.put("the corpus's vocabulary", Integer.toString(corpus.vocabulary().size()));
        for (TextSplit split : List.of(TextSplit.TRAIN, TextSplit.VALID)) {
            keys.put("the corpus's " + split.label() + " tokens", Integer.toString(corpus.split(split).ids().length));
        }
        return keys;
    }

    private static String fingerprintText(Map<String, String> keys) {
        StringBuilder sb = new StringBuilder();
        keys.forEach((k, v) -> sb.append(k).append('=').append(v.replace('\n', ' ')).append('\n'));
        return sb.toString();
    }

    private static Map<String, String> parseFingerprint(String text) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                keys.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return keys;
    }

    /** Every key whose value differs, as "KEY was OLD, is now NEW". */
    private static String difference(Map<String, String> found, Map<String, String> expected) {
        List<String> changes = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String was = found.get(e.getKey());
            if (!e.getValue().equals(was)) {
                changes.add(e.getKey() + " was " + (was == null ? "not recorded" : show(was)) + ", is now " + show(e.getValue()));
            }
        }
        for (String key : found.keySet()) {
            if (!expected.containsKey(key)) {
                changes.add(key + " was " + show(found.get(key)) + ", is no longer a setting");
            }
        }
        return String.join("; ", changes);
    }

    private static String show(String value) {
        return value.isEmpty() ? "''" : value;
    }

    private static ConfigException damaged(Path file, String why) {
        return new ConfigException(file.toString(), 0, "", "the checkpoint is damaged: " + why + "; " + ADVICE);
    }

    private static void writeState(DataOutputStream out, State s) throws IOException {
        out.writeInt(s.iteration());
        out.writeBoolean(s.float64());
        out.writeInt(s.random().length);
        out.write(s.random());
        writeTensors(out, s.parameters(), s.float64());
        writeTensors(out, s.velocities(), s.float64());
        out.writeInt(s.previousStep());
        out.writeBoolean(s.previous() != null);
        if (s.previous() != null) {
            out.writeInt(s.previous().length);
            for (double[][] window : s.previous()) {
                out.writeInt(window.length);
                for (double[] layer : window) {
                    writeDoubles(out, layer);
                }
            }
        }
        out.writeInt(s.records().size());
        for (TextRun.Record r : s.records()) {
            out.writeInt(r.step());
            out.writeLong(Double.doubleToRawLongBits(r.loss()));
            out.writeLong(Double.doubleToRawLongBits(r.perplexity()));
            writeDoubles(out, r.entropy());
            writeDoubles(out, r.change());
            writeDoubles(out, r.map());
        }
    }

    private static State readState(DataInputStream in) throws IOException {
        int iteration = in.readInt();
        boolean float64 = in.readBoolean();
        byte[] random = new byte[count(in, 1)];
        in.readFully(random);
        List<double[]> parameters = readTensors(in, float64);
        List<double[]> velocities = readTensors(in, float64);
        int previousStep = in.readInt();
        double[][][] previous = null;
        if (in.readBoolean()) {
            previous = new double[count(in, Integer.BYTES)][][];
            for (int w = 0; w < previous.length; w++) {
                previous[w] = new double[count(in, Integer.BYTES)][];
                for (int l = 0; l < previous[w].length; l++) {
                    previous[w][l] = readDoubles(in);
                }
            }
        }
        int count = count(in, Integer.BYTES);
        List<TextRun.Record> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(new TextRun.Record(in.readInt(), Double.longBitsToDouble(in.readLong()),
                    Double.longBitsToDouble(in.readLong()), readDoubles(in), readDoubles(in), readDoubles(in)));
        }
        if (in.available() != Long.BYTES) {
            throw new IOException("unexpected length");
        }
        return new State(iteration, float64, random, parameters, velocities, previousStep, previous, records);
    }

    private static void writeTensors(DataOutputStream out, List<double[]> tensors, boolean float64) throws IOException {
        out.writeInt(tensors.size());
        for (double[] t : tensors) {
            if (float64) {
                writeDoubles(out, t);
            } else {
                out.writeInt(t.length);
                ByteBuffer b = ByteBuffer.allocate(t.length * Float.BYTES);
                for (double v : t) {
                    b.putFloat((float) v);
                }
                out.write(b.array());
            }
        }
    }

    private static List<double[]> readTensors(DataInputStream in, boolean float64) throws IOException {
        int count = count(in, Integer.BYTES);
        List<double[]> tensors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (float64) {
                tensors.add(readDoubles(in));
            } else {
                ByteBuffer b = ByteBuffer.wrap(readBytes(in, Float.BYTES));
                double[] t = new double[b.capacity() / Float.BYTES];
                for (int j = 0; j < t.length; j++) {
                    t[j] = b.getFloat();
                }
                tensors.add(t);
            }
        }
        return tensors;
    }

    /** The length, then the values, in one write (a value at a time is several times slower). */
    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        ByteBuffer b = ByteBuffer.allocate(values.length * Double.BYTES);
        b.asDoubleBuffer().put(values);
        out.write(b.array());
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        DoubleBuffer b = ByteBuffer.wrap(readBytes(in, Double.BYTES)).asDoubleBuffer();
        double[] values = new double[b.capacity()];
        b.get(values);
        return values;
    }

    /** A count of items that take at least {@code width} bytes each: one that the rest of the file cannot hold is damage. */
    private static int count(DataInputStream in, int width) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > in.available() / width) {
            throw new IOException("impossible count " + count);
        }
        return count;
    }

    /** A count of values of {@code width} bytes, then their bytes. */
    private static byte[] readBytes(DataInputStream in, int width) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > in.available() / width) {
            throw new IOException("impossible length " + count);
        }
        byte[] bytes = new byte[count * width];
        in.readFully(bytes);
        return bytes;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("impossible length " + length);
        }
        byte[] b = new byte[length];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
