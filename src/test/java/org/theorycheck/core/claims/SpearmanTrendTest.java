package org.theorycheck.core.claims;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SpearmanTrendTest {

    @Test
    void aTrendIsMeasuredPerGroupWithTheCallersWords() {
        Map<String, List<double[]>> groups = new LinkedHashMap<>();
        groups.put("seed 1", List.of(new double[] {1, 3}, new double[] {2, 2}, new double[] {3, 1}));
        groups.put("seed 2", List.of(new double[] {1, 1}, new double[] {2, 2}, new double[] {3, 3}));
        SpearmanTrend falling = SpearmanTrend.of(groups, true, "train.eta_z", "entropy");
        assertThat(falling.rho()).containsExactly(-1, 1);
        assertThat(falling.deviation()).containsExactly(0, 1);
        assertThat(falling.worst()).isEqualTo("seed 2: Spearman(train.eta_z, entropy) = 1");
        SpearmanTrend rising = SpearmanTrend.of(groups, false, "x", "y");
        assertThat(rising.deviation()).containsExactly(1, 0);
        assertThat(rising.worst()).isEqualTo("seed 1: Spearman(x, y) = -1");
    }
}
