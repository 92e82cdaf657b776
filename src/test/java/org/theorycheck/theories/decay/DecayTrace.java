package org.theorycheck.theories.decay;

import org.theorycheck.core.ladder.Trace;

import java.util.List;

/**
 * The weight and the expected loss ½(w − w*)² at every step.
 *
 * @param steps  the times, in SGD steps
 * @param weight w at those times
 * @param target w*
 */
record DecayTrace(double[] steps, double[] weight, double target) implements Trace {

    @Override
    public List<String> seriesNames() {
        return List.of("w", "loss");
    }

    @Override
    public double[] series(String name) {
        return switch (name) {
            case "w" -> weight.clone();
            case "loss" -> java.util.Arrays.stream(weight).map(w -> 0.5 * (w - target) * (w - target)).toArray();
            default -> throw new IllegalArgumentException("no series " + name);
        };
    }
}
