package io.drm.internal;

import io.drm.DiffFailedException;
import io.drm.DriftReport;
import io.drm.NoSchemaSnapshotException;
import io.drm.internal.diff.TableFingerprint;
import io.drm.internal.schema.SchemaComparer;
import io.drm.internal.schema.SchemaSnapshot;
import io.drm.internal.schema.SchemaSnapshots;
import io.drm.spi.AuditEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drift detection: the live schema against the last recorded snapshot, and artifact-owned tables
 * against their recorded fingerprints; audits {@code drift.detected} when anything differs.
 */
public final class DriftDetector {

    private static final Logger LOG = LoggerFactory.getLogger("io.drm.drift");

    private DriftDetector() {
    }

    /**
     * Checks for drift.
     *
     * @param settings the frozen settings (connection, audit sink, actor, environment)
     * @param nameKeys whether data differences name the changed keys
     * @return the report
     * @throws NoSchemaSnapshotException when no release recorded a snapshot yet
     */
    public static DriftReport detect(Settings settings, boolean nameKeys) {
        long started = System.nanoTime();
        DriftReport report;
        String target;
        try (Connector.Lease lease = settings.connector().open();
                Connection c = lease.connection("check drift on")) {
            DatabaseKind kind = DatabaseKind.of(c);
            String scope = kind == DatabaseKind.MYSQL ? c.getCatalog() : c.getSchema();
            target = kind.label() + ":" + (scope == null ? "default" : scope);
            SchemaSnapshots.Recorded recorded = SchemaSnapshots.latest(c).orElseThrow(() ->
                    new NoSchemaSnapshotException("no schema snapshot is recorded in drm_schema_snapshot of " + target
                            + ", so there is nothing to compare the live schema with. Snapshots are recorded after each"
                            + " successful release: release once with this version of drm, then check for drift."));
            long t0 = System.nanoTime();
            SchemaSnapshot live = SchemaSnapshot.take(c, kind);
            long t1 = System.nanoTime();
            List<DriftReport.Difference> differences = new ArrayList<>();
            if (!live.sha256().equals(recorded.snapshot().sha256())) {
                differences.addAll(SchemaComparer.compare(recorded.snapshot().tree(), live.tree()));
            }
            long t2 = System.nanoTime();
            differences.addAll(TableFingerprint.compare(c, kind, nameKeys));
            LOG.debug("drift check on {}: snapshot {} ms, schema comparison {} ms, data fingerprints {} ms", target,
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
            report = new DriftReport(recorded.releaseId(), recorded.snapshot().sha256(), live.sha256(), differences);
        } catch (SQLException e) {
            throw new DiffFailedException("the drift check could not read the database: " + e.getMessage()
                    + ". Check the connection and that the user may read information_schema.", e);
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (!report.isClean()) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("snapshotReleaseId", report.snapshotReleaseId());
            details.put("expectedHash", report.expectedHash());
            details.put("actualHash", report.actualHash());
            details.put("differences", String.valueOf(report.differences().size()));
            details.put("objects", summary(report.differences()));
            new Auditor(settings, target).append("drift.detected", AuditEvent.Outcome.FAILURE, details,
                    "The drift check found " + report.differences().size() + " differences but could not audit them.");
            new Auditor(settings, target).flush("The drift.detected event may not be stored.");
            LOG.warn("drift on {}: {} differences since release {} ({} ms)", target, report.differences().size(),
                    report.snapshotReleaseId(), ms);
        } else {
            LOG.info("no drift on {} since release {} ({} ms)", target, report.snapshotReleaseId(), ms);
        }
        return report;
    }

    private static String summary(List<DriftReport.Difference> differences) {
        StringBuilder b = new StringBuilder();
        for (DriftReport.Difference d : differences) {
            String part = d.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + d.object();
            if (b.length() + part.length() > 900) {
                b.append(", ...");
                break;
            }
            b.append(b.length() == 0 ? "" : ", ").append(part);
        }
        return b.toString();
    }
}
