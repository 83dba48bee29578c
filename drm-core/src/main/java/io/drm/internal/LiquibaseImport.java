package io.drm.internal;

import io.drm.LiquibaseImportException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Imports Liquibase's {@code DATABASECHANGELOG} into drm's {@code drm_imported_history}, so that a
 * team switching tools keeps the record of every changeset Liquibase applied (id, author, file,
 * date, order, type, MD5 checksum, description, tag, deployment id). The rows are copied once,
 * under the release lock, in the release that baselines Flyway.
 */
final class LiquibaseImport {

    /** Liquibase's changelog table. */
    static final String TABLE = "DATABASECHANGELOG";

    private LiquibaseImport() {
    }

    /**
     * One changeset as Liquibase recorded it.
     *
     * @param id the changeset id
     * @param author its author
     * @param filename the changelog file
     * @param executedAt when it ran, or {@code null}
     * @param order the order it ran in
     * @param execType EXECUTED, RERAN, MARK_RAN, SKIPPED or FAILED
     * @param md5sum Liquibase's checksum, or {@code null}
     * @param description the description, or {@code null}
     * @param tag the tag, or {@code null}
     * @param deploymentId the deployment id, or {@code null} (older Liquibase)
     */
    record Changeset(String id, String author, String filename, Timestamp executedAt, int order, String execType,
            String md5sum, String description, String tag, String deploymentId) {
    }

    /**
     * Finds the changelog among the schema's objects.
     *
     * @param objects {@code "<type> <name>"} entries
     * @return the table's name as the database spells it, or {@code null}
     */
    static String table(List<String> objects) {
        return Takeover.find(objects, TABLE);
    }

    /**
     * Reads every changeset, in the order Liquibase ran them.
     *
     * @param c a connection
     * @param table the table's name as the database spells it
     * @param quote the identifier quote
     * @return the changesets
     * @throws SQLException if the table cannot be read
     */
    static List<Changeset> read(Connection c, String table, String quote) throws SQLException {
        List<Changeset> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + quote + table
                + quote)) {
            ResultSetMetaData md = rs.getMetaData();
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
            }
            while (rs.next()) {
                Integer order = columns.get("orderexecuted");
                Integer executed = columns.get("dateexecuted");
                out.add(new Changeset(text(rs, columns, "id"), text(rs, columns, "author"),
                        text(rs, columns, "filename"), executed == null ? null : rs.getTimestamp(executed),
                        order == null ? 0 : rs.getInt(order), text(rs, columns, "exectype"),
                        text(rs, columns, "md5sum"), text(rs, columns, "description"), text(rs, columns, "tag"),
                        text(rs, columns, "deployment_id")));
            }
        }
        out.sort(java.util.Comparator.comparingInt(Changeset::order));
        return out;
    }

    /**
     * Refuses a changelog with failed changesets: what they changed is unknown.
     *
     * @param changesets the changesets
     * @throws LiquibaseImportException if one is recorded as FAILED
     */
    static void checkImportable(List<Changeset> changesets) {
        List<String> failed = changesets.stream().filter(cs -> "FAILED".equalsIgnoreCase(cs.execType()))
                .map(cs -> cs.filename() + "::" + cs.id() + "::" + cs.author()).collect(Collectors.toList());
        if (!failed.isEmpty()) {
            throw new LiquibaseImportException("DATABASECHANGELOG records " + failed.size() + " failed changeset(s): "
                    + failed.stream().limit(Takeover.NAMED).collect(Collectors.joining(", ")) + ". drm imports only a"
                    + " history whose changesets all ran; undo or finish them with Liquibase first (or delete their"
                    + " rows once the schema is right), then release again. Nothing was imported.");
        }
    }

    /**
     * Creates {@code drm_imported_history} if needed and copies the changesets into it.
     *
     * @param c an auto-commit connection, under the release lock
     * @param kind the database kind
     * @param releaseId the release that imports
     * @param changesets the changesets
     * @throws SQLException if the database fails
     */
    static void write(Connection c, DatabaseKind kind, String releaseId, List<Changeset> changesets)
            throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS drm_imported_history (release_id VARCHAR(36) NOT NULL,"
                    + " seq INT NOT NULL, tool VARCHAR(20) NOT NULL, change_id VARCHAR(255) NOT NULL,"
                    + " author VARCHAR(255), filename VARCHAR(255), executed_at " + kind.timestampType() + ","
                    + " order_executed INT, exec_type VARCHAR(10), checksum VARCHAR(35), description VARCHAR(255),"
                    + " tag VARCHAR(255), deployment_id VARCHAR(10), PRIMARY KEY (release_id, seq))");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO drm_imported_history (release_id, seq, tool,"
                + " change_id, author, filename, executed_at, order_executed, exec_type, checksum, description, tag,"
                + " deployment_id) VALUES (?, ?, 'liquibase', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (Changeset cs : changesets) {
                ps.setString(1, releaseId);
                ps.setInt(2, ++seq);
                ps.setString(3, cut(cs.id(), 255));
                ps.setString(4, cut(cs.author(), 255));
                ps.setString(5, cut(cs.filename(), 255));
                if (cs.executedAt() == null) {
                    ps.setNull(6, Types.TIMESTAMP);
                } else {
                    ps.setTimestamp(6, cs.executedAt());
                }
                ps.setInt(7, cs.order());
                ps.setString(8, cut(cs.execType(), 10));
                ps.setString(9, cut(cs.md5sum(), 35));
                ps.setString(10, cut(cs.description(), 255));
                ps.setString(11, cut(cs.tag(), 255));
                ps.setString(12, cut(cs.deploymentId(), 10));
                ps.addBatch();
            }
            if (seq > 0) {
                ps.executeBatch();
            }
        }
    }

    private static String text(ResultSet rs, Map<String, Integer> columns, String name) throws SQLException {
        Integer index = columns.get(name);
        return index == null ? null : rs.getString(index);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
