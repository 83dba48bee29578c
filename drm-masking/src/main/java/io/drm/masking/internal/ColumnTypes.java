package io.drm.masking.internal;

import java.sql.JDBCType;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The groups of JDBC types maskers accept. Immutable. */
public final class ColumnTypes {

    /** Character and character large object types. */
    public static final Set<JDBCType> STRINGS = Collections.unmodifiableSet(EnumSet.of(
            JDBCType.CHAR, JDBCType.VARCHAR, JDBCType.LONGVARCHAR, JDBCType.NCHAR, JDBCType.NVARCHAR,
            JDBCType.LONGNVARCHAR, JDBCType.CLOB, JDBCType.NCLOB));

    /** Exact and approximate numeric types. */
    public static final Set<JDBCType> NUMERICS = Collections.unmodifiableSet(EnumSet.of(
            JDBCType.TINYINT, JDBCType.SMALLINT, JDBCType.INTEGER, JDBCType.BIGINT, JDBCType.DECIMAL,
            JDBCType.NUMERIC, JDBCType.REAL, JDBCType.FLOAT, JDBCType.DOUBLE));

    /** Types that hold a date: DATE and the timestamps, not TIME (a day shift would not change it). */
    public static final Set<JDBCType> DATES = Collections.unmodifiableSet(EnumSet.of(
            JDBCType.DATE, JDBCType.TIMESTAMP, JDBCType.TIMESTAMP_WITH_TIMEZONE));

    /** Numerics and strings. */
    public static final Set<JDBCType> NUMERICS_AND_STRINGS;

    /** Every type. */
    public static final Set<JDBCType> ALL = Collections.unmodifiableSet(EnumSet.allOf(JDBCType.class));

    static {
        EnumSet<JDBCType> both = EnumSet.copyOf(NUMERICS);
        both.addAll(STRINGS);
        NUMERICS_AND_STRINGS = Collections.unmodifiableSet(both);
    }

    private ColumnTypes() {
    }
}
