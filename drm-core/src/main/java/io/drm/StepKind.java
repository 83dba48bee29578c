package io.drm;

/** What a {@link ReleaseStep} executes. */
public enum StepKind {
    /** A versioned SQL migration ({@code V<version>__<description>.sql}). */
    SQL,
    /** A repeatable SQL migration ({@code R__<description>.sql}), re-applied when its content changes. */
    REPEATABLE_SQL,
    /** A Java migration (a Flyway {@code JavaMigration}). */
    JAVA
}
