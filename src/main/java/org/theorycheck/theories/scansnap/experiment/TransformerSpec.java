package org.theorycheck.theories.scansnap.experiment;

/**
 * The {@code transformer:} section of an experiment: the real transformer of rung {@code transformer}
 * (the authors' real-text model, PyTorch {@code nn.TransformerEncoderLayer} semantics) and what its
 * training adds to {@code train:}. The rates come from {@code train:}: the first layer's query and key
 * projections learn at η_Z (they form the effective Z), every other parameter at η_Y, the first layer's
 * feed-forward weights at {@code ffRate}·η_Y.
 *
 * @param emsize         embedding width d
 * @param heads          attention heads (d must be divisible by it)
 * @param hidden         feed-forward width d_hid
 * @param layers         encoder layers
 * @param dropout        dropout probability (0 switches it off)
 * @param positional     add the sinusoidal positional encoding (false is Assumption 1a)
 * @param scaleEmbedding multiply the embedding by √d, as the authors' model does
 * @param initRange      embedding and decoder weights start uniform on [−initRange, initRange]
 * @param ffRate         rate multiple of the first layer's feed-forward weights and biases
 * @param clip           clip the gradient to this global norm (0: no clipping)
 * @param float64        train in double precision (float32 otherwise)
 * @param features       which of a transformer's features are on (all, unless the experiment switches some off)
 */
public record TransformerSpec(int emsize, int heads, int hidden, int layers, double dropout, boolean positional,
                              boolean scaleEmbedding, double initRange, double ffRate, double clip, boolean float64,
                              TransformerFeatures features) {

    /** The model's width d on a vocabulary of M tokens: {@code emsize}, or M with one-hot embeddings. */
    public int width(int vocabulary) {
        return features.learnedEmbedding() ? emsize : vocabulary;
    }

    /** The same transformer with other features. */
    public TransformerSpec with(TransformerFeatures other) {
        return new TransformerSpec(emsize, heads, hidden, layers, dropout, positional, scaleEmbedding, initRange, ffRate, clip,
                float64, other);
    }
}
