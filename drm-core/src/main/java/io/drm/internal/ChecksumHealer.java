package io.drm.internal;

import io.drm.LedgerException;
import io.drm.spi.AuditEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-records Flyway's checksum of applied migrations whose files are byte for byte what drm
 * applied (drm's SHA-256 in {@code drm_release_step} equals the file's), so the mismatch came from
 * the Flyway version, not an edit. Runs under the release lock: the updates and their
 * {@code history.rechecksummed} audit events commit together, or neither does.
 */
final class ChecksumHealer {

    private static final Logger LOG = LoggerFactory.getLogger("io.drm.release");

    private ChecksumHealer() {
    }

    /**
     * Updates {@code flyway_schema_history.checksum} for each re-checksum action and audits it.
     *
     * @param c a connection under the release lock
     * @param actions the actions (others are ignored)
     * @param audit the auditor
     * @param releaseId the release doing it
     * @throws SQLException if the database fails
     */
    static void heal(Connection c, List<HistoryAction> actions, Auditor audit, String releaseId)
            throws SQLException {
        List<HistoryAction> heals = actions.stream().filter(a -> a.kind() == HistoryAction.Kind.RECHECKSUM).toList();
        if (heals.isEmpty()) {
            return;
        }
        String q = c.getMetaData().getIdentifierQuoteString().strip();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + q + "flyway_schema_history" + q + " SET " + q
                + "checksum" + q + " = ? WHERE " + q + "installed_rank" + q + " = ? AND " + q + "checksum" + q
                + " = ?")) {
            for (HistoryAction heal : heals) {
                ps.setInt(1, heal.toChecksum());
                ps.setInt(2, heal.installedRank());
                ps.setInt(3, heal.fromChecksum());
                if (ps.executeUpdate() != 1) {
                    throw new LedgerException("flyway_schema_history changed while drm re-recorded the checksum of"
                            + " migration " + heal.version() + " (" + heal.description() + "): no row with rank "
                            + heal.installedRank() + " and checksum " + heal.fromChecksum() + ". Nothing was"
                            + " changed; release again.");
                }
                Map<String, String> details = new LinkedHashMap<>();
                details.put("releaseId", releaseId);
                details.put("version", heal.version());
                details.put("script", heal.description());
                details.put("fromChecksum", String.valueOf(heal.fromChecksum()));
                details.put("toChecksum", String.valueOf(heal.toChecksum()));
                audit.append("history.rechecksummed", AuditEvent.Outcome.SUCCESS, details,
                        "Audit is fail-closed: Flyway's checksums were not changed and nothing was applied.");
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        for (HistoryAction heal : heals) {
            LOG.warn("re-recorded Flyway's checksum of migration {} ({}): {} -> {}; its bytes are exactly those drm"
                    + " applied, so the difference came from the Flyway version", heal.version(), heal.description(),
                    heal.fromChecksum(), heal.toChecksum());
        }
    }
}
