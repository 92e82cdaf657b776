package org.theorycheck.theories.deeplinear.mnist;

import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.stat.regression.SimpleRegression;
import org.theorycheck.theories.deeplinear.closedform.ClosedForms;
import org.theorycheck.theories.deeplinear.measure.LearningTimeVsDepth;
import org.theorycheck.theories.deeplinear.network.Initialisation;
import org.theorycheck.theories.deeplinear.task.Statistics;
import org.theorycheck.theories.deeplinear.task.Task;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Learning time and the fastest rate against depth (Fig 4, Fig 6A; App. C; prediction 19): at each depth,
 * full-batch gd (eq 13) from one initialisation at each rate of a log grid, counting the iterations until
 * the paper's loss Σ_μ ||y − W_tot x||² is below a threshold ({@link LearningTimeVsDepth}, one rate at a
 * time); the fastest rate is kept.
 *
 * <p>The grid is searched from its largest rate down, and the search stops once two rates in a row below
 * the fastest so far have not beaten it: below the fastest rate gd follows the gradient flow, whose
 * learning time grows as 1/rate, so every smaller rate is slower still (a test compares this search with
 * every rate of a grid). Above it the rates diverge, or oscillate about the solution without ever reaching
 * the threshold, and cost the whole budget.
 *
 * <p>The threshold is the paper's "nearly complete learning" (App. C: a loss below 1.3e4 on 50,000
 * digits, whose normalisation the paper does not give): the least loss a network of this width can reach
 * plus a fraction {@code remaining} of what there is to learn, L_min + remaining · (L_0 − L_min), L_0 the
 * loss of the zero network.
 */
public final class DepthScan {

    /** The outcome of a rate that did not reach the threshold within its budget, or diverged. */
    public static final int NOT_REACHED = -1;
    /** The outcome of a rate the search did not run (below two slower rates). */
    public static final int NOT_TRIED = -2;

    private DepthScan() {}

    /**
     * One depth's search.
     *
     * @param depth      N_l
     * @param iterations the learning time at the fastest rate; {@link #NOT_REACHED} if no rate learned
     * @param bestRate   the fastest rate; NaN if none learned
     * @param rates      the grid, largest first
     * @param outcomes   per rate of {@code rates}: its learning time, {@link #NOT_REACHED} or {@link #NOT_TRIED}
     */
    public record Point(int depth, int iterations, double bestRate, double[] rates, int[] outcomes) implements Serializable {

        private static final long serialVersionUID = 1L;

        public Point {
            rates = rates.clone();
            outcomes = outcomes.clone();
        }

        public boolean learned() {
            return iterations >= 0;
        }

        /** Whether the fastest rate is an end of the grid, so that the optimum may lie beyond it. */
        public boolean atGridEdge() {
            return learned() && (bestRate == rates[0] || bestRate == rates[rates.length - 1]);
        }

        @Override
        public double[] rates() {
            return rates.clone();
        }

        @Override
        public int[] outcomes() {
            return outcomes.clone();
        }
    }

    /**
     * The fastest rate of {@code rates} at one depth and its learning time.
     *
     * @param hidden        the width of every hidden layer
     * @param threshold     the loss to reach ({@link #threshold})
     * @param maxIterations the budget of a rate
     */
    public static Point search(Task task, int depth, int hidden, Initialisation init, double[] rates, double threshold,
                               int maxIterations, long seed) {
        double[] down = rates.clone();
        Arrays.sort(down);
        for (int i = 0, j = down.length - 1; i < j; i++, j--) {
            double t = down[i];
            down[i] = down[j];
            down[j] = t;
        }
        int[] outcomes = new int[down.length];
        Arrays.fill(outcomes, NOT_TRIED);
        int best = NOT_REACHED;
        double bestRate = Double.NaN;
        int slower = 0;
        for (int i = 0; i < down.length; i++) {
            int budget = best < 0 ? maxIterations : best - 1;
            if (best >= 0 && (slower >= 2 || budget < 1)) {
                break;
            }
            int n = new LearningTimeVsDepth(task, hidden, init, new double[] {down[i]}, threshold, budget, seed).at(depth)
                    .iterations();
            outcomes[i] = n < 0 ? NOT_REACHED : n;
            if (n >= 0) {
                best = n;
                bestRate = down[i];
                slower = 0;
            } else if (best >= 0) {
                slower++;
            }
        }
        return new Point(depth, best, bestRate, down, outcomes);
    }

    /**
     * The loss to reach: L_min + remaining · (L_0 − L_min), with L_0 = Σ_μ ||y||² (the zero network) and L_min
     * the least Σ_μ ||y − W x||² over maps W of rank at most {@code rank} (reduced-rank regression: L_0 minus the
     * sum of the {@code rank} largest squared singular values of Σ31 Σ11^{+1/2}; for Σ11 = I, of Σ31).
     *
     * @param targets   Σ_μ ||y||²
     * @param rank      the narrowest layer of the network
     * @param remaining the fraction of the learnable loss still allowed, in (0, 1)
     */
    public static double threshold(Statistics stats, double targets, int rank, double remaining) {
        if (!(remaining > 0 && remaining < 1)) {
            throw new IllegalArgumentException("remaining: the share of the learnable loss left at the threshold must be in"
                    + " (0, 1), got " + remaining);
        }
        double floor = targets - learnable(stats, rank);
        return floor + remaining * (targets - floor);
    }

    /**
     * Σ of the {@code rank} largest squared singular values of Σ31 Σ11^{+1/2}, computed as those of Σ31 Q Λ^{+1/2}
     * (Σ11 = Q Λ Qᵀ; the orthogonal Qᵀ on the right changes no singular value), eigenvalues below N1 ε λ_max
     * counted as 0.
     */
    static double learnable(Statistics stats, int rank) {
        RealMatrix m = stats.sigma31().toReal();
        if (!stats.identityInput()) {
            int n = stats.inputs();
            // Σ11 computed by products (whitening) may be symmetric only to round-off.
            RealMatrix s11 = stats.sigma11().toReal();
            RealMatrix symmetric = s11.add(s11.transpose()).scalarMultiply(0.5);
            EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(symmetric,
                    EigenDecompositionSymmetric.DEFAULT_EPSILON, true);
            double[] lambda = eigen.getEigenvalues();
            double tolerance = n * Math.ulp(1.0) * Math.max(lambda[0], 0);
            RealMatrix scaled = eigen.getV().copy();
            for (int k = 0; k < n; k++) {
                double f = lambda[k] > tolerance ? 1 / Math.sqrt(lambda[k]) : 0;
                for (int i = 0; i < n; i++) {
                    scaled.multiplyEntry(i, k, f);
                }
            }
            m = m.multiply(scaled);
        }
        double[] sigma = new SingularValueDecomposition(m).getSingularValues();
        double sum = 0;
        for (int k = 0; k < Math.min(rank, sigma.length); k++) {
            sum += sigma[k] * sigma[k];
        }
        return sum;
    }

    /**
     * What prediction 19 reads off a scan.
     *
     * @param rateSlope      the least-squares slope of ln(fastest rate) against ln N_l, over the depths whose fastest
     *                       rate is inside the grid (NaN if fewer than three)
     * @param eq41Slope      the same slope of 1/λ1(a_opt) of eq 41 with the top singular value, over the same depths
     * @param rateDepths     the depths of those slopes
     * @param timeSlope      the least-squares slope of ln(learning time) against ln N_l over the deeper half of the
     *                       depths (0: saturated; 1: proportional to depth); NaN if one of them did not learn
     * @param timeDepths     the depths of that slope
     * @param why            why a slope is NaN, or ""
     */
    public record Trend(double rateSlope, double eq41Slope, int[] rateDepths, double timeSlope, int[] timeDepths, String why) {

        public Trend {
            rateDepths = rateDepths.clone();
            timeDepths = timeDepths.clone();
        }
    }

    /**
     * @param topSingularValue s_1 of the task, for eq 41
     */
    public static Trend trend(List<Point> points, double topSingularValue) {
        List<String> why = new ArrayList<>();
        SimpleRegression rate = new SimpleRegression();
        SimpleRegression eq41 = new SimpleRegression();
        List<Integer> rateDepths = new ArrayList<>();
        for (Point p : points) {
            if (p.learned() && !p.atGridEdge()) {
                rate.addData(Math.log(p.depth()), Math.log(p.bestRate()));
                eq41.addData(Math.log(p.depth()), -Math.log(ClosedForms.eq41(topSingularValue, p.depth(), 1)));
                rateDepths.add(p.depth());
            }
        }
        List<Integer> edge = points.stream().filter(Point::atGridEdge).map(Point::depth).toList();
        if (!edge.isEmpty()) {
            why.add("the fastest rate is an end of the grid at depth " + edge + ", left out of the rate slope");
        }
        boolean rateMeasured = rateDepths.size() >= 3;
        if (!rateMeasured) {
            why.add("the fastest rate is inside the grid at only " + rateDepths.size() + " depths; a slope needs 3");
        }
        int[] depths = points.stream().mapToInt(Point::depth).sorted().toArray();
        double median = depths.length % 2 == 1 ? depths[depths.length / 2]
                : 0.5 * (depths[depths.length / 2 - 1] + depths[depths.length / 2]);
        SimpleRegression time = new SimpleRegression();
        List<Integer> timeDepths = new ArrayList<>();
        List<Integer> unlearned = new ArrayList<>();
        for (Point p : points) {
            if (p.depth() >= median) {
                timeDepths.add(p.depth());
                if (p.learned()) {
                    time.addData(Math.log(p.depth()), Math.log(Math.max(1, p.iterations())));
                } else {
                    unlearned.add(p.depth());
                }
            }
        }
        boolean timeMeasured = unlearned.isEmpty() && timeDepths.size() >= 3;
        if (!unlearned.isEmpty()) {
            why.add("no rate learned within the budget at depth " + unlearned);
        } else if (timeDepths.size() < 3) {
            why.add("the deeper half has only " + timeDepths.size() + " depths; a slope needs 3");
        }
        return new Trend(rateMeasured ? rate.getSlope() : Double.NaN, rateMeasured ? eq41.getSlope() : Double.NaN,
                rateDepths.stream().mapToInt(Integer::intValue).toArray(), timeMeasured ? time.getSlope() : Double.NaN,
                timeDepths.stream().mapToInt(Integer::intValue).toArray(), String.join("; ", why));
    }

    /** "depth: iterations at rate" for every depth, for texts. */
    public static String describe(List<Point> points) {
        StringBuilder sb = new StringBuilder();
        for (Point p : points) {
            sb.append(sb.length() == 0 ? "" : ", ").append(p.depth()).append(": ")
                    .append(p.learned() ? String.format(Locale.ROOT, "%d at %.3g", p.iterations(), p.bestRate()) : "none");
        }
        return sb.toString();
    }
}
