package org.theorycheck.theories.scansnap.quantities;

import org.assertj.core.api.AbstractAssert;
import org.theorycheck.theories.scansnap.data.SequenceClasses;
import org.theorycheck.theories.scansnap.data.TokenRole;
import org.theorycheck.theories.scansnap.model.RowSums;
import org.theorycheck.theories.scansnap.model.Trajectory;

import java.util.Arrays;

/**
 * AssertJ assertions for claims written in Java against any rung's {@link Trajectory}, e.g.
 * {@code assertThat(trajectory).distinctTokens(0).areOrderedByProbability()}. Failure messages name
 * the class, token, step and values.
 */
public final class TrajectoryAssert extends AbstractAssert<TrajectoryAssert, Trajectory> {

    private TrajectoryAssert(Trajectory actual) {
        super(actual, TrajectoryAssert.class);
    }

    public static TrajectoryAssert assertThat(Trajectory trajectory) {
        return new TrajectoryAssert(trajectory);
    }

    /** The distinct tokens G_DT(n) of class n. */
    public TokensAssert distinctTokens(int n) {
        isNotNull();
        return new TokensAssert(actual, n, actual.classes().distinctTokens(n), "distinct");
    }

    /** The common tokens of class n's support. */
    public TokensAssert commonTokens(int n) {
        isNotNull();
        SequenceClasses c = actual.classes();
        int[] common = Arrays.stream(c.support(n)).filter(l -> c.role(l) == TokenRole.COMMON).toArray();
        return new TokensAssert(actual, n, common, "common");
    }

    /** Lemma 1: the recorded row-sum drift of Y and Z never exceeds {@code tolerance}. */
    public TrajectoryAssert keepsRowSumsWithin(double tolerance) {
        isNotNull();
        for (Trajectory.Snapshot s : actual.snapshots()) {
            for (String name : new String[] {RowSums.DRIFT_Y, RowSums.DRIFT_Z}) {
                double drift = s.extras().getOrDefault(name, 0.0);
                if (!(drift <= tolerance)) {
                    failWithMessage("%s is %s at step %s, above %s", name, drift, Trajectory.stepLabel(s.step()), tolerance);
                }
            }
        }
        return this;
    }

    /** Assertions on a set of tokens of one class. */
    public static final class TokensAssert {
        private final Trajectory trajectory;
        private final int n;
        private final int[] tokens;
        private final String kind;

        TokensAssert(Trajectory trajectory, int n, int[] tokens, String kind) {
            this.trajectory = trajectory;
            this.n = n;
            this.tokens = tokens;
            this.kind = kind;
        }

        /** At the last step, a larger P(l|n) means a larger z (Theorem 3's frequency bias). */
        public TokensAssert areOrderedByProbability() {
            SequenceClasses c = trajectory.classes();
            int last = trajectory.size() - 1;
            for (int a : tokens) {
                for (int b : tokens) {
                    if (c.probability(n, a) > c.probability(n, b) && !(trajectory.z(last, n, a) > trajectory.z(last, n, b))) {
                        throw new AssertionError(String.format("class %d, %s tokens: P(%s) = %s > P(%s) = %s but z = %s <= %s at step %s",
                                n, kind, c.label(a), c.probability(n, a), c.label(b), c.probability(n, b),
                                trajectory.z(last, n, a), trajectory.z(last, n, b), Trajectory.stepLabel(trajectory.last().step())));
                    }
                }
            }
            return this;
        }

        /** Every logit rises at every recorded interval (Theorem 2(a)). */
        public TokensAssert allIncrease() {
            return move(1, "increase");
        }

        /** Every logit falls at every recorded interval (Theorem 2(b)). */
        public TokensAssert allDecrease() {
            return move(-1, "decrease");
        }

        private TokensAssert move(double sign, String word) {
            if (tokens.length == 0) {
                throw new AssertionError("class " + n + " has no " + kind + " tokens");
            }
            for (int l : tokens) {
                for (int i = 1; i < trajectory.size(); i++) {
                    double d = trajectory.z(i, n, l) - trajectory.z(i - 1, n, l);
                    if (!(sign * d > 0)) {
                        throw new AssertionError(String.format("class %d, %s token %s does not %s between steps %s and %s: z moved %s",
                                n, kind, trajectory.classes().label(l), word, Trajectory.stepLabel(trajectory.at(i - 1).step()),
                                Trajectory.stepLabel(trajectory.at(i).step()), d));
                    }
                }
            }
            return this;
        }
    }
}
