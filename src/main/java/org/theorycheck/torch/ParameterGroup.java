package org.theorycheck.torch;

import java.util.List;

/** Parameters that share a learning rate (PyTorch's optimiser parameter groups). */
public record ParameterGroup(String name, double rate, List<TorchParameter> parameters) {

    public ParameterGroup {
        parameters = List.copyOf(parameters);
    }
}
