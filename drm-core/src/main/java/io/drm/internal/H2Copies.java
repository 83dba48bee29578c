package io.drm.internal;

import io.drm.internal.sql.ActionKind;
import io.drm.internal.sql.ClassifiedStatement;
import io.drm.internal.sql.SqlAction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * H2 rewrites a table for most {@code ALTER TABLE} changes through a copy named
 * {@code <TABLE>_COPY_<session>_<n>}: it creates the copy, fills it, drops the original and renames
 * the copy, committing in between. A process killed in that window leaves the copy behind (and, after
 * the drop, no original). Before such a statement runs, drm records in {@code drm_undo} the session's
 * id and the copies that already exist; recovering an interrupted release finds the copies that
 * statement left and puts the table back as H2 would have: the copy is dropped while the original
 * still exists, or renamed to the original's name when H2 had already dropped it. Tables that existed
 * before the statement are never touched.
 */
final class H2Copies {

    private static final Set<ActionKind> REWRITING = Set.of(ActionKind.ADD_COLUMN, ActionKind.DROP_COLUMN,
            ActionKind.ALTER_COLUMN_TYPE, ActionKind.ADD_CONSTRAINT, ActionKind.DROP_CONSTRAINT, ActionKind.OTHER);

    private H2Copies() {
    }

    /**
     * Notes, before an H2 statement that may rewrite tables runs, what recovery needs to find the
     * copies it leaves if the process dies.
     *
     * @return the record (the session id on the first line, then one line a table: its stored name, a
     *     tab, and the names of the copies that exist already, comma-separated), or {@code null} when
     *     the statement rewrites no table or the database is not H2
     */
    static String watch(Connection c, DatabaseKind kind, ClassifiedStatement statement) throws SQLException {
        if (kind != DatabaseKind.H2 || !statement.statement().sql().trim().regionMatches(true, 0, "ALTER", 0, 5)) {
            return null;
        }
        Set<String> tables = new LinkedHashSet<>();
        for (SqlAction a : statement.actions()) {
            if (a.table() != null && REWRITING.contains(a.kind())) {
                Optional<String> stored = SqlNames.table(c, kind, a.table());
                stored.ifPresent(tables::add);
            }
        }
        if (tables.isEmpty()) {
            return null;
        }
        int session;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT SESSION_ID()")) {
            rs.next();
            session = rs.getInt(1);
        }
        StringBuilder out = new StringBuilder().append(session);
        for (String table : tables) {
            out.append('\n').append(table).append('\t').append(String.join(",", copies(c, table, session)));
        }
        return out.toString();
    }

    /**
     * Puts back the tables that interrupted statements were rewriting.
     *
     * @param c an auto-commit connection, under the release lock
     * @param records the {@link #watch} records of the interrupted release, in statement order
     * @return one line a repair, for the log and the audit trail; empty when there was nothing to do
     */
    static List<String> repair(Connection c, List<String> records) throws SQLException {
        List<String> done = new ArrayList<>();
        for (String record : records) {
            String[] lines = record.split("\n");
            int session = Integer.parseInt(lines[0].trim());
            for (int i = 1; i < lines.length; i++) {
                int tab = lines[i].indexOf('\t');
                String table = lines[i].substring(0, tab);
                Set<String> before = new LinkedHashSet<>(List.of(lines[i].substring(tab + 1).split(",")));
                for (String copy : copies(c, table, session)) {
                    if (before.contains(copy)) {
                        continue;
                    }
                    try (Statement st = c.createStatement()) {
                        if (exists(c, table)) {
                            st.execute("DROP TABLE " + quote(copy));
                            done.add("dropped " + copy + ", H2's unfinished copy of " + table);
                        } else {
                            st.execute("ALTER TABLE " + quote(copy) + " RENAME TO " + quote(table));
                            done.add("renamed " + copy + " to " + table + ": H2 had dropped the original after"
                                    + " filling its copy");
                        }
                    }
                }
            }
        }
        return done;
    }

    private static List<String> copies(Connection c, String table, int session) throws SQLException {
        Pattern name = Pattern.compile(Pattern.quote(table + "_COPY_" + session + "_") + "\\d+");
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME LIKE ? ESCAPE '\\'")) {
            ps.setString(1, (table + "_COPY_" + session + "_").replace("\\", "\\\\").replace("_", "\\_")
                    .replace("%", "\\%") + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (name.matcher(rs.getString(1)).matches()) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
