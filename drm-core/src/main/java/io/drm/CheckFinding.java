package io.drm;

import java.util.List;
import java.util.Objects;

/**
 * One problem the offline check ({@link DataRelease#check(String...)}) found in the locations,
 * without a database.
 *
 * @param kind what is wrong
 * @param message what is wrong, where, and what to do
 * @param files the files concerned, as {@code <location>/<path>}
 */
public record CheckFinding(Kind kind, String message, List<String> files) {

    /** What an offline check finds. */
    public enum Kind {
        /** Two files with one version (two branches picked the same number), SQL or data artifact. */
        VERSION_COLLISION,
        /** Two repeatable migrations with one description. */
        DUPLICATE_REPEATABLE,
        /** A file whose version is below the highest released one in the history export and not released. */
        BELOW_RELEASED_VERSION,
        /** A file that looks like a migration or data artifact but is not named like one (it would be skipped). */
        MISNAMED_FILE,
        /** An undo script {@code U<version>__x.sql} without its {@code V<version>} migration. */
        UNDO_WITHOUT_MIGRATION,
        /** A data artifact without its {@code <file>.manifest.json}, when manifests are required. */
        ARTIFACT_WITHOUT_MANIFEST,
        /** A location that does not exist or cannot be read. */
        LOCATION_NOT_FOUND
    }

    /** Validates and copies. */
    public CheckFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        files = List.copyOf(files);
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
