package io.drm;

import java.time.Instant;
import java.util.Objects;

/**
 * A safety snapshot: a copy, inside the database, of the data a destructive statement of a release
 * destroyed (a dropped table, a dropped or retyped column with the primary key, the rows a
 * {@code TRUNCATE} or an unkeyed {@code DELETE}/{@code UPDATE} removed or changed), kept so that a
 * rollback restores it.
 *
 * @param id the snapshot's table name ({@code drm_snap_...})
 * @param releaseId the release that took it
 * @param version the version of the step whose statement it precedes
 * @param table the table whose data it holds
 * @param column the column it holds with the key, or {@code null} for the whole table
 * @param rows how many rows it holds
 * @param createdAt when it was taken
 * @param purged whether it was purged (its table dropped); a rollback that needs it is then refused
 */
public record SafetySnapshot(String id, String releaseId, String version, String table, String column, long rows,
        Instant createdAt, boolean purged) {

    /** Validates the record. */
    public SafetySnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
