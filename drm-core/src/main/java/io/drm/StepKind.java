package io.drm;

/**
 * What a {@link ReleaseStep} executes. One step model serves every plan: forward releases (schema and
 * data), rollbacks and dry runs.
 */
public enum StepKind {
    /** A versioned SQL migration ({@code V<version>__<description>.sql}). */
    SQL,
    /** A repeatable SQL migration ({@code R__<description>.sql}), re-applied when its content changes. */
    REPEATABLE_SQL,
    /** A Java migration (a Flyway {@code JavaMigration}). */
    JAVA,
    /** A versioned data artifact ({@code V<version>__<name>.csv}, {@code .json}, {@code .ndjson}). */
    DATA,
    /** A versioned configuration document ({@code V<version>__<name>.config.json} or {@code .config.yaml}). */
    CONFIG,
    /** An undo script ({@code U<version>__<description>.sql}) that reverses the versioned step of its version. */
    UNDO_SQL,
    /** A generated undo that restores structure and data from a safety snapshot. */
    RESTORE
}
