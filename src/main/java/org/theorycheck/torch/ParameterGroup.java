package org.theorycheck.torch;

import java.util.List;

/**
 * Parameters that share a learning rate (PyTorch's optimiser parameter groups).
 *
 * @param setting where the rate comes from in the experiment file, e.g. "train.rate", for messages
 */
public record ParameterGroup(String name, double rate, String setting, List<TorchParameter> parameters) {

    public ParameterGroup {
        parameters = List.copyOf(parameters);
    }

    /** What to lower when a parameter of the group diverges. */
    public String lowerRate() {
        return "lower the rate " + rate + " of the " + name + " parameters (" + setting + ")";
    }
}
