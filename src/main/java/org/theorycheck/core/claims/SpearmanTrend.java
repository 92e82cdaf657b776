package org.theorycheck.core.claims;

import org.theorycheck.core.stats.Stats;

import java.util.List;
import java.util.Map;

/**
 * A predicted monotone trend of y in x, measured per group of points (x, y), e.g. per seed or per cell of
 * a sweep grid that fixes every key but x: Spearman's ρ between x and y, and the deviation from the
 * trend, (1 + ρ)/2 for a predicted decrease and (1 − ρ)/2 for an increase — 0 for a perfect trend, ½
 * for none, 1 for the opposite one. Groups are the replicates; the worst is described (the last of
 * equally bad ones).
 *
 * @param rho       per group, in the groups' order, Spearman's ρ (NaN where x or y is constant)
 * @param deviation per group, the deviation from the trend
 * @param worst     the worst group in words, e.g. "seed 2: Spearman(rate, final loss) = 0.5"
 */
public record SpearmanTrend(double[] rho, double[] deviation, String worst) {

    /**
     * Measures the trend in each group.
     *
     * @param groups   per group's name, its points {x, y}, in the order they are reported
     * @param decrease whether y is predicted to fall as x grows (else to rise)
     * @param x        the name of x, for the description (e.g. a swept key)
     * @param y        the name of y, for the description
     */
    public static SpearmanTrend of(Map<String, List<double[]>> groups, boolean decrease, String x, String y) {
        double[] rho = new double[groups.size()];
        double[] deviation = new double[groups.size()];
        WorstCase worst = WorstCase.lastOfTies();
        int g = 0;
        for (Map.Entry<String, List<double[]>> e : groups.entrySet()) {
            double r = Stats.spearman(e.getValue().stream().mapToDouble(p -> p[0]).toArray(),
                    e.getValue().stream().mapToDouble(p -> p[1]).toArray());
            rho[g] = r;
            deviation[g] = decrease ? (1 + r) / 2 : (1 - r) / 2;
            worst.offer(deviation[g], () -> e.getKey() + ": Spearman(" + x + ", " + y + ") = " + Format.number(r));
            g++;
        }
        return new SpearmanTrend(rho, deviation, worst.description());
    }
}
