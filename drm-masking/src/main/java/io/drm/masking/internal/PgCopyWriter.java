package io.drm.masking.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Writes PostgreSQL batches with {@code COPY t (cols) FROM STDIN} (text format, see
 * {@link CopyText}) through the driver's {@link CopyManager}: one COPY per batch, committed by
 * the caller. This is the only class that touches the PostgreSQL driver; {@link Support} decides
 * without loading it whether it can be used.
 */
final class PgCopyWriter implements TableWriter {

    private final CopyManager copy;
    private final String sql;
    private final CopyText text = new CopyText();

    PgCopyWriter(Connection target, BoundTable table, SqlNames names) throws SQLException {
        this.copy = target.unwrap(PGConnection.class).getCopyAPI();
        this.sql = "COPY " + names.quote(table.targetName()) + " ("
                + table.targetColumns().stream().map(names::quote).collect(Collectors.joining(", "))
                + ") FROM STDIN";
    }

    @Override
    public void write(Object[][] rows, int size) throws SQLException {
        text.reset();
        for (int r = 0; r < size; r++) {
            text.row(rows[r]);
        }
        CopyIn in = copy.copyIn(sql);
        try {
            in.writeToCopy(text.bytes(), 0, text.length());
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    @Override
    public String method() {
        return "COPY";
    }

    @Override
    public void close() {
        // nothing held: each batch's CopyIn is finished or cancelled
    }

    /**
     * Tells whether COPY can be used, touching the driver's classes only when they are there.
     */
    static final class Support {
        private static final boolean DRIVER_PRESENT = present();

        private Support() {
        }

        private static boolean present() {
            try {
                Class.forName("org.postgresql.PGConnection", false, Support.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }

        /**
         * @param target a PostgreSQL connection
         * @return whether the driver is visible to drm-masking and the connection unwraps to it
         */
        static boolean usable(Connection target) {
            return DRIVER_PRESENT && Unwrap.isPg(target);
        }
    }

    /** Kept apart so that {@link Support} itself never links to the driver. */
    private static final class Unwrap {
        static boolean isPg(Connection target) {
            try {
                return target.isWrapperFor(PGConnection.class);
            } catch (SQLException e) {
                return false;
            }
        }
    }
}
