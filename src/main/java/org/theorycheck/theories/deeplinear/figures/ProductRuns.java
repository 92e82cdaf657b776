package org.theorycheck.theories.deeplinear.figures;

import org.theorycheck.core.engine.Engine;
import org.theorycheck.theories.deeplinear.spectra.ProductSpectra;
import org.theorycheck.theories.deeplinear.spectra.SpectraSettings;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Products of random matrices (eq 19) for Fig 6B and 6C, one task per realisation. */
final class ProductRuns {

    /** The seed of the matrices. */
    static final long SEED = 1;

    private ProductRuns() {}

    /** One realisation of the chain, with the parts a figure draws. */
    record Piece(SpectraSettings settings, int realisation, boolean singular, boolean eigen) implements Serializable {

        private static final long serialVersionUID = 1L;

        ProductSpectra.Realisation compute() {
            return ProductSpectra.realisation(settings, SEED, realisation, singular, eigen);
        }
    }

    /** Every realisation of the settings. */
    static List<ProductSpectra.Realisation> run(Engine engine, SpectraSettings settings, boolean singular, boolean eigen,
                                                 String what, Consumer<String> progress) {
        List<Piece> pieces = new ArrayList<>();
        for (int r = 0; r < settings.realisations(); r++) {
            pieces.add(new Piece(settings, r, singular, eigen));
        }
        return Tasks.run(engine, pieces, Piece::compute, what, progress);
    }
}
