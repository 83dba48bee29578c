package io.drm.masking.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;

/**
 * {@code date_shift}: every date and timestamp moves by the same number of days, 1 to
 * {@code maxDays} forward or back, derived from the key alone; intervals between values, days of
 * the month aside, survive, and so do times of day. {@code java.sql.Timestamp} is shifted as a
 * local date-time (as {@code LocalDateTime}), a plain {@code java.util.Date} and {@code Instant}
 * by whole 24-hour days. The result has the input's type.
 */
public final class DateShiftMasker extends AbstractMasker {

    /** Largest shift accepted: about a hundred years. */
    public static final int MAX_DAYS = 36_525;

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final int maxDays;
    private final int shift;

    /**
     * @param key the masking key, at least 16 bytes; not kept
     * @param maxDays the largest shift in days, 1 to {@value #MAX_DAYS}
     * @throws IllegalArgumentException if the key is too short or {@code maxDays} out of range
     */
    public DateShiftMasker(byte[] key, int maxDays) {
        super("date_shift", ColumnTypes.DATES);
        if (maxDays < 1 || maxDays > MAX_DAYS) {
            throw new IllegalArgumentException("date_shift: maxDays must be 1 to " + MAX_DAYS + ", is " + maxDays);
        }
        this.maxDays = maxDays;
        byte[] subkey = MaskerKeys.subkey(key, "date_shift", "days");
        int days = 1 + KeyedHash.below(KeyedHash.long64(subkey, 0), maxDays);
        this.shift = (subkey[8] & 1) == 0 ? days : -days;
        Arrays.fill(subkey, (byte) 0);
    }

    /** @return the shift in days: never 0, at most {@code maxDays} either way */
    public int shiftDays() {
        return shift;
    }

    @Override
    protected Object maskNonNull(Object value) {
        try {
            if (value instanceof LocalDate d) {
                return d.plusDays(shift);
            }
            if (value instanceof LocalDateTime dt) {
                return dt.plusDays(shift);
            }
            if (value instanceof OffsetDateTime odt) {
                return odt.plusDays(shift);
            }
            if (value instanceof ZonedDateTime zdt) {
                return zdt.plusDays(shift);
            }
            if (value instanceof Instant i) {
                return i.plusMillis(shift * MILLIS_PER_DAY);
            }
            if (value instanceof java.sql.Timestamp ts) {
                return java.sql.Timestamp.valueOf(ts.toLocalDateTime().plusDays(shift));
            }
            if (value instanceof java.sql.Date d) {
                return java.sql.Date.valueOf(d.toLocalDate().plusDays(shift));
            }
            if (value instanceof java.sql.Time) {
                throw Values.unsupported(name(), value, "dates and timestamps, not times of day");
            }
            if (value instanceof java.util.Date d) {
                return new java.util.Date(Math.addExact(d.getTime(), shift * MILLIS_PER_DAY));
            }
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("date_shift: the shifted value would be outside the range of "
                    + value.getClass().getName());
        }
        throw Values.unsupported(name(), value, "LocalDate, LocalDateTime, OffsetDateTime, ZonedDateTime,"
                + " Instant, java.sql.Date, java.sql.Timestamp and java.util.Date values");
    }

    @Override
    protected String parameters() {
        return "maxDays=" + maxDays;
    }
}
