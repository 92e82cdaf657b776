package org.theorycheck.theories.scansnap.quantities;

import org.apache.commons.rng.UniformRandomProvider;
import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Format;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.core.claims.WorstCase;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.data.ContextSampler;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.data.SyntheticFamily;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.train.SgdRun;

import java.util.List;
import java.util.Set;

/**
 * Lemma 2 via Lemma 18 (Hoeffding): with T−1 contextual tokens the empirical frequency of token l
 * differs from P(l|n) by more than ε = sqrt(ln(2/δ) / (2(T−1))) with probability at most δ. For each
 * context length in {@code contexts} (default: the experiment's), {@code samples} contexts are drawn per
 * class and the rate of (sample, token) pairs beyond ε is counted. Deviation per length:
 * max(0, rate − δ)/δ (0 while the bound holds). Lengths are the replicates.
 */
final class FiniteContextConcentration implements ScanSnapQuantity {

    @Override
    public String name() {
        return "finite_context_concentration";
    }

    @Override
    public String description() {
        return "per context length, max(0, rate of |freq - P| > sqrt(ln(2/delta)/(2(T-1))) minus delta)/delta";
    }

    @Override
    public Set<String> rungs() {
        return Set.of("sgd");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.number("delta", 0.05, Parameter.POSITIVE, 1), Parameter.integer("samples", 2000, 1, 10_000_000),
                Parameter.integers("contexts", 1, 1_000_000));
    }

    @Override
    public Measurement measure(CheckContext<ExperimentConfig, ScanSnapTrace> context) {
        double delta = context.number("delta");
        int samples = context.integer("samples");
        double[] contexts = context.has("contexts") ? context.numbers("contexts")
                : new double[] {context.config().data().context()};
        SequenceClasses classes = SyntheticFamily.build(context.config().data());
        UniformRandomProvider rng = SgdRun.stream(context.seeds().get(0));
        double[] dev = new double[contexts.length];
        StringBuilder text = new StringBuilder();
        WorstCase worst = new WorstCase();
        for (int c = 0; c < contexts.length; c++) {
            int length = (int) contexts[c];
            double epsilon = Math.sqrt(Math.log(2 / delta) / (2.0 * length));
            ContextSampler sampler = new ContextSampler(classes, length, rng);
            long beyond = 0;
            long total = 0;
            for (int n = 0; n < classes.classes(); n++) {
                int[] support = classes.support(n);
                double[] counts = new double[support.length];
                for (int s = 0; s < samples; s++) {
                    sampler.nextContext(n, counts);
                    for (int i = 0; i < support.length; i++) {
                        total++;
                        if (Math.abs(counts[i] / length - classes.probability(n, support[i])) > epsilon) {
                            beyond++;
                        }
                    }
                }
            }
            double rate = (double) beyond / total;
            dev[c] = Math.max(0, rate - delta) / delta;
            text.append(c == 0 ? "" : "; ").append("T-1=").append(length).append(": ").append(Format.number(rate));
            long outside = beyond;
            long examined = total;
            worst.offer(rate, () -> "T-1 = " + length + ": " + outside + " of " + examined + " frequencies beyond eps = "
                    + Format.number(epsilon));
        }
        return Measurement.overCases(worst.score(), "rate beyond the Hoeffding radius " + text + " (delta " + Format.number(delta)
                + ")", dev, worst.description());
    }
}
