package io.drm.internal.data;

import io.drm.ArtifactVersion;

/**
 * What the scanner learnt about a data artifact or configuration document.
 *
 * @param name what the file name says
 * @param sha256 hex SHA-256 of the plaintext content (for an encrypted file, of what it decrypts to)
 * @param rows the number of data rows (configuration documents: keys), or {@code -1} when unknown
 * @param manifest the manifest, {@link Manifest#NONE} when there is none
 * @param manifestSha256 hex SHA-256 of the manifest's bytes, or {@code null} when there is none
 * @param columns the columns the file uses (CSV: its header; JSON: every field of its objects, first seen first)
 */
public record ArtifactFile(ArtifactName name, String sha256, long rows, Manifest manifest, String manifestSha256,
        java.util.List<String> columns) {

    /** Copies. */
    public ArtifactFile {
        columns = java.util.List.copyOf(columns);
    }

    /**
     * Returns the artifact's identity.
     *
     * @return name, version and content hash
     */
    public ArtifactVersion version() {
        return ArtifactVersion.of(name.name(), name.version(), sha256);
    }

    /**
     * Returns the target table as configured (the manifest's, else the artifact's name).
     *
     * @return the table name, as written
     */
    public String table() {
        return manifest.table() != null ? manifest.table() : name.name();
    }

    /**
     * Returns this file with a manifest.
     *
     * @param m the manifest
     * @param sha its hash
     * @return the new value
     */
    public ArtifactFile withManifest(Manifest m, String sha) {
        return new ArtifactFile(name, sha256, rows, m, sha, columns);
    }

    /**
     * Returns Flyway's 32-bit checksum: over the content's hash and the manifest's, so editing
     * either after the artifact was applied is a checksum error.
     *
     * @return the checksum
     */
    public int flywayChecksum() {
        byte[] d = io.drm.internal.Hashing.sha256().digest((sha256 + "|" + (manifestSha256 == null ? "" : manifestSha256))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return ((d[0] & 0xff) << 24) | ((d[1] & 0xff) << 16) | ((d[2] & 0xff) << 8) | (d[3] & 0xff);
    }
}
