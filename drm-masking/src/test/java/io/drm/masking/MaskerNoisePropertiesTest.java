package io.drm.masking;

import static io.drm.masking.MaskerFixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** noise stays within the percentage, keeps the Java type and a BigDecimal's scale. */
final class MaskerNoisePropertiesTest {

    @Property(tries = 500)
    void integers_stay_within_percent(@ForAll int value, @ForAll @DoubleRange(min = 0.01, max = 100) double percent) {
        Object masked = Maskers.noise(KEY, percent).mask(value);
        assertThat(masked).isInstanceOf(Integer.class);
        assertWithin(BigDecimal.valueOf(value), BigDecimal.valueOf((Integer) masked), percent);
    }

    @Property(tries = 500)
    void longs_stay_within_percent(@ForAll long value, @ForAll @DoubleRange(min = 0.01, max = 100) double percent) {
        Object masked = Maskers.noise(KEY, percent).mask(value);
        assertThat(masked).isInstanceOf(Long.class);
        assertWithin(BigDecimal.valueOf(value), BigDecimal.valueOf((Long) masked), percent);
    }

    @Property(tries = 300)
    void shorts_and_bytes_stay_within_percent(@ForAll short s, @ForAll byte b,
            @ForAll @DoubleRange(min = 0.01, max = 100) double percent) {
        TypedMasker noise = Maskers.noise(KEY, percent);
        Object maskedShort = noise.mask(s);
        Object maskedByte = noise.mask(b);
        assertThat(maskedShort).isInstanceOf(Short.class);
        assertThat(maskedByte).isInstanceOf(Byte.class);
        assertWithin(BigDecimal.valueOf(s), BigDecimal.valueOf((Short) maskedShort), percent);
        assertWithin(BigDecimal.valueOf(b), BigDecimal.valueOf((Byte) maskedByte), percent);
    }

    @Property(tries = 500)
    void big_decimals_keep_their_scale(@ForAll long unscaled, @ForAll @IntRange(min = -3, max = 12) int scale,
            @ForAll @DoubleRange(min = 0.01, max = 100) double percent) {
        BigDecimal value = BigDecimal.valueOf(unscaled, scale);
        Object masked = Maskers.noise(KEY, percent).mask(value);
        assertThat(masked).isInstanceOf(BigDecimal.class);
        assertThat(((BigDecimal) masked).scale()).isEqualTo(scale);
        assertWithin(value, (BigDecimal) masked, percent);
    }

    @Property(tries = 300)
    void big_integers_stay_within_percent(@ForAll BigInteger value,
            @ForAll @DoubleRange(min = 0.01, max = 100) double percent) {
        Object masked = Maskers.noise(KEY, percent).mask(value);
        assertThat(masked).isInstanceOf(BigInteger.class);
        assertWithin(new BigDecimal(value), new BigDecimal((BigInteger) masked), percent);
    }

    @Property(tries = 500)
    void doubles_and_floats_stay_within_percent(@ForAll double d, @ForAll float f,
            @ForAll @DoubleRange(min = 0.01, max = 100) double percent) {
        TypedMasker noise = Maskers.noise(KEY, percent);
        Object maskedDouble = noise.mask(d);
        Object maskedFloat = noise.mask(f);
        assertThat(maskedDouble).isInstanceOf(Double.class);
        assertThat(maskedFloat).isInstanceOf(Float.class);
        if (Double.isFinite(d)) {
            assertWithin(new BigDecimal(d), new BigDecimal((Double) maskedDouble), percent);
        } else {
            assertThat(maskedDouble).isEqualTo(d);
        }
        if (Float.isFinite(f)) {
            assertWithin(new BigDecimal(f), new BigDecimal((Float) maskedFloat), percent);
        } else {
            assertThat(maskedFloat).isEqualTo(f);
        }
    }

    @Test
    void the_same_number_gets_the_same_relative_noise_whatever_its_type() {
        TypedMasker noise = Maskers.noise(KEY, 50);
        int asInt = (Integer) noise.mask(1_000_000);
        long asLong = (Long) noise.mask(1_000_000L);
        BigDecimal asDecimal = (BigDecimal) noise.mask(new BigDecimal("1000000.00"));
        assertThat(asLong).isEqualTo(asInt);
        // One relative noise, truncated toward zero to each type's precision: the decimal's delta
        // has two more places, so compare the deltas, not the results.
        BigDecimal million = BigDecimal.valueOf(1_000_000);
        assertThat(asDecimal.subtract(million).setScale(0, java.math.RoundingMode.DOWN).longValueExact())
                .isEqualTo(asInt - 1_000_000L);
        assertThat(asDecimal.scale()).isEqualTo(2);
    }

    @Test
    void noise_actually_changes_values() {
        TypedMasker noise = Maskers.noise(KEY, 10);
        int changed = 0;
        for (int i = 1000; i < 2000; i++) {
            changed += !noise.mask(i).equals(i) ? 1 : 0;
        }
        assertThat(changed).isGreaterThan(950);
        assertThat(noise.mask(0)).isEqualTo(0);
        assertThat(noise.mask(Double.NaN)).isEqualTo(Double.NaN);
    }

    @Test
    void integers_saturate_at_their_bounds() {
        TypedMasker noise = Maskers.noise(KEY, 100);
        for (int i = 0; i < 200; i++) {
            assertThat(noise.mask(Integer.MAX_VALUE - i)).isInstanceOf(Integer.class);
            assertThat(noise.mask(Long.MIN_VALUE + i)).isInstanceOf(Long.class);
            assertThat((Short) noise.mask((short) (Short.MAX_VALUE - i))).isBetween((short) 0, Short.MAX_VALUE);
        }
    }

    private static void assertWithin(BigDecimal value, BigDecimal masked, double percent) {
        BigDecimal bound = value.abs().multiply(new BigDecimal(percent / 100));
        assertThat(masked.subtract(value).abs()).isLessThanOrEqualTo(bound);
    }
}
