package org.theorycheck.theories.scansnap.report;

import org.theorycheck.core.report.CsvTable;
import org.junit.jupiter.api.Test;
import org.theorycheck.core.experiment.ConfigException;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SweepPanelsTest {

    /** mean = 100·q + 10·z + r and std = mean / 1000, so every cell is recognisable; rows out of order. */
    private static CsvTable summary(boolean extraKey) {
        StringBuilder sb = new StringBuilder(extraKey ? "model.init," : "")
                .append("data.queries,train.eta_z,train.eta_ratio,n,distinct_entropy_mean,distinct_entropy_std,loss_mean\n");
        for (String init : extraKey ? List.of("zero", "uniform") : List.of("")) {
            for (int q : new int[]{3, 1}) {
                for (double z : new double[]{2, 0.5}) {
                    for (int r : new int[]{10, 1, 2}) {
                        double mean = 100 * q + 10 * z + r + (init.equals("zero") ? 0.5 : 0);
                        if (extraKey) {
                            sb.append(init).append(',');
                        }
                        sb.append(q).append(',').append(z).append(',').append(r).append(",3,").append(mean)
                                .append(',').append(mean / 1000).append(",0.1\n");
                    }
                }
            }
        }
        return CsvTable.parse("summary.csv", sb.toString());
    }

    @Test
    void picksOneCellPerPoint() {
        List<SweepPanels.Panel> panels = SweepPanels.aggregate(summary(false), SweepPanels.Spec.paperFig6());

        assertThat(panels).extracting(SweepPanels.Panel::value).containsExactly("1", "3");
        SweepPanels.Panel q3 = panels.get(1);
        assertThat(q3.curves()).extracting(SweepPanels.Curve::value).containsExactly("0.5", "2.0");
        SweepPanels.Curve z2 = q3.curves().get(1);
        assertThat(z2.x()).containsExactly(1, 2, 10);
        assertThat(z2.mean()).containsExactly(321, 322, 330);
        assertThat(z2.std()).containsExactly(0.321, 0.322, 0.330);
    }

    @Test
    void anotherVaryingKeyMustBeFixed() {
        assertThatThrownBy(() -> SweepPanels.aggregate(summary(true), SweepPanels.Spec.paperFig6()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("summary.csv").hasMessageContaining("model.init").hasMessageContaining("--where");

        SweepPanels.Spec zero = new SweepPanels.Spec("data.queries", "train.eta_ratio", "train.eta_z",
                "distinct_entropy_mean", "distinct_entropy_std", Map.of("model.init", "zero"));
        SweepPanels.Curve c = SweepPanels.aggregate(summary(true), zero).get(0).curves().get(0);
        assertThat(c.mean()).containsExactly(106.5, 107.5, 115.5);
    }

    @Test
    void unknownKeyNamesFileAndColumn() {
        SweepPanels.Spec spec = new SweepPanels.Spec("data.nope", "train.eta_ratio", "train.eta_z",
                "distinct_entropy_mean", null, Map.of());

        assertThatThrownBy(() -> SweepPanels.aggregate(summary(false), spec))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("summary.csv")
                .hasMessageContaining("data.nope");
    }

    @Test
    void panelTitlesFollowThePaper() {
        assertThat(SweepPanels.queriesTitle(2).apply("5")).isEqualTo("Q/K = 5/10");
        assertThat(SweepPanels.keyTitle("train.eta_z").apply("2")).isEqualTo("η_Z = 2");
    }

    @Test
    void aSweepOverOneKeyIsOnePanelWithOneCurve() {
        CsvTable oneKey = CsvTable.parse("summary.csv", "train.eta_z,n,entropy_0_mean,entropy_0_std,loss_mean\n"
                + "2,5,1.5,0.1,5\n1,5,2.0,0.2,5\n3,5,1.0,0.3,5\n");
        SweepPanels.Spec spec = new SweepPanels.Spec(SweepPanels.NONE, "train.eta_z", SweepPanels.NONE, "entropy_0_mean",
                "entropy_0_std", Map.of());
        List<SweepPanels.Panel> panels = SweepPanels.aggregate(oneKey, spec);
        assertThat(panels).singleElement().satisfies(p -> assertThat(p.curves()).singleElement().satisfies(c -> {
            assertThat(c.x()).containsExactly(1, 2, 3);
            assertThat(c.mean()).containsExactly(2.0, 1.5, 1.0);
            assertThat(c.std()).containsExactly(0.2, 0.1, 0.3);
        }));
        assertThat(SweepPanels.figure(oneKey, spec, v -> "fig10", false).panels()).hasSize(1);
    }
}
