package io.drm.internal.data;

import io.drm.ReleaseStep;
import io.drm.StepKind;
import io.drm.internal.Connector;
import io.drm.internal.DatabaseKind;
import io.drm.internal.LocationScanner;
import io.drm.internal.ScannedFile;
import io.drm.internal.ScannedLocations;
import io.drm.spi.ArtifactDecryptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Plan-time checks of the pending data artifacts: when the target table exists already, the whole
 * file is read against it (columns, manifest, key, every value's type and size, duplicate keys)
 * without writing, so bad input stops the release before any step runs. When a pending migration
 * before the artifact may create its table, the file is still read in full (syntax, the manifest's
 * types), and checked against the table at the start of its step.
 */
public final class ArtifactChecks {

    private ArtifactChecks() {
    }

    /** Whether a pending SQL migration before the artifact mentions its table (so may create it). */
    private static boolean createdEarlier(String table, ReleaseStep artifact, List<ReleaseStep> steps,
            Map<String, ScannedFile> files, LocationScanner scanner) {
        java.util.regex.Pattern name = java.util.regex.Pattern.compile("(?i)(^|[^A-Za-z0-9_])"
                + java.util.regex.Pattern.quote(table) + "($|[^A-Za-z0-9_])");
        for (ReleaseStep step : steps) {
            if (step == artifact) {
                return false;
            }
            if (step.kind() != StepKind.SQL && step.kind() != StepKind.REPEATABLE_SQL && step.kind() != StepKind.JAVA) {
                continue;
            }
            ScannedFile sql = files.get(step.source());
            if (sql == null) {
                return true; // a Java migration or a script drm cannot read: it may create the table
            }
            try (InputStream in = scanner.open(sql.location(), sql.relativePath())) {
                if (name.matcher(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).find()) {
                    return true;
                }
            } catch (IOException e) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks the pending artifacts.
     *
     * @param lease the connections
     * @param kind the database kind
     * @param steps the pending steps
     * @param scan the scanned locations
     * @param scanner opens files
     * @param decryptor the keyring, or {@code null}
     * @param doing what to call the database in a failure
     * @throws io.drm.DrmException with its code for the first problem
     */
    public static void check(Connector.Lease lease, DatabaseKind kind, List<ReleaseStep> steps, ScannedLocations scan,
            LocationScanner scanner, ArtifactDecryptor decryptor, String doing) {
        Map<String, ScannedFile> files = null;
        for (ReleaseStep step : steps) {
            if (step.kind() != StepKind.DATA) {
                continue;
            }
            if (files == null) {
                files = scan.byRelativePath();
            }
            ScannedFile file = files.get(step.source());
            if (file == null || file.artifact() == null) {
                continue;
            }
            TableInfo table;
            try (Connection c = lease.connection(doing)) {
                table = TableInfo.find(c, kind, file.artifact().table());
            } catch (SQLException e) {
                throw new io.drm.LedgerException("cannot read the catalog to check artifact " + file.displayPath()
                        + ": " + io.drm.internal.Failures.databaseError(e), e);
            }
            if (table == null) {
                if (!createdEarlier(file.artifact().table(), step, steps, files, scanner)) {
                    throw new io.drm.ArtifactSchemaException("the artifact " + file.displayPath() + " loads into table "
                            + file.artifact().table() + ", which does not exist, and no pending migration before it"
                            + " mentions it. Create the table in a migration with a lower version, or set \"table\" in"
                            + " the manifest. Nothing was written.");
                }
            }
            try (InputStream in = ArtifactInspector.plaintext(file.artifact().name(),
                    () -> scanner.open(file.location(), file.relativePath()), decryptor)) {
                new ArtifactLoader(file.artifact(), file.displayPath()).validate(table, in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file.displayPath(), e);
            }
        }
    }
}
