package io.drm;

import java.util.Objects;

/**
 * A data artifact or configuration document in a {@link ReleasePlan}.
 *
 * @param version the artifact's name, version and plaintext SHA-256
 * @param kind {@link StepKind#DATA} or {@link StepKind#CONFIG}
 * @param source the file's path relative to its location
 * @param table the target table ({@code drm_config} for a configuration document)
 * @param mode the load mode ({@code upsert}, {@code replace}, {@code insert}; {@code config} for documents)
 * @param rows the file's rows (documents: keys), or {@code -1} when unknown
 * @param encrypted whether the file is encrypted at rest
 */
public record PlannedArtifact(ArtifactVersion version, StepKind kind, String source, String table, String mode,
        long rows, boolean encrypted) {

    /** Validates. */
    public PlannedArtifact {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(mode, "mode");
    }

    /**
     * Describes the artifact in one line.
     *
     * @return for example {@code countries@3+sha256:1f0c... -> country (upsert, 250 rows)}
     */
    public String explain() {
        return version + " -> " + table + " (" + mode + (rows >= 0 ? ", " + rows + (rows == 1 ? " row" : " rows") : "")
                + (encrypted ? ", encrypted" : "") + ")";
    }
}
