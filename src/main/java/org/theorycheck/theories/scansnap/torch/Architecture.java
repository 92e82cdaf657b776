package org.theorycheck.theories.scansnap.torch;

import org.theorycheck.theories.scansnap.experiment.TransformerFeatures;

/**
 * The shape of a {@link Transformer}: a language model of PyTorch's word-language-model kind, whatever
 * it is trained on.
 *
 * @param vocabulary     V, tokens in and out
 * @param emsize         the model's width d (divisible by {@code heads}); V with one-hot embeddings
 * @param heads          attention heads
 * @param hidden         feed-forward width d_hid
 * @param layers         encoder layers
 * @param dropout        dropout probability in training (0: none)
 * @param positional     add the sinusoidal positional encoding to the scaled embedding
 * @param scaleEmbedding multiply the embedding by √d before the first layer
 * @param initRange      embedding and decoder weights start uniform on [−initRange, initRange]
 * @param features       which of the transformer's features are on
 * @param normalize      with layer norm off, l2-normalise the attention sub-layer's output (the YZ model's
 *                       {@code model.normalize}); not read with layer norm on
 */
public record Architecture(int vocabulary, int emsize, int heads, int hidden, int layers, double dropout,
                           boolean positional, boolean scaleEmbedding, double initRange, TransformerFeatures features,
                           boolean normalize) {

    /** The whole transformer, every feature on. */
    public Architecture(int vocabulary, int emsize, int heads, int hidden, int layers, double dropout, boolean positional,
                        boolean scaleEmbedding, double initRange) {
        this(vocabulary, emsize, heads, hidden, layers, dropout, positional, scaleEmbedding, initRange, TransformerFeatures.ALL,
                true);
    }

    public Architecture {
        if (vocabulary < 1 || emsize < 1 || heads < 1 || hidden < 1 || layers < 1) {
            throw new IllegalArgumentException("every size must be positive");
        }
        if (emsize % heads != 0) {
            throw new IllegalArgumentException("emsize " + emsize + " is not divisible by heads " + heads);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (!features.learnedEmbedding() && emsize != vocabulary) {
            throw new IllegalArgumentException("one-hot embeddings have the vocabulary's width " + vocabulary + ", not " + emsize);
        }
        if (!features.factored() && (heads != 1 || layers != 1)) {
            throw new IllegalArgumentException("a free matrix of logits is one head of one layer");
        }
        if (!features.pytorchInit() && (features.learnedEmbedding() || features.factored())) {
            throw new IllegalArgumentException("the YZ initialisation needs one-hot embeddings and a free Z");
        }
    }

    /** d / heads. */
    public int headWidth() {
        return emsize / heads;
    }

    /** Number of trained scalars. */
    public long parameterCount() {
        long d = emsize;
        long attention = features.factored() ? 2 * d * d + 2 * d : (long) vocabulary * vocabulary;
        long valueOutput = features.valueOutput() ? 2 * d * d + 2 * d : 0;
        long feedForward = features.feedForward() ? 2 * d * hidden + hidden + d : 0;
        long norms = features.layerNorm() ? (features.feedForward() ? 4 * d : 2 * d) : 0;
        long embedding = features.learnedEmbedding() ? (long) vocabulary * d : 0;
        return embedding + (long) vocabulary * d + (features.decoderBias() ? vocabulary : 0)
                + layers * (attention + valueOutput + feedForward + norms);
    }

    /**
     * An upper estimate of the native memory (bytes) one training step on {@code batch} sequences of
     * length {@code length} needs: parameters, gradients and velocities, plus every activation the
     * backward pass keeps (about a dozen d-wide tensors, the attention maps and the logits, per layer).
     */
    public long trainingBytes(int batch, int length, int bytesPerScalar) {
        long tokens = (long) batch * length;
        long perLayer = tokens * (12L * emsize + 3L * hidden) + 3L * batch * heads * (long) length * length;
        long activations = layers * perLayer + 3 * tokens * vocabulary + 2 * tokens * emsize;
        return (3 * parameterCount() + activations) * bytesPerScalar;
    }
}
