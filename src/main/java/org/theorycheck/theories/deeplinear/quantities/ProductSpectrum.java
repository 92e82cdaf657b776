package org.theorycheck.theories.deeplinear.quantities;

import java.util.List;
import java.util.Set;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.Parameter;
import org.theorycheck.theories.deeplinear.DeepLinearExperiment;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearTrace;
import org.theorycheck.theories.deeplinear.spectra.ProductSpectra;
import org.theorycheck.theories.deeplinear.spectra.SpectraPredictions;

/**
 * Predictions 20 and 21 (Sec 3, Fig 6B, 6C), on the random matrices the real network starts from: products
 * W_Tot (eq 19) of {@code spectra.factors} i.i.d. N × N matrices of {@code spectra.ensemble}, pooled over
 * {@code spectra.realisations}, drawn from each seed ({@link ProductSpectra}). {@code statistic}:
 * {@code isometry} (prediction 20: max |σ − 1|, 0 for products of orthogonal matrices),
 * {@code spread_growth} (prediction 21: the share of steps in depth where σ90/σ10 does not grow) or
 * {@code eigenvalue_concentration} (prediction 21: the share where the fraction of |λ| &lt; 0.05 does not
 * grow), as {@link SpectraPredictions} measures them.
 */
final class ProductSpectrum extends DeepLinearQuantity {

    ProductSpectrum() {
        super("product_spectrum", "spectrum of products of random matrices against depth (statistic: isometry | spread_growth |"
                + " eigenvalue_concentration)", Set.of("sgd"));
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.choice("statistic", "isometry", "isometry", "spread_growth", "eigenvalue_concentration"));
    }

    @Override
    public Measurement measure(CheckContext<DeepLinearExperiment, DeepLinearTrace> context) {
        String statistic = context.text("statistic");
        return perSeed(context, seed -> {
            ProductSpectra spectra = ProductSpectra.sample(context.config().spectra(), seed);
            return of(switch (statistic) {
                case "isometry" -> SpectraPredictions.orthogonalIsometry(spectra);
                case "spread_growth" -> SpectraPredictions.anisotropyGrowth(spectra);
                default -> SpectraPredictions.eigenvalueConcentration(spectra);
            });
        });
    }
}
