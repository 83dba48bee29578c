package io.drm.masking.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Arrays;

/**
 * Encodes rows in PostgreSQL's COPY text format, UTF-8: columns separated by tab, rows ended by
 * newline, {@code \N} for NULL, and backslash, tab, newline and carriage return escaped with a
 * backslash. Booleans are {@code t}/{@code f}, numbers plain, dates and times ISO (with
 * {@code BC} before year 1 and {@code infinity} for the driver's MIN/MAX), {@code byte[]} as
 * {@code bytea} hex ({@code \\x...}); anything else by its {@code toString()}, escaped.
 * Reused for each batch; not thread-safe.
 */
public final class CopyText {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] buf = new byte[64 * 1024];
    private int len;

    /** Starts a new batch. */
    public void reset() {
        len = 0;
    }

    /** @return the encoded bytes (valid up to {@link #length()}) */
    public byte[] bytes() {
        return buf;
    }

    /** @return how many bytes are encoded */
    public int length() {
        return len;
    }

    /**
     * Appends one row.
     *
     * @param row the values in column order
     */
    public void row(Object[] row) {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                put((byte) '\t');
            }
            value(row[i]);
        }
        put((byte) '\n');
    }

    private void value(Object v) {
        if (v == null) {
            put((byte) '\\');
            put((byte) 'N');
        } else if (v instanceof String) {
            text((String) v);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            ascii(Long.toString(((Number) v).longValue()));
        } else if (v instanceof BigDecimal) {
            ascii(((BigDecimal) v).toPlainString());
        } else if (v instanceof Boolean) {
            put((byte) (((Boolean) v) ? 't' : 'f'));
        } else if (v instanceof byte[]) {
            bytea((byte[]) v);
        } else if (v instanceof LocalDate) {
            ascii(date((LocalDate) v));
        } else if (v instanceof LocalDateTime) {
            LocalDateTime t = (LocalDateTime) v;
            ascii(t.equals(LocalDateTime.MAX) ? "infinity" : t.equals(LocalDateTime.MIN) ? "-infinity"
                    : date(t.toLocalDate()) + " " + t.toLocalTime());
        } else if (v instanceof OffsetDateTime) {
            OffsetDateTime t = (OffsetDateTime) v;
            ascii(t.equals(OffsetDateTime.MAX) ? "infinity" : t.equals(OffsetDateTime.MIN) ? "-infinity"
                    : date(t.toLocalDate()) + " " + t.toLocalTime() + t.getOffset().getId().replace("Z", "+00:00"));
        } else if (v instanceof LocalTime || v instanceof OffsetTime) {
            ascii(v.toString());
        } else if (v instanceof char[]) {
            text(new String((char[]) v));
        } else {
            text(v.toString());
        }
    }

    /** ISO date, {@code BC} for years before 1, {@code infinity} for the driver's MIN and MAX. */
    static String date(LocalDate d) {
        if (d.equals(LocalDate.MAX)) {
            return "infinity";
        }
        if (d.equals(LocalDate.MIN)) {
            return "-infinity";
        }
        int year = d.getYear();
        if (year >= 1 && year <= 9999) {
            return d.toString();
        }
        String y = Integer.toString(year >= 1 ? year : 1 - year);
        String padded = "0000".substring(Math.min(4, y.length())) + y;
        return padded + "-" + two(d.getMonthValue()) + "-" + two(d.getDayOfMonth()) + (year >= 1 ? "" : " BC");
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private void text(String s) {
        int n = s.length();
        ensure(n * 3 + 2);
        byte[] b = buf;
        int p = len;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\':
                        b[p++] = '\\';
                        b[p++] = '\\';
                        break;
                    case '\n':
                        b[p++] = '\\';
                        b[p++] = 'n';
                        break;
                    case '\r':
                        b[p++] = '\\';
                        b[p++] = 'r';
                        break;
                    case '\t':
                        b[p++] = '\\';
                        b[p++] = 't';
                        break;
                    default:
                        b[p++] = (byte) c;
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xF0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                b[p++] = '?'; // a lone surrogate has no UTF-8 form (what String.getBytes does too)
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        len = p;
    }

    private void bytea(byte[] v) {
        ensure(v.length * 2 + 3);
        byte[] b = buf;
        int p = len;
        b[p++] = '\\';
        b[p++] = '\\';
        b[p++] = 'x';
        for (byte x : v) {
            b[p++] = HEX[(x >> 4) & 0xF];
            b[p++] = HEX[x & 0xF];
        }
        len = p;
    }

    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void put(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
