package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.masking.internal.UnsignedMath;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The 128-by-64-bit remainder of the long path agrees with BigInteger. */
final class UnsignedMathTest {

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    @Property(tries = 20000)
    void remainder_of_128_bits_agrees_with_biginteger(@ForAll("divisors") long divisor,
            @ForAll long high, @ForAll long low) {
        long reducedHigh = Long.remainderUnsigned(high, divisor);
        BigInteger dividend = unsigned(reducedHigh).shiftLeft(64).add(unsigned(low));
        assertThat(unsigned(UnsignedMath.remainder(reducedHigh, low, divisor)))
                .isEqualTo(dividend.mod(unsigned(divisor)));
    }

    /** Divisors of every bit length, including 1, powers of two, and the largest values. */
    @Provide
    Arbitrary<Long> divisors() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 63).flatMap(bits -> Arbitraries.longs()
                        .map(r -> (r >>> (63 - bits)) | (1L << bits))),
                Arbitraries.of(1L, 2L, 3L, 10L, 1L << 32, (1L << 32) - 1, (1L << 32) + 1,
                        1L << 62, (1L << 62) - 1, Long.MAX_VALUE, Long.MIN_VALUE, -1L, 1_000_000_000_000_000_000L));
    }

    private static BigInteger unsigned(long value) {
        BigInteger v = BigInteger.valueOf(value);
        return value < 0 ? v.add(TWO_64) : v;
    }
}
