package io.drm.internal.data;

import io.drm.InvalidArtifactException;
import io.drm.LoadedArtifact;
import io.drm.StepKind;
import io.drm.internal.DatabaseKind;
import io.drm.internal.Hashing;
import io.drm.internal.LocationScanner;
import io.drm.internal.ScannedFile;
import io.drm.spi.ArtifactDecryptor;
import io.drm.spi.ConfigDocument;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The artifacts' part of one release: loads each artifact or configuration document when Flyway
 * runs its step, on the step's connection and in its transaction, records it in
 * {@code drm_artifact}, and remembers what was loaded for the release's result and audit trail.
 * Used by one release on one thread.
 */
public final class ArtifactRun {

    private static final Logger LOG = LoggerFactory.getLogger("io.drm.release");

    private final LocationScanner scanner;
    private final ArtifactDecryptor decryptor;
    private final String releaseId;
    private final Clock clock;
    private final List<LoadedArtifact> loaded = new ArrayList<>();
    private RowChangeGuard guard;
    private io.drm.spi.ConfigStore configStore;

    /**
     * Creates the run of one release.
     *
     * @param scanner opens the files
     * @param decryptor the keyring, or {@code null}
     * @param releaseId the release's id
     * @param clock the clock for {@code drm_artifact.loaded_at}
     */
    public ArtifactRun(LocationScanner scanner, ArtifactDecryptor decryptor, String releaseId, Clock clock) {
        this.scanner = scanner;
        this.decryptor = decryptor;
        this.releaseId = releaseId;
        this.clock = clock;
    }

    /**
     * Sets what is told before a step changes a table's rows (the release's undo log).
     *
     * @param guard the guard, or {@code null}
     * @return this run
     */
    public ArtifactRun guard(RowChangeGuard guard) {
        this.guard = guard;
        return this;
    }

    /**
     * Sets the store configuration documents go to instead of the database's {@code drm_config}.
     *
     * @param store the store, or {@code null} for the database's own
     * @return this run
     */
    public ArtifactRun configStore(io.drm.spi.ConfigStore store) {
        this.configStore = store;
        return this;
    }

    /**
     * Returns what was loaded so far, in order.
     *
     * @return the loaded artifacts
     */
    public List<LoadedArtifact> loaded() {
        return List.copyOf(loaded);
    }

    /**
     * Loads one artifact (the body of its Flyway step).
     *
     * @param c the step's connection
     * @param file the artifact's scanned file
     * @throws SQLException if the database fails
     * @throws IOException if the file cannot be read
     */
    public void load(Connection c, ScannedFile file) throws SQLException, IOException {
        ArtifactFile artifact = file.artifact();
        String where = file.displayPath();
        DatabaseKind kind = DatabaseKind.of(c);
        long started = System.nanoTime();
        ArtifactLedger.ensureTable(c, kind);
        boolean external = configStore != null && artifact.name().kind() == StepKind.CONFIG;
        if (artifact.name().kind() == StepKind.CONFIG && !external) {
            JdbcConfigStore.ensureTables(c, kind);
        }
        ArtifactLoader.Counts loadedCounts = OwnTransaction.<ArtifactLoader.Counts, IOException>run(c, () -> {
            if (guard != null && !external) {
                if (artifact.name().kind() == StepKind.CONFIG) {
                    for (String table : List.of("drm_config_version", "drm_config", "drm_config_live")) {
                        guard.beforeRowChanges(c, artifact.name().version(), table);
                    }
                } else {
                    guard.beforeRowChanges(c, artifact.name().version(), artifact.table());
                }
            }
            ArtifactLoader.Counts counts;
            MessageDigest digest = Hashing.sha256();
            try (InputStream in = new DigestInputStream(ArtifactInspector.plaintext(artifact.name(),
                    () -> scanner.open(file.location(), file.relativePath()), decryptor), digest)) {
                if (artifact.name().kind() == StepKind.CONFIG) {
                    byte[] content = in.readAllBytes();
                    Map<String, String> entries = ConfigDocuments.parse(artifact.name().format(), content, where);
                    ConfigDocument doc = new ConfigDocument(artifact.name().name(), artifact.name().version(),
                            artifact.sha256(), entries);
                    if (external) {
                        // Put is idempotent and the switch happens before the step commits: a step
                        // that fails or dies after it runs again and switches again.
                        boolean stored = !configStore.versions().contains(doc.version());
                        configStore.put(doc);
                        configStore.switchTo(doc.version());
                        counts = new ArtifactLoader.Counts("config store", stored ? entries.size() : 0, 0, 0);
                    } else {
                        boolean stored = JdbcConfigStore.put(c, doc);
                        JdbcConfigStore.switchTo(c, doc.version());
                        counts = new ArtifactLoader.Counts("drm_config", stored ? entries.size() : 0, 0, 0);
                    }
                } else {
                    counts = new ArtifactLoader(artifact, where).load(c, kind, new ArtifactInspector.NonClosing(in));
                }
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            if (!sha.equals(artifact.sha256())) {
                throw new InvalidArtifactException("the artifact " + where + " changed after the release was planned"
                        + " (planned sha256:" + artifact.sha256() + ", read sha256:" + sha + "). Its load was rolled"
                        + " back; plan the release again.");
            }
            ArtifactLedger.record(c, artifact.version(), artifact.name().kind().name(), counts, releaseId,
                    file.relativePath(), clock.instant());
            if (artifact.name().kind() == StepKind.DATA) {
                fingerprint(c, kind, counts.table(), artifact);
            }
            return counts;
        });
        ArtifactLoader.Counts counts = loadedCounts;
        loaded.add(new LoadedArtifact(artifact.version(), counts.table(), counts.inserted(), counts.updated(),
                counts.deleted()));
        LOG.info("release {} - artifact {} loaded into {}: {} inserted, {} updated, {} deleted in {} ms", releaseId,
                artifact.version(), counts.table(), counts.inserted(), counts.updated(), counts.deleted(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Largest artifact whose table fingerprint keeps per-row hashes, so that drift names changed keys. */
    static final long ROW_HASHES_UP_TO = 10_000;

    /**
     * Records the loaded table's fingerprint for data-drift checks, in the load's transaction. A table
     * without a key gets none; a failure to fingerprint is logged and does not fail the load.
     */
    private void fingerprint(Connection c, DatabaseKind kind, String table, ArtifactFile artifact)
            throws SQLException {
        TableInfo info = TableInfo.find(c, kind, table);
        List<String> key = artifact.manifest() != null && !artifact.manifest().key().isEmpty()
                ? artifact.manifest().key() : info == null ? List.of() : info.primaryKey();
        if (key.isEmpty()) {
            return;
        }
        java.sql.Savepoint savepoint = c.getAutoCommit() ? null : c.setSavepoint();
        try {
            io.drm.internal.diff.TableFingerprint.record(c, kind, table, key, artifact.version().toString(),
                    artifact.rows() >= 0 && artifact.rows() <= ROW_HASHES_UP_TO);
        } catch (SQLException | RuntimeException e) {
            if (savepoint != null) {
                c.rollback(savepoint);
            }
            LOG.warn("release {} - could not record the fingerprint of table {} for drift checks: {}", releaseId,
                    table, e.getMessage());
        }
    }
}
