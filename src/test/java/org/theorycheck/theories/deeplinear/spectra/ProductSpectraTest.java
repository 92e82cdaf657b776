package org.theorycheck.theories.deeplinear.spectra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ProductSpectraTest {

    /** Singular values of products of 16 orthogonal 60 × 60 matrices: a few ulps per factor. */
    private static final double ISOMETRY = 1e-12;

    private static ProductSpectra gaussian;
    private static ProductSpectra orthogonal;

    @BeforeAll
    static void sample() {
        gaussian = ProductSpectra.sample(new SpectraSettings(Ensemble.GAUSSIAN, 100, new int[] {1, 2, 4, 8}, 4), 11);
        orthogonal = ProductSpectra.sample(new SpectraSettings(Ensemble.ORTHOGONAL, 60, new int[] {1, 4, 16}, 2), 12);
    }

    @Test
    void theSameSeedGivesTheSameBitsOnOneThreadOrMany() throws Exception {
        SpectraSettings settings = new SpectraSettings(Ensemble.GAUSSIAN, 30, new int[] {1, 3}, 3);
        ProductSpectra many = ProductSpectra.sample(settings, 7);
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            ProductSpectra single = one.submit(() -> ProductSpectra.sample(settings, 7)).get();
            assertThat(single.singularValues()).isDeepEqualTo(many.singularValues());
            assertThat(single.eigenRe()).isDeepEqualTo(many.eigenRe());
            assertThat(single.eigenIm()).isDeepEqualTo(many.eigenIm());
        } finally {
            one.shutdown();
        }
        assertThat(ProductSpectra.sample(settings, 8).singularValues()[0][0]).isNotEqualTo(many.singularValues()[0][0]);
        assertThat(many.singularValues()[1]).hasSize(3 * 30);
    }

    /** Realisations computed one by one, each with only the part a figure needs, pool to the same bits. */
    @Test
    void realisationsComputedApartPoolToTheSample() {
        SpectraSettings settings = new SpectraSettings(Ensemble.GAUSSIAN, 30, new int[] {1, 3}, 3);
        ProductSpectra whole = ProductSpectra.sample(settings, 7);
        List<ProductSpectra.Realisation> singular = new ArrayList<>();
        List<ProductSpectra.Realisation> eigen = new ArrayList<>();
        for (int r = 2; r >= 0; r--) {
            singular.add(0, ProductSpectra.realisation(settings, 7, r, true, false));
            eigen.add(0, ProductSpectra.realisation(settings, 7, r, false, true));
        }
        ProductSpectra singularOnly = ProductSpectra.pool(settings, singular);
        ProductSpectra eigenOnly = ProductSpectra.pool(settings, eigen);
        assertThat(singularOnly.singularValues()).isDeepEqualTo(whole.singularValues());
        assertThat(singularOnly.eigenRe()[1]).as("not computed").isEmpty();
        assertThat(eigenOnly.eigenRe()).isDeepEqualTo(whole.eigenRe());
        assertThat(eigenOnly.eigenIm()).isDeepEqualTo(whole.eigenIm());
        assertThat(eigenOnly.singularValues()[0]).isEmpty();
        assertThat(singular.get(0).eigenRe()).isNull();
    }

    @Test
    void prediction20OrthogonalProductsAreIsometries() {
        Measurement m = SpectraPredictions.orthogonalIsometry(orthogonal);
        assertThat(m.deviation()).isLessThan(ISOMETRY);
        assertThat(m.text()).contains("orthogonal products of [1, 4, 16] matrices (N = 60, 2 realisations");
    }

    @Test
    void prediction20NegativeControlGaussianProductsAreNot() {
        assertThat(SpectraPredictions.orthogonalIsometry(gaussian).deviation()).isGreaterThan(0.5);
    }

    @Test
    void prediction21GaussianProductsSpreadAndCollapseWithDepth() {
        Measurement spread = SpectraPredictions.anisotropyGrowth(gaussian);
        assertThat(spread.deviation()).as(spread.text()).isZero();
        Measurement collapse = SpectraPredictions.eigenvalueConcentration(gaussian);
        assertThat(collapse.deviation()).as(collapse.text()).isZero();
    }

    /**
     * Orthogonal products: spread 1 at every depth but for roundoff, and no eigenvalue ever inside
     * |λ| < 0.05; and a hand-made spectrum that narrows.
     */
    @Test
    void prediction21NegativeControls() {
        assertThat(SpectraPredictions.anisotropyGrowth(orthogonal).deviation()).isEqualTo(1.0);
        assertThat(SpectraPredictions.eigenvalueConcentration(orthogonal).deviation()).isEqualTo(1.0);
        double[][] narrowing = {{0.1, 1, 10, 100, 1000}, {1, 2, 3, 4, 5}};
        double[][] zeros = {new double[5], new double[5]};
        ProductSpectra made = new ProductSpectra(new SpectraSettings(Ensemble.GAUSSIAN, 5, new int[] {1, 2}, 1),
                narrowing, zeros, zeros);
        Measurement m = SpectraPredictions.anisotropyGrowth(made);
        assertThat(m.deviation()).isEqualTo(1.0);
        assertThat(m.text()).contains("1 of 1 steps do not grow");
    }

    /** A depth whose σ10 is below N ε σmax measures roundoff: left out, and with one depth left, refused. */
    @Test
    void prediction21LeavesOutSpreadsDoublePrecisionCannotResolve() {
        double[][] sigma = {{4, 3, 2, 1, 0.5}, {8, 6, 4, 2, 1}, {9, 1e-20, 1e-20, 1e-20, 1e-20}};
        double[][] zeros = {new double[5], new double[5], new double[5]};
        ProductSpectra made = new ProductSpectra(new SpectraSettings(Ensemble.GAUSSIAN, 5, new int[] {1, 2, 3}, 1),
                sigma, zeros, zeros);
        Measurement m = SpectraPredictions.anisotropyGrowth(made);
        assertThat(m.text()).contains("depths 3 left out");
        assertThat(m.deviation()).isEqualTo(1.0);   // 4/1 then 8/2: no growth
        ProductSpectra worse = new ProductSpectra(new SpectraSettings(Ensemble.GAUSSIAN, 5, new int[] {1, 3}, 1),
                new double[][] {sigma[0], sigma[2]}, new double[][] {zeros[0], zeros[2]}, new double[][] {zeros[0], zeros[2]});
        assertThatThrownBy(() -> SpectraPredictions.anisotropyGrowth(worse)).hasMessageStartingWith("spectra.factors:");
    }

    /**
     * The sampled eigenvalues follow the large-N law of products of Gaussian matrices: a share r^{2/M}
     * within |λ| < r (at N = 100 the edge of the disc is blurred by O(N^{-1/2})).
     */
    @Test
    void gaussianProductEigenvaluesFollowTheLargeNLaw() {
        for (int factors : new int[] {1, 4}) {
            int k = gaussian.depthIndex(factors);
            double measured = SpectrumStatistics.discFraction(gaussian.eigenRe()[k], gaussian.eigenIm()[k], 0.5);
            assertThat(measured).as("M = " + factors).isCloseTo(GinibreProductLaw.discFraction(factors, 0.5), within(0.03));
        }
    }

    @Test
    void theLawsSquareBinIsExactForTheCircularLaw() {
        // one matrix: uniform density 1/π on the unit disc, so a square of side 0.1 holds 0.01/π
        assertThat(GinibreProductLaw.squareFraction(1, 0.05)).isCloseTo(0.01 / Math.PI, within(1e-12));
        // deeper: between the inscribed and the circumscribed discs
        double square = GinibreProductLaw.squareFraction(10, 0.05);
        assertThat(square).isBetween(GinibreProductLaw.discFraction(10, 0.05), GinibreProductLaw.discFraction(10, 0.05 * Math.sqrt(2)));
        assertThat(GinibreProductLaw.factorsForSquareFraction(square, 0.05)).isCloseTo(10, within(1e-6));
        assertThatThrownBy(() -> GinibreProductLaw.factorsForSquareFraction(0.001, 0.05)).hasMessageContaining("not reached");
    }

    @Test
    void fig6aRightEigenvaluesOfAnOrthogonalMatrixLieOnTheUnitCircle() {
        double[][] eig = ProductSpectra.eigenvalues(RandomMatrices.haarOrthogonal(100, RandomMatricesTest.rng(4)));
        assertThat(SpectraPredictions.unitCircle(eig[0], eig[1]).deviation()).isLessThan(ISOMETRY);
        double[][] control = ProductSpectra.eigenvalues(RandomMatrices.scaledGaussian(100, RandomMatricesTest.rng(4)));
        assertThat(SpectraPredictions.unitCircle(control[0], control[1]).deviation()).as("a Gaussian matrix").isGreaterThan(0.5);
        assertThat(SpectraFigures.eigenvalues("fig6a-right", eig).rows()).isEqualTo(100);
    }

    @Test
    void figureTablesAccountForEverySample() {
        Table sv = SpectraFigures.singularValueHistogram(gaussian, 50);
        double width = sv.column("sigma")[1] - sv.column("sigma")[0];
        double total = 0;
        for (double d : sv.column("density_8")) {
            total += d * width;
        }
        assertThat(total).isCloseTo(1, within(1e-9));
        Table eig = SpectraFigures.eigenvalueHistogram(gaussian, 1.5);
        assertThat(eig.rows()).isEqualTo(31 * 31 - 1);
        double inBins = 0;
        for (double f : eig.column("fraction_4")) {
            inBins += f;
        }
        Table origin = SpectraFigures.originTable(gaussian);
        int k = gaussian.depthIndex(4);
        double outside = 0;
        for (int e = 0; e < gaussian.eigenRe()[k].length; e++) {
            if (Math.max(Math.abs(gaussian.eigenRe()[k][e]), Math.abs(gaussian.eigenIm()[k][e])) >= 1.55) {
                outside++;
            }
        }
        assertThat(inBins + origin.column("origin_bin")[k] + outside / gaussian.eigenRe()[k].length).isCloseTo(1, within(1e-9));
    }

    @Test
    void settingsNameTheKeyAtFault() {
        assertThatThrownBy(() -> new SpectraSettings(Ensemble.GAUSSIAN, 1, new int[] {1}, 1)).hasMessageStartingWith("spectra.width:");
        assertThatThrownBy(() -> new SpectraSettings(Ensemble.GAUSSIAN, 5, new int[] {2, 2}, 1)).hasMessageStartingWith("spectra.factors:");
        assertThatThrownBy(() -> new SpectraSettings(Ensemble.GAUSSIAN, 5, new int[] {0}, 1)).hasMessageStartingWith("spectra.factors:");
        assertThatThrownBy(() -> new SpectraSettings(Ensemble.GAUSSIAN, 5, new int[] {1}, 0)).hasMessageStartingWith("spectra.realisations:");
        assertThatThrownBy(() -> Ensemble.of("uniform")).hasMessageStartingWith("spectra.ensemble:");
    }
}
