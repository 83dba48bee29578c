package io.drm.internal;

/**
 * A file found in a location.
 *
 * @param location the location as configured
 * @param relativePath the path relative to the location, with {@code /} separators
 * @param sha256 hex SHA-256 of the content
 * @param name what the file name says it is
 * @param artifact what a data artifact or configuration document holds, or {@code null} for other files
 */
public record ScannedFile(String location, String relativePath, String sha256, MigrationName name,
        io.drm.internal.data.ArtifactFile artifact) {

    /**
     * A file that is not a data artifact.
     *
     * @param location the location as configured
     * @param relativePath the path relative to the location
     * @param sha256 hex SHA-256 of the content
     * @param name what its name says
     */
    public ScannedFile(String location, String relativePath, String sha256, MigrationName name) {
        this(location, relativePath, sha256, name, null);
    }

    /**
     * Returns the file name without directories.
     *
     * @return the file name
     */
    public String fileName() {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? relativePath : relativePath.substring(slash + 1);
    }

    /**
     * Returns where the file is, for messages.
     *
     * @return location and relative path
     */
    public String displayPath() {
        return location + (location.endsWith("/") ? "" : "/") + relativePath;
    }
}
