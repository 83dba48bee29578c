package io.drm.internal.diff;

import io.drm.internal.DatabaseKind;
import java.util.List;
import java.util.StringJoiner;

/**
 * Builds, per database, the SQL that turns a row into one canonical text and that text into hashes,
 * so that the same logical row hashes alike on H2, PostgreSQL and MariaDB.
 *
 * <p>A field is {@code N} for NULL, else {@code V<length>:<text>} with the value's canonical text and its length in UTF-8 bytes
 * (see {@link ValueClass}); a row is its fields concatenated in column order. The row hash is the
 * MD5 of the row text's UTF-8 bytes; the aggregate of a set of rows is the count and the sum of the
 * first 60 bits of each row hash as an unsigned number, which does not depend on row order.
 */
public final class Canonical {

    private Canonical() {
    }

    /**
     * Returns the SQL for a value's canonical text, assuming it is not NULL.
     *
     * @param kind the database kind
     * @param cls the value class
     * @param column the quoted column (or any expression)
     * @return the SQL expression
     */
    public static String text(DatabaseKind kind, ValueClass cls, String column) {
        switch (cls) {
            case INTEGER:
                return toText(kind, column);
            case DECIMAL:
                return trimZeros(toText(kind, column));
            case FLOAT:
                return trimZeros(toText(kind, "CAST(" + column + " AS " + (kind == DatabaseKind.POSTGRESQL
                        ? "NUMERIC(38,10)" : "DECIMAL(38,10)") + ")"));
            case BOOLEAN:
                return kind == DatabaseKind.MYSQL ? "CASE WHEN " + column + " <> 0 THEN '1' ELSE '0' END"
                        : "CASE WHEN " + column + " THEN '1' ELSE '0' END";
            case TEXT:
                return kind == DatabaseKind.POSTGRESQL ? column + "::text" : column;
            case DATE:
                switch (kind) {
                    case POSTGRESQL: return "to_char(" + column + ", 'YYYY-MM-DD')";
                    case MYSQL: return "DATE_FORMAT(" + column + ", '%Y-%m-%d')";
                    default: return "FORMATDATETIME(" + column + ", 'yyyy-MM-dd')";
                }
            case TIMESTAMP:
                switch (kind) {
                    case POSTGRESQL: return "to_char(" + column + ", 'YYYY-MM-DD HH24:MI:SS.US')";
                    case MYSQL: return "DATE_FORMAT(" + column + ", '%Y-%m-%d %H:%i:%s.%f')";
                    default: return "FORMATDATETIME(" + column + ", 'yyyy-MM-dd HH:mm:ss.SSSSSS')";
                }
            case TIMESTAMP_TZ:
                switch (kind) {
                    case POSTGRESQL: return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')";
                    case MYSQL: return "DATE_FORMAT(CONVERT_TZ(" + column + ", @@session.time_zone, '+00:00'),"
                            + " '%Y-%m-%d %H:%i:%s.%f')";
                    default: return "FORMATDATETIME(" + column + ", 'yyyy-MM-dd HH:mm:ss.SSSSSS', 'en', 'UTC')";
                }
            case UUID:
                return "LOWER(" + toText(kind, column) + ")";
            case BINARY:
                switch (kind) {
                    case POSTGRESQL: return "encode(" + column + ", 'hex')";
                    case MYSQL: return "LOWER(HEX(" + column + "))";
                    default: return "LOWER(RAWTOHEX(" + column + "))";
                }
            default:
                return toText(kind, column);
        }
    }

    /**
     * Returns the SQL for a field: {@code N} for NULL, else {@code V<length>:<text>}.
     *
     * @param kind the database kind
     * @param cls the value class
     * @param column the quoted column
     * @return the SQL expression
     */
    public static String field(DatabaseKind kind, ValueClass cls, String column) {
        String t = text(kind, cls, column);
        return "CASE WHEN " + column + " IS NULL THEN 'N' ELSE CONCAT('V', " + toText(kind, octets(kind, t))
                + ", ':', " + t + ") END";
    }

    /**
     * Returns the SQL for a row's canonical text.
     *
     * @param kind the database kind
     * @param classes the columns' classes
     * @param columns the quoted columns
     * @return the SQL expression
     */
    public static String row(DatabaseKind kind, List<ValueClass> classes, List<String> columns) {
        if (columns.isEmpty()) {
            return "'R'";
        }
        StringJoiner j = new StringJoiner(", ", "CONCAT('R', ", ")");
        for (int i = 0; i < columns.size(); i++) {
            j.add(field(kind, classes.get(i), columns.get(i)));
        }
        return j.toString();
    }

    /**
     * Returns the SQL for the row hash as 32 lower-case hex digits.
     *
     * @param kind the database kind
     * @param rowText the row text expression
     * @return the SQL expression
     */
    public static String md5Hex(DatabaseKind kind, String rowText) {
        switch (kind) {
            case POSTGRESQL: return "md5(" + rowText + ")";
            case MYSQL: return "MD5(CONVERT(" + rowText + " USING utf8mb4))";
            default: return "LOWER(RAWTOHEX(HASH('MD5', " + rowText + ")))";
        }
    }

    /**
     * Returns the SQL for the first 60 bits of the row hash as a non-negative integer.
     *
     * @param kind the database kind
     * @param rowText the row text expression
     * @return the SQL expression
     */
    public static String hash60(DatabaseKind kind, String rowText) {
        switch (kind) {
            case POSTGRESQL: return "('x' || substr(md5(" + rowText + "), 1, 15))::bit(60)::bigint";
            case MYSQL: return "CAST(CONV(SUBSTRING(MD5(CONVERT(" + rowText + " USING utf8mb4)), 1, 15), 16, 10)"
                    + " AS UNSIGNED)";
            default: return "URSHIFT(CAST(SUBSTRING(HASH('MD5', " + rowText + "), 1, 8) AS BIGINT), 4)";
        }
    }

    /**
     * Returns the SQL that orders and compares a key column: integers as numbers, everything else
     * by the UTF-8 bytes of its canonical text (code point order on every database).
     *
     * @param kind the database kind
     * @param cls the key's class
     * @param column the quoted column, or {@code ?} for a bound canonical text
     * @param parameter whether {@code column} is a bound parameter holding the canonical text
     * @return the SQL expression
     */
    public static String order(DatabaseKind kind, ValueClass cls, String column, boolean parameter) {
        if (cls == ValueClass.INTEGER) {
            return column;
        }
        String t = parameter ? (kind == DatabaseKind.POSTGRESQL ? "CAST(? AS TEXT)" : "?") : text(kind, cls, column);
        switch (kind) {
            case POSTGRESQL: return "(" + t + ") COLLATE \"C\"";
            case MYSQL: return "CAST(CONVERT(" + t + " USING utf8mb4) AS BINARY)";
            default: return "STRINGTOUTF8(" + t + ")";
        }
    }

    private static String toText(DatabaseKind kind, String expr) {
        switch (kind) {
            case POSTGRESQL: return "CAST(" + expr + " AS TEXT)";
            case MYSQL: return "CAST(" + expr + " AS CHAR)";
            default: return "CAST(" + expr + " AS VARCHAR)";
        }
    }

    private static String octets(DatabaseKind kind, String t) {
        return kind == DatabaseKind.MYSQL ? "OCTET_LENGTH(CONVERT(" + t + " USING utf8mb4))" : "OCTET_LENGTH(" + t + ")";
    }

    private static String trimZeros(String s) {
        return "CASE WHEN " + s + " LIKE '%.%' THEN TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM " + s + ")) ELSE "
                + s + " END";
    }
}
