package io.drm.spring.internal;

import io.drm.DrmException;
import io.drm.ReleasePlan;
import io.drm.spring.DataReleaseInitializer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The release state of the database, for the health indicators of both Boot lines: the current
 * version and whether it is up to date (from a fresh plan, which writes nothing), and the last
 * release recorded in drm's ledger ({@code drm_release}).
 */
public final class ReleaseHealth {

    /**
     * The state.
     *
     * @param up {@code false} when the last release failed or no plan can be made
     * @param details what the health endpoint shows
     */
    public record State(boolean up, Map<String, Object> details) {
    }

    private final DataReleaseInitializer initializer;
    private final DataSource dataSource;

    /**
     * @param initializer the startup release (its configuration plans the check)
     * @param dataSource the application's data source
     */
    public ReleaseHealth(DataReleaseInitializer initializer, DataSource dataSource) {
        this.initializer = initializer;
        this.dataSource = dataSource;
    }

    /**
     * Reads the state now.
     *
     * @return the state
     */
    public State check() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean up = true;
        try {
            ReleasePlan plan = initializer.plan();
            details.put("currentVersion", plan.currentVersion() == null ? "<empty>" : plan.currentVersion());
            details.put("upToDate", plan.isEmpty());
            details.put("pendingSteps", plan.steps().size());
            if (!plan.isEmpty()) {
                details.put("targetVersion", plan.targetVersion());
            }
        } catch (DrmException e) {
            up = false;
            details.put("error", e.code().id());
            details.put("message", e.getMessage());
        }
        Map<String, Object> last = lastRelease();
        if (!last.isEmpty()) {
            details.put("lastRelease", last);
            if ("FAILED".equals(last.get("status"))) {
                up = false;
            }
        }
        return new State(up, details);
    }

    private Map<String, Object> lastRelease() {
        Map<String, Object> last = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, status, environment, from_version, to_version,"
                        + " finished_at, error_code FROM drm_release ORDER BY seq DESC")) {
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    last.put("id", rs.getString(1));
                    last.put("status", rs.getString(2));
                    last.put("environment", rs.getString(3));
                    putIfPresent(last, "fromVersion", rs.getString(4));
                    putIfPresent(last, "toVersion", rs.getString(5));
                    Timestamp finished = rs.getTimestamp(6);
                    if (finished != null) {
                        last.put("finishedAt", finished.toInstant().toString());
                    }
                    putIfPresent(last, "errorCode", rs.getString(7));
                }
            }
        } catch (SQLException e) {
            // no ledger yet: nothing was ever released here
        }
        return last;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
