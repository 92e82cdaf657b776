package org.theorycheck.theories.scansnap.quantities;

import org.junit.jupiter.api.Test;
import org.theorycheck.theories.scansnap.torch.TextRun;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The definitions of Fig. 7's "sparse" and "freezes" on hand-made records of a 2 × 2 causal map. */
class LowestLayerSnapTest {

    /** Records every 10 iterations to 120 with these change rates (the first, at 0, has none) and maps. */
    private static List<TextRun.Record> records(double[] rates, double[][] maps) {
        List<TextRun.Record> out = new ArrayList<>();
        for (int k = 0; k <= 12; k++) {
            double entropy = 2.0 - 0.15 * k;
            out.add(new TextRun.Record(10 * k, 1, 1, new double[] {entropy}, new double[] {k == 0 ? Double.NaN : rates[k - 1]},
                    maps[k]));
        }
        return out;
    }

    private static double[][] maps(int switchesAfter) {
        double[][] maps = new double[13][];
        for (int k = 0; k <= 12; k++) {
            maps[k] = k <= switchesAfter ? new double[] {1, 0, 0.5, 0.5} : new double[] {1, 0, 0, 1};
        }
        return maps;
    }

    @Test
    void aRateThatFallsUnderATenthOfItsPeakFreezesAtTheSnap() {
        double[] rates = {0.2, 0.5, 0.3, 0.2, 0.1, 0.06, 0.04, 0.04, 0.03, 0.02, 0.02, 0.01};
        LowestLayerSnap snap = LowestLayerSnap.of(records(rates, maps(2)), 0.1);
        assertThat(snap.initialEntropy()).isEqualTo(2.0);
        assertThat(snap.finalEntropy()).isCloseTo(0.2, within(1e-12));
        assertThat(snap.earlyRate()).as("largest rate at iterations <= 30").isEqualTo(0.5);
        assertThat(snap.lateRate()).as("mean over iterations > 90").isCloseTo((0.02 + 0.02 + 0.01) / 3, within(1e-12));
        assertThat(snap.snapIteration()).as("first record from which the rate stays <= 0.05").isEqualTo(70);
        assertThat(snap.rateExcess()).isNegative();
        assertThat(snap.sparsityExcess(0.5)).isCloseTo(Math.log(0.2 / 1.0), within(1e-12));
        assertThat(snap.mapSteps()).containsExactly(0, 40, 80, 120);
        assertThat(snap.earlyMapChange()).as("row 1 moved 1 in L1, row 0 not: mean 0.5").isEqualTo(0.5);
        assertThat(snap.lateMapChange()).isZero();
    }

    @Test
    void aRateThatStaysHighHasNoSnapAndAPositiveExcess() {
        double[] rates = {0.2, 0.5, 0.3, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.06};
        LowestLayerSnap snap = LowestLayerSnap.of(records(rates, maps(100)), 0.1);
        assertThat(snap.snapIteration()).as("even the last rate, 0.06, is over the bar 0.05").isEqualTo(-1);
        assertThat(snap.rateExcess()).isCloseTo(Math.log(((0.2 + 0.2 + 0.06) / 3) / 0.05), within(1e-12));
        assertThat(snap.mapExcess()).as("no move at all, early or late").isNaN();
    }
}
