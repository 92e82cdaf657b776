package org.theorycheck.transformer;

import java.util.List;

/** Parameters that share a learning rate (PyTorch's optimiser parameter groups). */
public record ParameterGroup(String name, double rate, List<Parameter> parameters) {

    public ParameterGroup {
        parameters = List.copyOf(parameters);
    }
}
