package org.theorycheck.theories.scansnap.torch;

import org.theorycheck.torch.DropoutMasks;
import org.theorycheck.torch.TorchParameter;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import org.apache.commons.rng.UniformRandomProvider;
import org.theorycheck.theories.scansnap.experiment.TransformerFeatures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A transformer language model with PyTorch's {@code nn.TransformerEncoderLayer} semantics, the authors'
 * real-text model (paper file §5): token embedding (times √d if configured), optional sinusoidal
 * positional encoding, dropout, {@code layers} post-norm encoder layers
 * {@code x = LN(x + SA(x)); x = LN(x + FF(x))} with {@code FF = Linear(d, d_hid) → ReLU → Linear(d_hid, d)},
 * then a linear decoder to the vocabulary. The attention is written out so that its probabilities are
 * returned per layer and head.
 *
 * <p>Each feature the YZ model leaves out can be switched off ({@link TransformerFeatures}): the
 * feed-forward sub-layer, layer norm (then the attention output is l2-normalised if
 * {@link Architecture#normalize()}, as in the YZ model), the residual stream, the decoder bias, the value
 * and output projections (then the identity), learned embeddings (then fixed one-hot vectors, d = V), the
 * factored logits (then a free V×V matrix Z, logit z_ml from query token m to token l) and PyTorch's
 * initialisation (then Y = decoder weightᵀ and Z are given, drawn as the YZ model draws them). With every
 * feature off the forward pass at the query is the YZ model's (paper §1.1): a = Σ_t b_t e_{x_t} with
 * b = softmax_t z_{m,x_t}, f = a/‖a‖₂, logits Yᵀf.
 *
 * <p>Initialisation, PyTorch's for each layer, drawn from the given Java stream in this order: embedding
 * and decoder weights uniform on [−r, r] (the authors' {@code init_weights}); per layer, the packed
 * query/key/value projection xavier-uniform (bound √(6/(d + 3d)), the 3d×d matrix's) with zero biases,
 * the output projection uniform on ±1/√d with zero bias (nn.MultiheadAttention), both feed-forward
 * linears weight and bias uniform on ±1/√fan_in (nn.Linear), layer norms weight 1 and bias 0; decoder
 * bias 0; a free Z uniform on ±1/√V (nn.Linear(V, V)'s default). Order of the draws: embedding; per layer
 * W_Q, W_K (or Z), W_V, W_O, linear1 weight, linear1 bias, linear2 weight, linear2 bias; decoder weight —
 * each only if its feature is on.
 */
public final class Transformer {

    /**
     * The additive mask of a position a query may not see. Finite on purpose: e^{−10⁹} is 0 in float32 and
     * float64, so the probabilities are those of −∞, but a float32 backward pass turned −∞ into NaN
     * gradients (Syn-Small, seed 3, step 5).
     */
    public static final double MASKED = -1e9;

    /** PyTorch's LayerNorm epsilon. */
    private static final double EPSILON = 1e-5;

    private final Architecture architecture;
    private final TransformerFeatures features;
    private final DataType type;
    private final NDManager manager;
    private final List<TorchParameter> parameters = new ArrayList<>();
    /** The learned embedding, or the fixed identity whose rows are the one-hot vectors. */
    private final NDArray embedding;
    private final List<Layer> layers = new ArrayList<>();
    /**
     * The fixed V×V identity, whose rows are the one-hot vectors (the embedding without learned embeddings, and
     * the keys of a free Z); null where neither needs it (a V×V array would be large on a real vocabulary).
     */
    private final NDArray identity;
    private final NDArray decoderWeight;
    /** Null without a decoder bias. */
    private final NDArray decoderBias;
    /** √d, 1/√d_head and the layer norms' ε as arrays in libtorch's memory (see {@link #constant}). */
    private final NDArray embeddingScale;
    private final NDArray logitScale;
    private final NDArray epsilon;

    /** One encoder layer; the parameters of a feature that is off are null. */
    private record Layer(NDArray wq, NDArray bq, NDArray wk, NDArray bk, NDArray z, NDArray wv, NDArray bv, NDArray wo,
                         NDArray bo, NDArray w1, NDArray b1, NDArray w2, NDArray b2, NDArray g1, NDArray n1, NDArray g2,
                         NDArray n2) {}

    /**
     * What a forward pass returns.
     *
     * @param logits    decoder output, [B, T, V]
     * @param attention per layer, the attention probabilities [B, heads, T, T] (row: query position)
     */
    public record Output(NDArray logits, List<NDArray> attention) {}

    /**
     * A freshly initialised model with PyTorch's initialisation (see {@link #Transformer(Architecture, NDManager,
     * boolean, UniformRandomProvider, double[], double[])}).
     */
    public Transformer(Architecture architecture, NDManager manager, boolean float64, UniformRandomProvider rng) {
        this(architecture, manager, float64, rng, null, null);
    }

    /**
     * A freshly initialised model whose parameters live in {@code manager} (which the caller closes) and
     * require gradients.
     *
     * @param float64 double precision (for gradient checks); float32 otherwise
     * @param y       without PyTorch's initialisation, the initial decoder as the YZ model's Y (V×V row-major,
     *                row: contextual token, so the decoder weight is Yᵀ); null otherwise
     * @param z       without PyTorch's initialisation, the initial free Z (V×V row-major); null otherwise
     */
    public Transformer(Architecture architecture, NDManager manager, boolean float64, UniformRandomProvider rng,
                       double[] y, double[] z) {
        this.architecture = architecture;
        this.features = architecture.features();
        this.manager = manager;
        this.type = float64 ? DataType.FLOAT64 : DataType.FLOAT32;
        int v = architecture.vocabulary();
        int d = architecture.emsize();
        int h = architecture.hidden();
        double r = architecture.initRange();
        if (features.pytorchInit() != (y == null && z == null)) {
            throw new IllegalArgumentException("Y and Z are given exactly when the YZ initialisation is asked for");
        }
        identity = features.learnedEmbedding() && features.factored() ? null : array(manager, identity(v), v, v);
        embedding = features.learnedEmbedding() ? parameter("encoder.weight", uniform(rng, r, v, d), v, d) : identity;
        double xavier = Math.sqrt(6.0 / (d + 3 * d));
        double linear = 1 / Math.sqrt(d);
        for (int i = 0; i < architecture.layers(); i++) {
            String p = "layers." + i + ".";
            boolean f = features.factored();
            boolean vo = features.valueOutput();
            boolean ff = features.feedForward();
            NDArray wq = f ? parameter(p + "self_attn.q_proj.weight", uniform(rng, xavier, d, d), d, d) : null;
            NDArray wk = f ? parameter(p + "self_attn.k_proj.weight", uniform(rng, xavier, d, d), d, d) : null;
            NDArray free = f ? null
                    : parameter(p + "self_attn.z", z != null ? z : uniform(rng, 1 / Math.sqrt(v), v, v), v, v);
            NDArray wv = vo ? parameter(p + "self_attn.v_proj.weight", uniform(rng, xavier, d, d), d, d) : null;
            NDArray wo = vo ? parameter(p + "self_attn.out_proj.weight", uniform(rng, linear, d, d), d, d) : null;
            NDArray w1 = ff ? parameter(p + "linear1.weight", uniform(rng, linear, h, d), h, d) : null;
            NDArray b1 = ff ? parameter(p + "linear1.bias", uniform(rng, linear, h, 1), h) : null;
            NDArray w2 = ff ? parameter(p + "linear2.weight", uniform(rng, 1 / Math.sqrt(h), d, h), d, h) : null;
            NDArray b2 = ff ? parameter(p + "linear2.bias", uniform(rng, 1 / Math.sqrt(h), d, 1), d) : null;
            boolean ln = features.layerNorm();
            layers.add(new Layer(wq, f ? parameter(p + "self_attn.q_proj.bias", new double[d], d) : null,
                    wk, f ? parameter(p + "self_attn.k_proj.bias", new double[d], d) : null, free,
                    wv, vo ? parameter(p + "self_attn.v_proj.bias", new double[d], d) : null,
                    wo, vo ? parameter(p + "self_attn.out_proj.bias", new double[d], d) : null,
                    w1, b1, w2, b2,
                    ln ? parameter(p + "norm1.weight", ones(d), d) : null, ln ? parameter(p + "norm1.bias", new double[d], d) : null,
                    ln && ff ? parameter(p + "norm2.weight", ones(d), d) : null,
                    ln && ff ? parameter(p + "norm2.bias", new double[d], d) : null));
        }
        decoderWeight = parameter("decoder.weight", y != null ? transpose(y, v) : uniform(rng, r, v, d), v, d);
        decoderBias = features.decoderBias() ? parameter("decoder.bias", new double[v], v) : null;
        embeddingScale = constant(manager, Math.sqrt(d));
        logitScale = constant(manager, 1 / Math.sqrt(architecture.headWidth()));
        epsilon = constant(manager, EPSILON);
    }

    public Architecture architecture() {
        return architecture;
    }

    /** The parameters in initialisation order, under their PyTorch names. */
    public List<TorchParameter> parameters() {
        return Collections.unmodifiableList(parameters);
    }

    /** FLOAT32 or FLOAT64. */
    public DataType dataType() {
        return type;
    }

    /** An array of this model's type holding {@code values} (row-major) in {@code target}, in libtorch's own memory. */
    public NDArray array(NDManager target, double[] values, long... shape) {
        if (type == DataType.FLOAT64) {
            return owned(target.create(values, new Shape(shape)));
        }
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return owned(target.create(f, new Shape(shape)));
    }

    /** Token indices [rows, columns] (int64) in {@code target}, in libtorch's own memory. */
    public static NDArray tokens(NDManager target, long[] indices, long rows, long columns) {
        return owned(target.create(indices, new Shape(rows, columns)));
    }

    /**
     * A scalar of this model's type in libtorch's memory. Differentiable code multiplies by such arrays,
     * never by a Java number: DJL turns a number into an array over a Java buffer and closes it at once,
     * but autograd keeps it for the backward pass, which then reads memory the garbage collector may have
     * freed (measured: gradients that changed, or turned NaN, with the observation schedule).
     */
    public NDArray constant(NDManager target, double value) {
        return array(target, new double[] {value});
    }

    /**
     * A copy of {@code wrapped} in memory that libtorch allocated; {@code wrapped} is closed. DJL creates an
     * array from Java data as a view of a Java direct buffer, which the garbage collector may free while
     * libtorch still holds the tensor (measured: NaN gradients, or not, depending on when observations ran).
     */
    private static NDArray owned(NDArray wrapped) {
        NDArray copy = wrapped.duplicate();
        wrapped.close();
        return copy;
    }

    /**
     * The forward pass at every position.
     *
     * @param tokens  [B, T] token indices (int64)
     * @param mask    [T, T] additive attention mask (0 where a query position may look, {@link #MASKED} where not), or null
     * @param dropout dropout masks in training, or null (evaluation: no dropout)
     */
    public Output forward(NDArray tokens, NDArray mask, DropoutMasks dropout) {
        return forward(tokens, mask, dropout, -1);
    }

    /**
     * The forward pass read out at one position only: the last layer computes its attention, feed-forward
     * and decoder for that position alone (the outputs elsewhere cannot change it), so {@code logits} is
     * [B, 1, V] and the last layer's attention [B, heads, 1, T]. Same numbers as the full pass at that
     * position, at a fraction of the cost when only one position is trained (the sequence-class task).
     */
    public Output forwardAt(NDArray tokens, NDArray mask, DropoutMasks dropout, int position) {
        if (position < 0 || position >= tokens.getShape().get(1)) {
            throw new IllegalArgumentException("position " + position + " is outside the sequence");
        }
        return forward(tokens, mask, dropout, position);
    }

    private Output forward(NDArray tokens, NDArray mask, DropoutMasks dropout, int position) {
        long batch = tokens.getShape().get(0);
        long length = tokens.getShape().get(1);
        int d = architecture.emsize();
        int heads = architecture.heads();
        int width = architecture.headWidth();
        NDArray x = Embedding.embedding(tokens, embedding, SparseFormat.DENSE).singletonOrThrow();
        if (features.learnedEmbedding() && architecture.scaleEmbedding()) {
            x = x.mul(embeddingScale);
        }
        if (architecture.positional()) {
            x = x.add(array(tokens.getManager(), positionalEncoding((int) length, d), length, d));
        }
        x = drop(x, dropout);
        List<NDArray> attention = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            boolean readOut = position >= 0 && i == layers.size() - 1;
            NDArray in = readOut ? x.get(new NDIndex(":, {}:{}, :", position, position + 1)) : x;
            NDArray layerMask = mask == null || !readOut ? mask : mask.get(new NDIndex("{}:{}, :", position, position + 1));
            long rows = in.getShape().get(1);
            NDArray logits = features.factored()
                    ? heads(linear(in, layer.wq, layer.bq), batch, rows, heads, width)
                            .matMul(heads(linear(x, layer.wk, layer.bk), batch, length, heads, width).transpose(0, 1, 3, 2))
                            .mul(logitScale)
                    : freeLogits(tokens, readOut ? tokens.get(new NDIndex(":, {}:{}", position, position + 1)) : tokens, layer.z);
            if (layerMask != null) {
                logits = logits.add(layerMask);
            }
            NDArray p = logits.softmax(-1);
            attention.add(p);
            NDArray values = features.valueOutput() ? linear(x, layer.wv, layer.bv) : x;
            NDArray mixed = drop(p, dropout).matMul(heads(values, batch, length, heads, width)).transpose(0, 2, 1, 3)
                    .reshape(batch, rows, d);
            NDArray out = drop(features.valueOutput() ? linear(mixed, layer.wo, layer.bo) : mixed, dropout);
            x = firstNorm(features.residual() ? in.add(out) : out, layer);
            if (features.feedForward()) {
                NDArray hidden = drop(Activation.relu(linear(x, layer.w1, layer.b1)), dropout);
                NDArray ff = drop(linear(hidden, layer.w2, layer.b2), dropout);
                NDArray sum = features.residual() ? x.add(ff) : ff;
                x = features.layerNorm() ? layerNorm(sum, layer.g2, layer.n2) : sum;
            }
        }
        NDArray decoded = x.matMul(decoderWeight.transpose());
        return new Output(decoderBias == null ? decoded : decoded.add(decoderBias), attention);
    }

    /**
     * A free Z's logits [B, 1, rows, T]: z_{m,l} from the token m at each query position to the token l at each
     * position, as the one-hot rows of the queries times Z times the one-hot columns of the keys.
     */
    private NDArray freeLogits(NDArray tokens, NDArray queries, NDArray z) {
        NDArray keys = Embedding.embedding(tokens, identity, SparseFormat.DENSE).singletonOrThrow();
        NDArray rows = Embedding.embedding(queries, z, SparseFormat.DENSE).singletonOrThrow();
        return rows.matMul(keys.transpose(0, 2, 1)).expandDims(1);
    }

    /**
     * After the attention sub-layer: layer norm, or with layer norm off the YZ model's l2 normalisation
     * f = a/‖a‖₂ (when {@link Architecture#normalize()}), or nothing.
     */
    private NDArray firstNorm(NDArray x, Layer layer) {
        if (features.layerNorm()) {
            return layerNorm(x, layer.g1, layer.n1);
        }
        return architecture.normalize() ? x.div(x.square().sum(new int[] {-1}, true).sqrt()) : x;
    }

    /**
     * The first layer's attention logits between tokens, which with no positional encoding depend on
     * the tokens only (its input is the scaled embedding): per head h,
     * z^h_ml = (s·u_m W_Qᵀ + b_Q)_h · (s·u_l W_Kᵀ + b_K)_h / √d_head with s = √d or 1 (u_m the one-hot e_m
     * with one-hot embeddings); with a free Z, Z itself. Returns [heads][V][V] (row: query token m).
     */
    public double[][][] effectiveLogits() {
        if (architecture.positional()) {
            throw new IllegalStateException("with a positional encoding the logits depend on positions, not only on tokens");
        }
        int v = architecture.vocabulary();
        int heads = architecture.heads();
        int width = architecture.headWidth();
        Layer first = layers.get(0);
        try (NDScope scope = new NDScope()) {
            double[] z;
            if (features.factored()) {
                NDArray u = embedding.stopGradient();
                if (features.learnedEmbedding() && architecture.scaleEmbedding()) {
                    u = u.mul(embeddingScale);
                }
                NDArray q = linear(u, first.wq.stopGradient(), first.bq.stopGradient()).reshape(v, heads, width).transpose(1, 0, 2);
                NDArray k = linear(u, first.wk.stopGradient(), first.bk.stopGradient()).reshape(v, heads, width).transpose(1, 0, 2);
                z = q.matMul(k.transpose(0, 2, 1)).mul(logitScale).toType(DataType.FLOAT64, false).toDoubleArray();
            } else {
                z = first.z.stopGradient().toType(DataType.FLOAT64, false).toDoubleArray();
            }
            double[][][] out = new double[heads][v][v];
            for (int h = 0; h < heads; h++) {
                for (int m = 0; m < v; m++) {
                    System.arraycopy(z, (h * v + m) * v, out[h][m], 0, v);
                }
            }
            return out;
        }
    }

    /** The additive mask of causal language modelling: position i sees positions 0..i. */
    public static double[] causalMask(int length) {
        double[] mask = new double[length * length];
        for (int i = 0; i < length; i++) {
            for (int j = i + 1; j < length; j++) {
                mask[i * length + j] = MASKED;
            }
        }
        return mask;
    }

    /** PE[t, 2i] = sin(t / 10000^{2i/d}), PE[t, 2i+1] = cos(t / 10000^{2i/d}), as the PyTorch example computes it. */
    static double[] positionalEncoding(int length, int d) {
        double[] pe = new double[length * d];
        for (int t = 0; t < length; t++) {
            for (int i = 0; 2 * i < d; i++) {
                double angle = t * Math.exp(2 * i * (-Math.log(10000.0) / d));
                pe[t * d + 2 * i] = Math.sin(angle);
                if (2 * i + 1 < d) {
                    pe[t * d + 2 * i + 1] = Math.cos(angle);
                }
            }
        }
        return pe;
    }

    private static NDArray drop(NDArray x, DropoutMasks dropout) {
        return dropout == null ? x : dropout.apply(x);
    }

    /** x Wᵀ + b, nn.Linear's convention (W is [out, in]). */
    private static NDArray linear(NDArray x, NDArray w, NDArray b) {
        return x.matMul(w.transpose()).add(b);
    }

    /** [B, T, d] → [B, heads, T, d_head]. */
    private static NDArray heads(NDArray x, long batch, long length, int heads, int width) {
        return x.reshape(batch, length, heads, width).transpose(0, 2, 1, 3);
    }

    private NDArray layerNorm(NDArray x, NDArray gain, NDArray bias) {
        NDArray centred = x.sub(x.mean(new int[] {-1}, true));
        NDArray variance = centred.square().mean(new int[] {-1}, true);
        return centred.div(variance.add(epsilon).sqrt()).mul(gain).add(bias);
    }

    private NDArray parameter(String name, double[] values, long... shape) {
        NDArray a = array(manager, values, shape);
        a.setRequiresGradient(true);
        parameters.add(new TorchParameter(name, a));
        return a;
    }

    private static double[] uniform(UniformRandomProvider rng, double bound, int rows, int columns) {
        double[] a = new double[rows * columns];
        for (int i = 0; i < a.length; i++) {
            a[i] = -bound + 2 * bound * rng.nextDouble();
        }
        return a;
    }

    private static double[] identity(int n) {
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i * n + i] = 1;
        }
        return a;
    }

    /** The transpose of an n×n row-major matrix. */
    private static double[] transpose(double[] a, int n) {
        double[] t = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[j * n + i] = a[i * n + j];
            }
        }
        return t;
    }

    private static double[] ones(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, 1);
        return a;
    }
}
