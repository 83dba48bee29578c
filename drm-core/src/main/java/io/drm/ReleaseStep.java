package io.drm;

import java.util.Objects;

/**
 * One step of a {@link ReleasePlan}: a migration that the release will apply.
 *
 * @param version the version, normalised with dots ({@code 1.2}); {@code null} for repeatable steps
 * @param description the description from the file name, with underscores turned into spaces
 * @param kind what the step executes
 * @param checksum the content checksum, {@code sha256:<hex>} of the file's bytes, independent of the
 *     Flyway version in use
 * @param source where the step comes from: the script's path relative to its location
 */
public record ReleaseStep(String version, String description, StepKind kind, String checksum, String source) {

    /** Validates the step. */
    public ReleaseStep {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(source, "source");
        if (version == null && kind == StepKind.SQL) {
            throw new IllegalArgumentException("a versioned SQL step needs a version: " + source);
        }
    }

    /**
     * Returns the step's canonical form, the input of the plan id.
     *
     * @return {@code kind|version|description|checksum|source}
     */
    public String canonical() {
        return kind + "|" + (version == null ? "" : version) + "|" + description + "|" + checksum + "|" + source;
    }

    /**
     * Returns the step as one human-readable line.
     *
     * @return for example {@code V1.2  create customers  (V1.2__create_customers.sql)}; undo steps of a
     *     rollback start with {@code U}
     */
    public String explain() {
        String label = version == null ? "R"
                : (kind == StepKind.UNDO_SQL || kind == StepKind.RESTORE ? "U" : "V") + version;
        return label + "  " + description + "  (" + source + ", " + kind + ")";
    }
}
