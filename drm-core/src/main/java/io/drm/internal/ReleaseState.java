package io.drm.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Reads what the fast startup path compares: Flyway's history fingerprint and drm's ledger head,
 * in <b>one</b> query on H2, PostgreSQL and MySQL/MariaDB (the fingerprint's aggregate and the
 * ledger's latest row joined in one {@code SELECT}). Only when that query fails, because
 * {@code drm_release} or {@code flyway_schema_history} does not exist yet (a first release), or on
 * other databases, does it fall back to one query each.
 */
final class ReleaseState {

    private ReleaseState() {
    }

    /**
     * Reads the state.
     *
     * @param connection an auto-commit connection
     * @param kind the database kind
     * @return the fingerprint and the head
     */
    static Planner.State read(Connection connection, DatabaseKind kind) {
        if (kind != DatabaseKind.OTHER) {
            String q = quote(connection);
            if (q != null) {
                try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(combined(q))) {
                    rs.next();
                    String fingerprint = FlywayHistory.fingerprintOf(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            rs.getLong(4));
                    String id = rs.getString(5);
                    Optional<Ledger.Head> head = id == null ? Optional.empty()
                            : Optional.of(new Ledger.Head(id, rs.getString(6), rs.getString(7), rs.getString(8),
                                    rs.getString(9)));
                    return new Planner.State(fingerprint, head);
                } catch (SQLException e) {
                    // a table is missing (first release): one query each below, after ending the
                    // failed transaction of a connection that is not in auto-commit (PostgreSQL
                    // refuses any further statement in it)
                    rollbackQuietly(connection);
                }
            }
        }
        return new Planner.State(FlywayHistory.fingerprint(connection), new Ledger(kind).head(connection));
    }

    /**
     * The combined query: Flyway's history aggregate, left-joined with drm's latest release that
     * left a known state (no row when the ledger is empty).
     *
     * @param q the identifier quote
     * @return the SQL
     */
    static String combined(String q) {
        return "SELECT h.n, h.r, h.s, h.f, l.id, l.content_hash, l.location_stamp, l.history_fingerprint,"
                + " l.to_version FROM (" + FlywayHistory.aggregate(q) + ") h LEFT JOIN (SELECT id, content_hash,"
                + " location_stamp, history_fingerprint, to_version FROM drm_release WHERE status IN ('"
                + Ledger.SUCCEEDED + "', '" + Ledger.UP_TO_DATE + "') ORDER BY seq DESC LIMIT 1) l ON 1 = 1";
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the fallback queries report what is wrong
        }
    }

    private static String quote(Connection connection) {
        try {
            return connection.getMetaData().getIdentifierQuoteString().strip();
        } catch (SQLException e) {
            return null;
        }
    }
}
