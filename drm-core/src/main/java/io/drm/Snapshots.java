package io.drm;

import io.drm.internal.SnapshotStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Lists and purges the safety snapshots of a database. Obtained from
 * {@link DataRelease.Builder#snapshots()}. Purging drops a snapshot's table; a later rollback of a
 * step that needs it is refused with {@link RollbackNotPossibleException}.
 *
 * <pre>{@code
 * Snapshots snapshots = DataRelease.configure().dataSource(dataSource).locations("classpath:db/release").snapshots();
 * snapshots.list().forEach(System.out::println);
 * snapshots.purgeOlderThan(Duration.ofDays(30));
 * }</pre>
 */
public final class Snapshots {

    private final SnapshotStore store;

    Snapshots(SnapshotStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Lists every snapshot, oldest first, purged ones included.
     *
     * @return the snapshots
     * @throws DrmException if the database cannot be read
     */
    public List<SafetySnapshot> list() {
        return store.list();
    }

    /**
     * Purges one snapshot.
     *
     * @param id the snapshot's id
     * @return 1, or 0 when it was already purged
     * @throws InvalidRollbackTargetException if there is no snapshot with that id
     */
    public int purge(String id) {
        Objects.requireNonNull(id, "id");
        return store.purge(id);
    }

    /**
     * Purges the snapshots taken longer ago than the age.
     *
     * @param age a positive duration
     * @return how many were purged
     */
    public int purgeOlderThan(Duration age) {
        Objects.requireNonNull(age, "age");
        if (age.isNegative()) {
            throw new IllegalArgumentException("age must not be negative: " + age);
        }
        return store.purgeOlderThan(age);
    }

    /**
     * Keeps the newest snapshots and purges the rest.
     *
     * @param count how many to keep, zero or more
     * @return how many were purged
     */
    public int keepLatest(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        return store.keepLatest(count);
    }
}
