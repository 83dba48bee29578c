package io.drm.masking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Division through a reciprocal agrees with the JDK's exact division everywhere it is used. */
final class ReciprocalTest {

    /** Divisors at the edges: 2, 3, powers of two and of radixes up to 2^62, and the largest allowed. */
    private static List<Long> divisors() {
        List<Long> d = new ArrayList<>(List.of(2L, 3L, 7L, 10L, 26L, 36L, 62L, 65_536L, 1L << 32, (1L << 32) + 1,
                (1L << 62), (1L << 62) - 1, Long.MAX_VALUE, Long.MAX_VALUE - 1));
        for (long radix : new long[] {2, 10, 16, 26, 36, 62, 255, 65_536}) {
            for (long p = radix; p <= (1L << 62) / radix; p *= radix) {
                d.add(p);
                d.add(p * radix);
            }
        }
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            d.add(2 + random.nextLong(Long.MAX_VALUE - 2));
            d.add(2 + random.nextLong(1L << (2 + random.nextInt(60))));
        }
        return d;
    }

    /** Dividends at the edges for a divisor: 0, 1, multiples and their neighbours, the top of the range. */
    private static long[] edges(long d) {
        return new long[] {0, 1, d - 1, d, d + 1, 2 * d - 1, 2 * d, Long.MAX_VALUE, Long.MIN_VALUE, -1L, -2L,
            -d, -d - 1, Long.MAX_VALUE - Long.remainderUnsigned(Long.MAX_VALUE, d),
            -1L - Long.remainderUnsigned(-1L, d), Long.divideUnsigned(-1L, d) * d - 1};
    }

    @Test
    void remainders_of_unsigned_dividends_are_exact() {
        SplittableRandom random = new SplittableRandom(17);
        for (long d : divisors()) {
            Reciprocal r = new Reciprocal(d);
            assertThat(r.divisor()).isEqualTo(d);
            for (long y : edges(d)) {
                assertThat(r.remainderUnsigned(y)).as("%s mod %d", Long.toUnsignedString(y), d)
                        .isEqualTo(Long.remainderUnsigned(y, d));
            }
            for (int i = 0; i < 2_000; i++) {
                long y = random.nextLong();
                assertThat(r.remainderUnsigned(y)).as("%s mod %d", Long.toUnsignedString(y), d)
                        .isEqualTo(Long.remainderUnsigned(y, d));
            }
        }
    }

    @Test
    void quotients_of_non_negative_dividends_are_exact() {
        SplittableRandom random = new SplittableRandom(23);
        for (long d : divisors()) {
            Reciprocal r = new Reciprocal(d);
            for (long y : edges(d)) {
                if (y >= 0) {
                    assertThat(r.quotient(y)).as("%d / %d", y, d).isEqualTo(y / d);
                }
            }
            for (int i = 0; i < 2_000; i++) {
                long y = random.nextLong(Long.MAX_VALUE);
                assertThat(r.quotient(y)).as("%d / %d", y, d).isEqualTo(y / d);
                long small = random.nextLong(Math.min(Long.MAX_VALUE, d * 1000 > 0 ? d * 1000 : Long.MAX_VALUE));
                assertThat(r.quotient(small)).as("%d / %d", small, d).isEqualTo(small / d);
            }
        }
    }

    @Test
    void remainders_of_every_16_bit_unit_are_exact() { // the token alphabet's characters
        List<Integer> radixes = new ArrayList<>();
        for (int r = 2; r <= 1024; r++) {
            radixes.add(r);
        }
        SplittableRandom random = new SplittableRandom(29);
        for (int i = 0; i < 200; i++) {
            radixes.add(1025 + random.nextInt(65_536 - 1025));
        }
        radixes.addAll(List.of(4096, 32_767, 32_768, 32_769, 65_535, 65_536));
        for (int radix : radixes) {
            Reciprocal r = new Reciprocal(radix);
            for (int unit = 0; unit < 65_536; unit++) {
                if (r.remainderUnsigned(unit) != unit % radix) {
                    assertThat(r.remainderUnsigned(unit)).as("%d mod %d", unit, radix).isEqualTo(unit % radix);
                }
            }
        }
    }

    @Test
    void a_divisor_below_two_is_refused() {
        assertThatThrownBy(() -> new Reciprocal(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Reciprocal(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Reciprocal(-5)).isInstanceOf(IllegalArgumentException.class);
    }
}
