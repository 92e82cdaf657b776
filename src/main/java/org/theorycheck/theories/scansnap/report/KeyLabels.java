package org.theorycheck.theories.scansnap.report;

import java.util.Map;

/** The paper's symbols for the dotted experiment keys, for axis titles and legends. */
public final class KeyLabels {

    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("train.eta_z", "η_Z"),
            Map.entry("train.eta_y", "η_Y"),
            Map.entry("train.eta_ratio", "η_Y/η_Z"),
            Map.entry("train.momentum", "momentum μ"),
            Map.entry("train.batch", "batch size"),
            Map.entry("train.steps", "steps"),
            Map.entry("data.queries", "Q"),
            Map.entry("data.next_per_query", "R"),
            Map.entry("data.common", "C"),
            Map.entry("data.common_per_query", "C_q"),
            Map.entry("data.distinct_per_next", "D"),
            Map.entry("data.common_weight", "w_c"),
            Map.entry("data.context", "T−1"),
            Map.entry("distinct_entropy", "distinct-token entropy"),
            Map.entry("distinct_entropy_mean", "distinct-token entropy"),
            Map.entry("decoder_residual", "decoder residual ‖e_n − α_n‖"),
            Map.entry("loss", "loss"));

    private KeyLabels() {}

    /** The symbol of a key, or the key itself. */
    public static String symbol(String key) {
        return SYMBOLS.getOrDefault(key, key);
    }

    /** An axis title with its unit where the key has one. */
    public static String axisTitle(String key) {
        return switch (key) {
            case "step" -> "step (SGD updates)";
            case "distinct_entropy", "distinct_entropy_mean" -> "distinct-token entropy (nats)";
            case "loss", "loss_mean" -> "training loss (nats)";
            case "val_perplexity", "val_perplexity_mean" -> "validation perplexity";
            default -> key.matches("entropy_\\d+(_mean)?")
                    ? "layer-" + key.replaceAll("entropy_(\\d+).*", "$1") + " entropy (nats)" : symbol(key);
        };
    }
}
