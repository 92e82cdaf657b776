package org.theorycheck.theories.scansnap.torch;

/**
 * The shape of a {@link Transformer}: a language model of PyTorch's word-language-model kind, whatever
 * it is trained on.
 *
 * @param vocabulary     V, tokens in and out
 * @param emsize         embedding width d (divisible by {@code heads})
 * @param heads          attention heads
 * @param hidden         feed-forward width d_hid
 * @param layers         encoder layers
 * @param dropout        dropout probability in training (0: none)
 * @param positional     add the sinusoidal positional encoding to the scaled embedding
 * @param scaleEmbedding multiply the embedding by √d before the first layer
 * @param initRange      embedding and decoder weights start uniform on [−initRange, initRange]
 */
public record Architecture(int vocabulary, int emsize, int heads, int hidden, int layers, double dropout,
                           boolean positional, boolean scaleEmbedding, double initRange) {

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
    }

    /** d / heads. */
    public int headWidth() {
        return emsize / heads;
    }

    /** Number of trained scalars. */
    public long parameterCount() {
        long d = emsize;
        long perLayer = 4 * d * d + 4 * d + 2 * d * hidden + hidden + d + 4 * d;
        return 2L * vocabulary * d + vocabulary + layers * perLayer;
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
