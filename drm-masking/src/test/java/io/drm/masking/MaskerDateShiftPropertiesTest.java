package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** date_shift moves every value by one key-derived shift of 1 to maxDays days, never 0. */
final class MaskerDateShiftPropertiesTest {

    private static final LocalDate EPOCH_DAY = LocalDate.of(2000, 1, 1);

    @Property(tries = 500)
    void the_shift_is_within_max_days_and_never_zero(@ForAll("keys") byte[] key,
            @ForAll @IntRange(min = 1, max = 3650) int maxDays) {
        long shift = shift(Maskers.dateShift(key, maxDays));
        assertThat(shift).isNotZero();
        assertThat(Math.abs(shift)).isLessThanOrEqualTo(maxDays);
    }

    @Property(tries = 200)
    void every_type_and_every_value_moves_by_the_same_shift(@ForAll("keys") byte[] key,
            @ForAll @IntRange(min = 1, max = 3650) int maxDays,
            @ForAll @LongRange(min = -200_000, max = 200_000) long day,
            @ForAll @LongRange(min = 0, max = 86_399_999_999_999L) long nanoOfDay) {
        TypedMasker shift = Maskers.dateShift(key, maxDays);
        long days = shift(shift);
        LocalDate date = LocalDate.ofEpochDay(day);
        LocalDateTime dateTime = date.atTime(java.time.LocalTime.ofNanoOfDay(nanoOfDay));

        assertThat(shift.mask(date)).isEqualTo(date.plusDays(days));
        assertThat(shift.mask(dateTime)).isEqualTo(dateTime.plusDays(days));
        OffsetDateTime odt = dateTime.atOffset(ZoneOffset.ofHours(5));
        assertThat(shift.mask(odt)).isEqualTo(odt.plusDays(days));
        ZonedDateTime zdt = dateTime.atZone(ZoneOffset.UTC);
        assertThat(shift.mask(zdt)).isEqualTo(zdt.plusDays(days));
        Instant instant = dateTime.toInstant(ZoneOffset.UTC);
        assertThat(Duration.between(instant, (Instant) shift.mask(instant))).isEqualTo(Duration.ofDays(days));

        // java.sql types through the default time zone; stay in years where it has no odd history.
        LocalDateTime modern = LocalDateTime.of(1990, 1, 1, 0, 0).plusDays(Math.floorMod(day, 15_000))
                .withHour(12).withNano((int) (nanoOfDay % 1_000_000_000));
        Timestamp ts = Timestamp.valueOf(modern);
        Object maskedTs = shift.mask(ts);
        assertThat(maskedTs).isInstanceOf(Timestamp.class);
        assertThat(((Timestamp) maskedTs).toLocalDateTime()).isEqualTo(modern.plusDays(days));
        java.sql.Date sqlDate = java.sql.Date.valueOf(modern.toLocalDate());
        Object maskedDate = shift.mask(sqlDate);
        assertThat(maskedDate).isInstanceOf(java.sql.Date.class);
        assertThat(((java.sql.Date) maskedDate).toLocalDate()).isEqualTo(modern.toLocalDate().plusDays(days));
    }

    @Property(tries = 100)
    void intervals_between_values_survive(@ForAll("keys") byte[] key,
            @ForAll @LongRange(min = -50_000, max = 50_000) long a, @ForAll @LongRange(min = -50_000, max = 50_000) long b) {
        TypedMasker shift = Maskers.dateShift(key, 365);
        LocalDate x = LocalDate.ofEpochDay(a);
        LocalDate y = LocalDate.ofEpochDay(b);
        assertThat(ChronoUnit.DAYS.between((LocalDate) shift.mask(x), (LocalDate) shift.mask(y)))
                .isEqualTo(ChronoUnit.DAYS.between(x, y));
    }

    @Test
    void shifts_of_different_keys_spread_over_both_directions_and_the_range() {
        java.util.Set<Long> shifts = new java.util.HashSet<>();
        for (int i = 0; i < 400; i++) {
            byte[] key = java.util.Arrays.copyOf(MaskerFixtures.KEY, 32);
            key[0] = (byte) i;
            key[1] = (byte) (i >> 8);
            shifts.add(shift(Maskers.dateShift(key, 10)));
        }
        assertThat(shifts).containsExactlyInAnyOrder(-10L, -9L, -8L, -7L, -6L, -5L, -4L, -3L, -2L, -1L,
                1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    @Provide
    Arbitrary<byte[]> keys() {
        return MaskerFixtures.keys();
    }

    private static long shift(TypedMasker masker) {
        return ChronoUnit.DAYS.between(EPOCH_DAY, (LocalDate) masker.mask(EPOCH_DAY));
    }
}
