package org.theorycheck.theories.scansnap.experiment;

/**
 * The features of a real transformer that the YZ model (paper §1.1, Sec. 3.1) leaves out, each of which
 * the transformer rung can switch off. With all of them on it is PyTorch's post-norm encoder layer; with
 * all of them off it is the YZ model: one-hot tokens, attention logits a free M×M matrix Z between tokens,
 * the attention output a = Σ_t b_t e_{x_t} passed through the YZ model's l2 normalisation
 * ({@code model.normalize}), the decoder an M×M matrix Y without bias, and Y and Z drawn as
 * {@code model.init} draws them.
 *
 * @param feedForward  the feed-forward sub-layer (Linear → ReLU → Linear, with its skip connection)
 * @param layerNorm    layer norm after each sub-layer; off: after the attention the YZ model's l2 normalisation
 *                     (or none, as {@code model.normalize} says), after the feed-forward nothing
 * @param residual     the residual stream: the skip connections around both sub-layers; off: a sub-layer's
 *                     output replaces its input (the YZ model without {@code model.residual})
 * @param decoderBias  the decoder's bias
 * @param valueOutput  learned value and output projections; off: both the identity (the attention output is the
 *                     attention-weighted mean of the embeddings)
 * @param learnedEmbedding learned token embeddings of width {@code emsize}; off: fixed one-hot vectors, width M
 * @param factored     attention logits q·k/√d_head from query and key projections of the embeddings; off: a free
 *                     M×M matrix Z of logits between tokens, one head, one layer
 * @param pytorchInit  PyTorch's initialisation of each layer; off: Y and the free Z drawn first, as the YZ model's
 *                     {@code model.init} draws them (needs one-hot embeddings and a free Z)
 */
public record TransformerFeatures(boolean feedForward, boolean layerNorm, boolean residual, boolean decoderBias,
                                  boolean valueOutput, boolean learnedEmbedding, boolean factored, boolean pytorchInit) {

    /** Every feature on: the transformer of PyTorch's {@code nn.TransformerEncoderLayer}. */
    public static final TransformerFeatures ALL =
            new TransformerFeatures(true, true, true, true, true, true, true, true);

    /** Every feature off: the YZ model, computed by the transformer's code. */
    public static final TransformerFeatures NONE =
            new TransformerFeatures(false, false, false, false, false, false, false, false);

    /** One feature, by the name of its experiment key and the steps of the ladder. */
    public enum Feature {
        FEED_FORWARD("feed_forward", "the feed-forward sub-layer"),
        LAYER_NORM("layer_norm", "layer norm (replaced by the YZ model's l2 normalisation)"),
        RESIDUAL("residual", "the residual stream"),
        DECODER_BIAS("decoder_bias", "the decoder's bias"),
        VALUE_OUTPUT("value_output", "the value and output projections (replaced by the identity)"),
        EMBEDDING("embedding", "learned embeddings (replaced by fixed one-hot vectors)"),
        FACTORED("attention", "factored attention logits W_Q W_K^T (replaced by a free M x M matrix)"),
        INIT("init", "PyTorch's initialisation (replaced by the YZ model's model.init)");

        private final String key;
        private final String description;

        Feature(String key, String description) {
            this.key = key;
            this.description = description;
        }

        /** The experiment key, under {@code transformer.}. */
        public String key() {
            return "transformer." + key;
        }

        /** What the feature is, and what replaces it when it is off. */
        public String description() {
            return description;
        }
    }

    /** Whether a feature is on. */
    public boolean has(Feature f) {
        return switch (f) {
            case FEED_FORWARD -> feedForward;
            case LAYER_NORM -> layerNorm;
            case RESIDUAL -> residual;
            case DECODER_BIAS -> decoderBias;
            case VALUE_OUTPUT -> valueOutput;
            case EMBEDDING -> learnedEmbedding;
            case FACTORED -> factored;
            case INIT -> pytorchInit;
        };
    }

    /** These features with {@code f} switched off. */
    public TransformerFeatures without(Feature f) {
        return new TransformerFeatures(feedForward && f != Feature.FEED_FORWARD, layerNorm && f != Feature.LAYER_NORM,
                residual && f != Feature.RESIDUAL, decoderBias && f != Feature.DECODER_BIAS,
                valueOutput && f != Feature.VALUE_OUTPUT, learnedEmbedding && f != Feature.EMBEDDING,
                factored && f != Feature.FACTORED, pytorchInit && f != Feature.INIT);
    }
}
