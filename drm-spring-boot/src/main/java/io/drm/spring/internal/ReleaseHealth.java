package io.drm.spring.internal;

import io.drm.DriftReport;
import io.drm.DrmException;
import io.drm.NoSchemaSnapshotException;
import io.drm.ReleasePlan;
import io.drm.spring.DataReleaseInitializer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The release state of the database, for the health indicators of both Boot lines: the current
 * version and whether it is up to date (from a fresh plan, which writes nothing), and the last
 * release recorded in drm's ledger ({@code drm_release}); and, unless switched off, whether the
 * schema and the artifact-owned tables drifted from what the last release recorded (the {@code
 * drift} detail: {@code clean}, {@code no snapshot}, or the number of differences and the first
 * five). Drift is reported, never turned into DOWN: a hand-made index is not an outage. A drift check
 * reads the whole catalog, so its answer is reused for {@code drm.health.drift-interval}.
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

    /** Differences named in the {@code drift} detail; the count covers all of them. */
    static final int DRIFT_SHOWN = 5;

    private final DataReleaseInitializer initializer;
    private final DataSource dataSource;
    private final Duration driftInterval;
    private final Object driftLock = new Object();
    private Object drift;
    private long driftCheckedAt;

    /**
     * @param initializer the startup release (its configuration plans the check)
     * @param dataSource the application's data source
     * @param driftInterval how long a drift check is reused, or {@code null} not to check drift
     */
    public ReleaseHealth(DataReleaseInitializer initializer, DataSource dataSource, Duration driftInterval) {
        this.initializer = initializer;
        this.dataSource = dataSource;
        this.driftInterval = driftInterval;
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
        if (driftInterval != null) {
            details.put("drift", drift());
        }
        return new State(up, details);
    }

    /** The drift detail, checked again when the last check is older than the interval. */
    private Object drift() {
        synchronized (driftLock) {
            if (drift == null || System.nanoTime() - driftCheckedAt >= driftInterval.toNanos()) {
                drift = checkDrift();
                driftCheckedAt = System.nanoTime();
            }
            return drift;
        }
    }

    private Object checkDrift() {
        try {
            DriftReport report = initializer.detectDrift();
            if (report.isClean()) {
                return "clean";
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("count", report.differences().size());
            List<String> shown = new ArrayList<>();
            for (DriftReport.Difference diff : report.differences()) {
                if (shown.size() == DRIFT_SHOWN) {
                    break;
                }
                shown.add(diff.kind().name().toLowerCase(Locale.ROOT) + " " + diff.object());
            }
            d.put("differences", shown);
            return d;
        } catch (NoSchemaSnapshotException e) {
            return "no snapshot";
        } catch (DrmException e) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("error", e.code().id());
            d.put("message", e.getMessage());
            return d;
        }
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
