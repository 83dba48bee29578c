package io.drm.internal.data;

import io.drm.internal.ScannedFile;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A data artifact or configuration document as Flyway sees it: a Java migration whose version and
 * description come from the file name and whose checksum is derived from the SHA-256 of the
 * plaintext and of the manifest, so it shares Flyway's ordering, history and transaction with the
 * SQL migrations. Flyway records it with this class's name as its script; drm maps it back to the
 * file by version.
 */
public final class ArtifactMigration implements JavaMigration {

    private final ScannedFile file;
    private final ArtifactRun run;

    /**
     * Creates the migration.
     *
     * @param file the artifact's scanned file
     * @param run the release's artifact run, or {@code null} when Flyway only plans ({@code info()})
     */
    public ArtifactMigration(ScannedFile file, ArtifactRun run) {
        this.file = file;
        this.run = run;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(file.artifact().name().version());
    }

    @Override
    public String getDescription() {
        return file.artifact().name().description();
    }

    @Override
    public Integer getChecksum() {
        return file.artifact().flywayChecksum();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        if (run == null) {
            throw new IllegalStateException("artifact " + file.displayPath() + " was configured for planning only");
        }
        run.load(context.getConnection(), file);
    }

    @Override
    public String toString() {
        return "ArtifactMigration[" + file.displayPath() + "]";
    }
}
