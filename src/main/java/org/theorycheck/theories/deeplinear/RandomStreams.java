package org.theorycheck.theories.deeplinear;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent random streams derived from one seed, one per purpose, so that drawing more numbers for
 * one purpose (say a longer SGD run) never changes another (the data or the initial weights). A stream
 * is seeded with two words drawn from SplitMix64 on the seed mixed with the purpose's code, the
 * recommended way to seed xoroshiro generators from small integers.
 */
public enum RandomStreams {
    /** The data of a task (its own seed, {@code data.seed}). */
    DATA(0x5DA7A5EEDL),
    /** The initial weights and the random frames of a decoupled initialisation. */
    INIT(0x1A17A5EEDL),
    /** The order of examples in SGD. */
    SGD(0x5CD0A5EEDL);

    private final long code;

    RandomStreams(long code) {
        this.code = code;
    }

    /** The stream of this purpose for {@code seed}: same seed, same numbers. */
    public UniformRandomProvider stream(long seed) {
        UniformRandomProvider mixer = RandomSource.SPLIT_MIX_64.create(seed ^ code);
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {mixer.nextLong(), mixer.nextLong()});
    }
}
