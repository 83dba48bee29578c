package io.drm.masking.internal;

import io.drm.masking.internal.SchemaReader.ColumnInfo;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Locale;
import java.util.UUID;

/**
 * Reads column values as the types maskers expect ({@code String}, {@code Number},
 * {@code Boolean}, {@code java.time} values, {@code byte[]}) and binds values back, the same way
 * on every database.
 */
public final class ColumnValues {

    /** Reads one column of the current row. */
    @FunctionalInterface
    public interface Reader {
        /**
         * @param rs a result set on a row
         * @param index the column's 1-based index
         * @return the value, or {@code null}
         * @throws SQLException if the driver fails
         */
        Object read(ResultSet rs, int index) throws SQLException;
    }

    private ColumnValues() {
    }

    /**
     * @param column a column
     * @return how to read it
     */
    public static Reader reader(ColumnInfo column) {
        JDBCType type = column.type();
        String typeName = column.typeName() == null ? "" : column.typeName().toLowerCase(Locale.ROOT);
        if (isUuid(column)) {
            return (rs, i) -> rs.getObject(i, UUID.class);
        }
        switch (type) {
            case DATE:
                return (rs, i) -> rs.getObject(i, LocalDate.class);
            case TIME:
                return typeName.startsWith("timetz") || typeName.contains("with time zone")
                        ? (rs, i) -> rs.getObject(i, OffsetTime.class)
                        : (rs, i) -> rs.getObject(i, LocalTime.class);
            case TIME_WITH_TIMEZONE:
                return (rs, i) -> rs.getObject(i, OffsetTime.class);
            case TIMESTAMP:
                return typeName.startsWith("timestamptz") || typeName.contains("with time zone")
                        ? (rs, i) -> rs.getObject(i, OffsetDateTime.class)
                        : (rs, i) -> rs.getObject(i, LocalDateTime.class);
            case TIMESTAMP_WITH_TIMEZONE:
                return (rs, i) -> rs.getObject(i, OffsetDateTime.class);
            case BINARY:
            case VARBINARY:
            case LONGVARBINARY:
            case BLOB:
                return ResultSet::getBytes;
            case CHAR:
            case VARCHAR:
            case LONGVARCHAR:
            case NCHAR:
            case NVARCHAR:
            case LONGNVARCHAR:
            case CLOB:
            case NCLOB:
                return ResultSet::getString;
            default:
                return ResultSet::getObject;
        }
    }

    /**
     * Whether a column is a UUID that its driver reports as something else: H2's {@code UUID}
     * ({@code BINARY}) and PostgreSQL's {@code uuid} ({@code OTHER}). Both are read as
     * {@link UUID}, so that every target takes them as UUIDs, not as 16 bytes. (MariaDB reports its
     * {@code UUID} type as a string, which every target takes too.)
     *
     * @param column a column
     * @return whether it is read as a {@link UUID}
     */
    public static boolean isUuid(ColumnInfo column) {
        return (column.type() == JDBCType.BINARY || column.type() == JDBCType.OTHER) && column.typeName() != null
                && column.typeName().equalsIgnoreCase("uuid");
    }

    /**
     * Binds a value, or SQL NULL typed as the column.
     *
     * @param ps the statement
     * @param index the 1-based parameter index
     * @param value the value, or {@code null}
     * @param column the column it goes to
     * @throws SQLException if the driver refuses it
     */
    public static void bind(PreparedStatement ps, int index, Object value, ColumnInfo column) throws SQLException {
        if (value == null) {
            ps.setNull(index, sqlType(column));
        } else {
            ps.setObject(index, value);
        }
    }

    private static int sqlType(ColumnInfo column) {
        Integer code = column.type().getVendorTypeNumber();
        return code == null ? Types.OTHER : code;
    }
}
