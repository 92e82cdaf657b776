package org.theorycheck.core.claims;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorstCaseTest {

    @Test
    void theWorstCaseIsDescribedAndOnlyTheCasesThatBecomeWorstAreWritten() {
        WorstCase worst = new WorstCase();
        List<String> written = new ArrayList<>();
        for (double score : new double[] {0.1, 0.5, 0.2, 0.5, 0.4}) {
            worst.offer(score, () -> {
                written.add("score " + score);
                return "score " + score;
            });
        }
        assertThat(worst.score()).isEqualTo(0.5);
        assertThat(worst.description()).isEqualTo("score 0.5");
        assertThat(written).as("the first 0.5 is kept; nothing after it is written").containsExactly("score 0.1", "score 0.5");
    }

    @Test
    void tiesGoToTheFirstOrTheLastCase() {
        WorstCase first = new WorstCase();
        WorstCase last = WorstCase.lastOfTies();
        for (String seed : new String[] {"seed 1", "seed 2", "seed 3"}) {
            first.offer(0, () -> seed);
            last.offer(0, () -> seed);
        }
        assertThat(first.description()).isEqualTo("seed 1");
        assertThat(last.description()).isEqualTo("seed 3");
    }

    @Test
    void aFloorKeepsCasesThatDoNotExceedItUndescribed() {
        WorstCase gap = WorstCase.above(0);
        gap.offer(0, () -> "the rungs agree here");
        assertThat(gap.description()).isEmpty();
        assertThat(gap.score()).isZero();
        gap.offer(1e-3, () -> "step 4");
        assertThat(gap.description()).isEqualTo("step 4");
    }

    @Test
    void aNaNScoreIsNeverTheWorst() {
        WorstCase worst = new WorstCase();
        worst.offer(Double.NaN, () -> "undefined");
        assertThat(worst.description()).isEmpty();
        worst.offer(0.2, () -> "defined");
        worst.offer(Double.NaN, () -> "undefined again");
        assertThat(worst.description()).isEqualTo("defined");
        assertThat(worst.score()).isEqualTo(0.2);
    }
}
