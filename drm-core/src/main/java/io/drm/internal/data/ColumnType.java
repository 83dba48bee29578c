package io.drm.internal.data;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The value types of artifact columns, from a manifest's {@code type} or the column's JDBC type, and
 * the conversion of an artifact's text to the value bound to the statement.
 */
public enum ColumnType {
    /** Whole numbers (TINYINT .. BIGINT). */
    INTEGER,
    /** Exact decimals. */
    DECIMAL,
    /** Floating point. */
    DOUBLE,
    /** {@code true}/{@code false} (also {@code 1}/{@code 0}, {@code t}/{@code f}, {@code yes}/{@code no}). */
    BOOLEAN,
    /** An ISO date. */
    DATE,
    /** An ISO time of day. */
    TIME,
    /** An ISO date-time without zone ({@code 2024-01-31T10:00:00} or with a space). */
    TIMESTAMP,
    /** An ISO date-time with offset. */
    TIMESTAMPTZ,
    /** A UUID. */
    UUID,
    /** JSON text. */
    JSON,
    /** Text. */
    TEXT;

    /** The names a manifest may use. */
    public static final List<String> NAMES = List.of("integer", "bigint", "decimal", "numeric", "double", "boolean",
            "date", "time", "timestamp", "timestamptz", "uuid", "json", "text", "varchar");

    /**
     * Parses a manifest type name.
     *
     * @param name the name
     * @return the type, or {@code null} when unknown
     */
    public static ColumnType parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "integer", "int", "bigint" -> INTEGER;
            case "decimal", "numeric" -> DECIMAL;
            case "double", "float" -> DOUBLE;
            case "boolean" -> BOOLEAN;
            case "date" -> DATE;
            case "time" -> TIME;
            case "timestamp" -> TIMESTAMP;
            case "timestamptz" -> TIMESTAMPTZ;
            case "uuid" -> UUID;
            case "json" -> JSON;
            case "text", "varchar" -> TEXT;
            default -> null;
        };
    }

    /**
     * Maps a JDBC column type.
     *
     * @param jdbcType the {@link Types} constant
     * @param typeName the database's type name
     * @return the type
     */
    public static ColumnType ofJdbc(int jdbcType, String typeName) {
        String t = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (t.equals("uuid")) {
            return UUID;
        }
        if (t.equals("json") || t.equals("jsonb")) {
            return JSON;
        }
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
            case Types.DECIMAL, Types.NUMERIC -> DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> DOUBLE;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.DATE -> DATE;
            case Types.TIME -> TIME;
            case Types.TIMESTAMP -> TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMPTZ;
            default -> TEXT;
        };
    }

    /**
     * Converts an artifact's text to the value to bind.
     *
     * @param text the text, never {@code null}
     * @return the value
     * @throws IllegalArgumentException with a short reason when the text does not fit
     */
    public Object convert(String text) {
        try {
            return switch (this) {
                case INTEGER -> Long.valueOf(text.strip());
                case DECIMAL -> new BigDecimal(text.strip());
                case DOUBLE -> Double.valueOf(text.strip());
                case BOOLEAN -> bool(text.strip());
                case DATE -> LocalDate.parse(text.strip());
                case TIME -> LocalTime.parse(text.strip());
                case TIMESTAMP -> LocalDateTime.parse(text.strip().replace(' ', 'T'));
                case TIMESTAMPTZ -> OffsetDateTime.parse(text.strip().replace(' ', 'T'));
                case UUID -> java.util.UUID.fromString(text.strip());
                case JSON, TEXT -> text;
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not " + (this == INTEGER ? "a whole number" : "a number"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("is not an ISO " + name().toLowerCase(Locale.ROOT)
                    + (this == DATE ? " (yyyy-MM-dd)" : this == TIME ? " (HH:mm:ss)" : " (yyyy-MM-ddTHH:mm:ss)"));
        }
    }

    /**
     * Returns a canonical text of a converted value or of a value read from the database, so that
     * equal values give equal keys whichever side they come from.
     *
     * @param value the value, or {@code null}
     * @return the canonical text
     */
    public String canonical(Object value) {
        if (value == null) {
            return "\u0000";
        }
        return switch (this) {
            case INTEGER -> String.valueOf(((Number) value).longValue());
            case DECIMAL, DOUBLE -> new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
            case UUID -> value.toString().toLowerCase(Locale.ROOT);
            default -> value.toString();
        };
    }

    /**
     * Returns the Java class to read this type back with {@code ResultSet.getObject(int, Class)}.
     *
     * @return the class, or {@code null} for plain {@code getObject}
     */
    public Class<?> javaClass() {
        return switch (this) {
            case DATE -> LocalDate.class;
            case TIME -> LocalTime.class;
            case TIMESTAMP -> LocalDateTime.class;
            case TIMESTAMPTZ -> OffsetDateTime.class;
            case TEXT, JSON -> String.class;
            default -> null;
        };
    }

    private static Boolean bool(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "t", "1", "yes", "y":
                return Boolean.TRUE;
            case "false", "f", "0", "no", "n":
                return Boolean.FALSE;
            default:
                throw new IllegalArgumentException("is not a boolean (true/false)");
        }
    }

    /**
     * Checks a converted value against a column's size.
     *
     * @param value the converted value
     * @param jdbcType the JDBC type, or {@link Types#OTHER} when unknown
     * @param size the column size (precision or length), 0 when unknown
     * @param scale the decimal digits
     * @throws IllegalArgumentException when it does not fit
     */
    public static void checkSize(Object value, int jdbcType, int size, int scale) {
        if (value instanceof Long l) {
            long min;
            long max;
            switch (jdbcType) {
                case Types.TINYINT -> { min = -128; max = 255; }
                case Types.SMALLINT -> { min = Short.MIN_VALUE; max = Short.MAX_VALUE; }
                case Types.INTEGER -> { min = Integer.MIN_VALUE; max = Integer.MAX_VALUE; }
                default -> { return; }
            }
            if (l < min || l > max) {
                throw new IllegalArgumentException("is out of range for the column (" + min + " to " + max + ")");
            }
        } else if (value instanceof BigDecimal d && size > 0 && size < 1000) {
            BigDecimal s = d.stripTrailingZeros();
            int fraction = Math.max(s.scale(), 0);
            int whole = Math.max(s.precision() - s.scale(), 0);
            if (fraction > scale || whole > size - scale) {
                throw new IllegalArgumentException("does not fit DECIMAL(" + size + "," + scale + ")");
            }
        } else if (value instanceof String s && size > 0 && size < Integer.MAX_VALUE
                && (jdbcType == Types.VARCHAR || jdbcType == Types.CHAR || jdbcType == Types.NVARCHAR
                        || jdbcType == Types.NCHAR) && s.codePointCount(0, s.length()) > size) {
            throw new IllegalArgumentException("is longer than the column's " + size + " characters");
        }
    }
}
