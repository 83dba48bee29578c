package io.drm.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Cheap reads of Flyway's {@code flyway_schema_history}, without Flyway. */
public final class FlywayHistory {

    /** The fingerprint of a database without Flyway history. */
    public static final String NONE = "none";

    private static final String TABLE = "flyway_schema_history";

    private FlywayHistory() {
    }

    /**
     * Returns a fingerprint that changes whenever Flyway's history changes: row count, highest
     * rank, checksum sum and failed rows. One aggregate query, whatever the history's length.
     *
     * @param connection an auto-commit connection
     * @return the fingerprint, or {@link #NONE} when there is no history table
     */
    public static String fingerprint(Connection connection) {
        String q;
        try {
            q = connection.getMetaData().getIdentifierQuoteString().strip();
        } catch (SQLException e) {
            return NONE;
        }
        String sql = "SELECT COUNT(*), MAX(" + q + "installed_rank" + q + "), SUM(COALESCE(" + q + "checksum" + q
                + ", 0)), SUM(CASE WHEN " + q + "success" + q + " THEN 0 ELSE 1 END) FROM " + q + TABLE + q;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1) + ":" + rs.getLong(2) + ":" + rs.getString(3) + ":" + rs.getLong(4);
        } catch (SQLException e) {
            return NONE;
        }
    }

    /**
     * One row of Flyway's history.
     *
     * @param version the version, or {@code null} for a repeatable migration
     * @param description the description
     * @param type Flyway's type ({@code SQL}, {@code JDBC}, {@code BASELINE}, ...)
     * @param script the script
     * @param success whether it succeeded
     * @param rank the installed rank
     */
    public record Row(String version, String description, String type, String script, boolean success, int rank) {
    }

    /**
     * Reads Flyway's history, in installed order.
     *
     * @param connection a connection
     * @param kind the database kind
     * @return the rows; empty when there is no history table
     */
    public static java.util.List<Row> rows(Connection connection, DatabaseKind kind) {
        String q = kind == DatabaseKind.MYSQL ? "`" : "\"";
        String sql = "SELECT " + q + "version" + q + ", " + q + "description" + q + ", " + q + "type" + q + ", " + q
                + "script" + q + ", " + q + "success" + q + ", " + q + "installed_rank" + q + " FROM " + q + TABLE + q
                + " ORDER BY " + q + "installed_rank" + q;
        java.util.List<Row> rows = new java.util.ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                        rs.getInt(6)));
            }
        } catch (SQLException e) {
            return java.util.List.of();
        }
        return rows;
    }
}
