package io.drm.internal;

import io.drm.InvalidRollbackTargetException;
import io.drm.SafetySnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Lists and purges safety snapshots ({@code drm_snapshot} and the {@code drm_snap_*} tables). */
public final class SnapshotStore {

    private final Settings settings;

    /**
     * @param settings the frozen settings
     */
    public SnapshotStore(Settings settings) {
        this.settings = settings;
    }

    /** @return every snapshot, oldest first */
    public List<SafetySnapshot> list() {
        try (Connector.Lease lease = settings.connector().open(); Connection c = lease.connection("list snapshots of")) {
            DatabaseKind kind = DatabaseKind.of(c);
            if (!UndoLog.exists(c, kind)) {
                return List.of();
            }
            List<SafetySnapshot> out = new ArrayList<>();
            for (UndoLog.Snapshot s : new UndoLog(kind).snapshots(c)) {
                out.add(new SafetySnapshot(s.id(), s.releaseId(), s.version(), s.table(), s.column(), s.rows(),
                        s.createdAt(), UndoLog.PURGED.equals(s.status())));
            }
            return out;
        } catch (SQLException e) {
            throw settings.connector().translate(e, "list snapshots of");
        }
    }

    /** Purges one snapshot. @param id the id @return 1 or 0 */
    public int purge(String id) {
        List<SafetySnapshot> all = list();
        SafetySnapshot found = all.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new InvalidRollbackTargetException("no safety snapshot '" + id + "'; list them with"
                        + " snapshots().list()"));
        return found.purged() ? 0 : purgeAll(List.of(found));
    }

    /** Purges snapshots older than an age. @param age the age @return how many */
    public int purgeOlderThan(java.time.Duration age) {
        Instant limit = settings.clock().instant().minus(age);
        return purgeAll(list().stream().filter(s -> !s.purged() && s.createdAt().isBefore(limit)).toList());
    }

    /** Keeps the newest. @param count how many to keep @return how many were purged */
    public int keepLatest(int count) {
        List<SafetySnapshot> kept = list().stream().filter(s -> !s.purged()).toList();
        return purgeAll(kept.subList(0, Math.max(0, kept.size() - count)));
    }

    private int purgeAll(List<SafetySnapshot> snapshots) {
        if (snapshots.isEmpty()) {
            return 0;
        }
        try (Connector.Lease lease = settings.connector().open(); Connection c = lease.connection("purge snapshots of")) {
            UndoLog log = new UndoLog(DatabaseKind.of(c));
            for (SafetySnapshot s : snapshots) {
                log.purge(c, s.id());
            }
            return snapshots.size();
        } catch (SQLException e) {
            throw settings.connector().translate(e, "purge snapshots of");
        }
    }
}
