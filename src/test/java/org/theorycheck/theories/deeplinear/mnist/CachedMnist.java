package org.theorycheck.theories.deeplinear.mnist;

/** The digits from the user's cache, read once for all the tests of this package (the build fetches them). */
final class CachedMnist {

    private static MnistDigits digits;

    private CachedMnist() {}

    static synchronized MnistDigits digits() {
        if (digits == null) {
            digits = MnistArchive.open(MnistArchive.cached());
        }
        return digits;
    }
}
