package io.drm.internal;

import java.util.Objects;

/**
 * Something a release does to the migration history itself rather than by running a migration:
 * baseline a schema that has objects but no history, import a Liquibase changelog, or re-record
 * Flyway's checksum of a file whose bytes are exactly those drm applied.
 *
 * @param kind what is done
 * @param version the version concerned (baseline version, or the re-checksummed migration's)
 * @param description the baseline's description, or the script for a re-checksum
 * @param installedRank the history row to update for a re-checksum, else 0
 * @param fromChecksum Flyway's recorded checksum (re-checksum), else {@code null}
 * @param toChecksum the checksum this Flyway computes for the file (re-checksum), else {@code null}
 */
public record HistoryAction(Kind kind, String version, String description, int installedRank,
        Integer fromChecksum, Integer toChecksum) {

    /** What a history action does. */
    public enum Kind {
        /** Flyway baseline of a schema with objects and no history, at {@code baseline(...)}'s version. */
        BASELINE,
        /** Import of Liquibase's DATABASECHANGELOG, then a Flyway baseline at the given version. */
        IMPORT_LIQUIBASE,
        /** Re-record Flyway's checksum of an unchanged file ({@code history.rechecksummed}). */
        RECHECKSUM
    }

    /** Validates. */
    public HistoryAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
    }

    /**
     * Returns the action's canonical form, part of the plan id.
     *
     * @return a line
     */
    public String canonical() {
        return "history|" + kind + "|" + version + "|" + description + "|" + installedRank + "|" + fromChecksum + "|"
                + toChecksum;
    }

    /**
     * Tells whether this action baselines Flyway (a baseline or a Liquibase import).
     *
     * @return whether it does
     */
    public boolean baselines() {
        return kind != Kind.RECHECKSUM;
    }
}
