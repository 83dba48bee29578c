package io.drm.internal.diff;

import io.drm.internal.DatabaseKind;
import java.sql.Types;
import java.util.Locale;

/** The canonical class of a column's values, which decides its canonical text in SQL. */
public enum ValueClass {
    /** Whole numbers: decimal digits with an optional minus sign. */
    INTEGER,
    /** Exact decimals: plain notation, trailing fraction zeros and a trailing point removed. */
    DECIMAL,
    /** Floating point: rounded to 10 decimal places, then as {@link #DECIMAL}. */
    FLOAT,
    /** Booleans: {@code 1} or {@code 0}. */
    BOOLEAN,
    /** Character strings, as stored. */
    TEXT,
    /** Dates: {@code yyyy-mm-dd}. */
    DATE,
    /** Times: {@code hh:mm:ss} as the database prints them. */
    TIME,
    /** Timestamps without time zone: {@code yyyy-mm-dd hh:mm:ss.ffffff}. */
    TIMESTAMP,
    /** Timestamps with time zone: converted to UTC, then as {@link #TIMESTAMP}. */
    TIMESTAMP_TZ,
    /** UUIDs: lower-case hex with hyphens. */
    UUID,
    /** Binary strings: lower-case hex. */
    BINARY,
    /** Anything else: the database's own text form. */
    OTHER;

    /**
     * Classifies a column from its JDBC metadata.
     *
     * @param kind the database kind
     * @param jdbcType the {@link Types} code
     * @param typeName the database's type name
     * @return the class
     */
    public static ValueClass of(DatabaseKind kind, int jdbcType, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (name.equals("uuid")) {
            return UUID;
        }
        if (kind == DatabaseKind.MYSQL && name.equals("timestamp")) {
            return TIMESTAMP_TZ;
        }
        if (name.equals("timestamptz") || name.contains("with time zone")) {
            return name.startsWith("time with") || name.equals("timetz") ? TIME : TIMESTAMP_TZ;
        }
        switch (jdbcType) {
            case Types.TINYINT: case Types.SMALLINT: case Types.INTEGER: case Types.BIGINT:
                return INTEGER;
            case Types.DECIMAL: case Types.NUMERIC:
                return DECIMAL;
            case Types.REAL: case Types.FLOAT: case Types.DOUBLE:
                return FLOAT;
            case Types.BOOLEAN: case Types.BIT:
                return BOOLEAN;
            case Types.CHAR: case Types.VARCHAR: case Types.LONGVARCHAR: case Types.NCHAR: case Types.NVARCHAR:
            case Types.LONGNVARCHAR: case Types.CLOB: case Types.NCLOB:
                return TEXT;
            case Types.DATE:
                return DATE;
            case Types.TIME: case Types.TIME_WITH_TIMEZONE:
                return TIME;
            case Types.TIMESTAMP:
                return TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return TIMESTAMP_TZ;
            case Types.BINARY: case Types.VARBINARY: case Types.LONGVARBINARY: case Types.BLOB:
                return BINARY;
            default:
                return OTHER;
        }
    }
}
