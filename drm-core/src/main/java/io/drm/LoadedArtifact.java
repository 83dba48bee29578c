package io.drm;

import java.util.Objects;

/**
 * A data artifact or configuration document that a release loaded, as recorded in
 * {@code drm_artifact}.
 *
 * @param version the artifact's name, version and plaintext SHA-256
 * @param table the table it loaded into ({@code drm_config} for a configuration document)
 * @param inserted rows inserted (configuration documents: keys stored)
 * @param updated rows updated; rows whose values already matched are not counted
 * @param deleted rows deleted ({@code replace} mode)
 */
public record LoadedArtifact(ArtifactVersion version, String table, long inserted, long updated, long deleted) {

    /** Validates. */
    public LoadedArtifact {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(table, "table");
        if (inserted < 0 || updated < 0 || deleted < 0) {
            throw new IllegalArgumentException("row counts cannot be negative");
        }
    }
}
