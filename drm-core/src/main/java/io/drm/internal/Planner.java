package io.drm.internal;

import io.drm.ArtifactVersion;
import io.drm.ChecksumMismatchException;
import io.drm.DrmException;
import io.drm.ReleaseStep;
import io.drm.StepKind;
import io.drm.ValidationException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Computes what a release would do: first from the ledger (fast path, no Flyway scan), else from
 * Flyway's view of the locations and the history, checked for edited, missing, failed and
 * out-of-order migrations.
 */
public final class Planner {

    private final Settings settings;
    private final LocationScanner scanner;

    /**
     * Creates a planner.
     *
     * @param settings the release settings
     */
    public Planner(Settings settings) {
        this.settings = settings;
        this.scanner = new LocationScanner(settings.classLoader(), settings.decryptor());
    }

    /**
     * Scans the locations.
     *
     * @return what they hold
     */
    public ScannedLocations scan() {
        return scan(false);
    }

    /**
     * Scans the locations, keeping the SQL scripts' bytes for the lint when asked.
     *
     * @param keepSql whether the scanner keeps the SQL scripts' bytes ({@link LocationScanner#keptBytes})
     * @return what they hold
     */
    public ScannedLocations scan(boolean keepSql) {
        ScannedLocations scan = scanner.scan(settings.locations(), keepSql);
        checkUndoScripts(scan);
        lastScan = scan;
        return scan;
    }

    /** Refuses undo scripts whose versioned script is not in the locations. */
    static void checkUndoScripts(ScannedLocations scan) {
        java.util.Set<String> versions = new java.util.HashSet<>();
        for (ScannedFile f : scan.files()) {
            if (f.name().type() == MigrationName.Type.VERSIONED || f.name().type() == MigrationName.Type.DATA
                    || f.name().type() == MigrationName.Type.CONFIG) {
                versions.add(LocationScanner.canonicalVersion(f.name().version()));
            }
        }
        for (ScannedFile f : scan.files()) {
            if (f.name().type() == MigrationName.Type.UNDO
                    && !versions.contains(LocationScanner.canonicalVersion(f.name().version()))
                    && !hasVersionedArtifact(scan, f.name().version())) {
                throw new io.drm.OrphanUndoScriptException("the undo script " + f.displayPath() + " reverses version "
                        + f.name().version() + ", but no versioned migration V" + f.name().version() + "__*.sql is in"
                        + " the locations. Restore the versioned script, or remove the undo script.");
            }
        }
    }

    private static boolean hasVersionedArtifact(ScannedLocations scan, String version) {
        String canonical = LocationScanner.canonicalVersion(version);
        for (ScannedFile f : scan.files()) {
            String name = f.fileName();
            if (name.startsWith("V") && name.contains("__")) {
                String v = name.substring(1, name.indexOf("__")).replace('_', '.');
                if (v.matches("\\d+(\\.\\d+)*") && LocationScanner.canonicalVersion(v).equals(canonical)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The latest scan, for callers of {@link #flyway(DataSource, DatabaseKind, Callback, boolean)} that pass none. */
    private volatile ScannedLocations lastScan;

    /**
     * Returns the scanner.
     *
     * @return the scanner
     */
    LocationScanner scanner() {
        return scanner;
    }

    /**
     * Plans a release.
     *
     * @param lease the connections
     * @param kind the database kind
     * @param scan the scanned locations
     * @param expected a plan computed earlier that may still hold, or {@code null}
     * @return the plan: {@code expected} when neither the files nor the history changed since
     */
    public PlanState plan(Connector.Lease lease, DatabaseKind kind, ScannedLocations scan, PlanState expected) {
        State state = readState(lease, kind);
        PlanState fast = fastPath(state, scan);
        if (fast != null) {
            return fast;
        }
        if (expected != null && expected.contentHash().equals(scan.contentHash())
                && expected.historyFingerprint().equals(state.fingerprint())) {
            return expected;
        }
        return fullPlan(lease, kind, scan, state.fingerprint(), state.head().map(Ledger.Head::releaseId).orElse(null));
    }

    /**
     * The fast path on files already read: an empty plan when the ledger's latest release saw
     * exactly these files and Flyway's history has not changed since.
     *
     * @param state the database state, from {@link #readState}
     * @param scan the scanned locations
     * @return the empty plan, or {@code null} when a full plan is needed
     */
    static PlanState fastPath(State state, ScannedLocations scan) {
        if (state.head().isEmpty()) {
            return null;
        }
        Ledger.Head head = state.head().get();
        if (!scan.contentHash().equals(head.contentHash()) || !state.fingerprint().equals(head.historyFingerprint())) {
            return null;
        }
        return PlanState.of(head.toVersion(), head.toVersion(), List.of(), scan, state.fingerprint(),
                head.releaseId(), true);
    }

    /**
     * The cheapest check, for the startup hook: lists the locations without reading them and
     * compares their stamp (sizes and modification times) and Flyway's history fingerprint with the
     * ledger's latest release. Reads no file and runs no Flyway.
     *
     * @param state the database state, from {@link #readState}
     * @return the empty plan, or {@code null} when the files must be read
     */
    PlanState stampPath(State state) {
        return state.head().isEmpty() ? null : stampPath(state, scanner.stamp(settings.locations()));
    }

    /**
     * {@link #stampPath(State)} with the locations' stamp already computed.
     *
     * @param state the database state
     * @param stamp the locations' stamp, or {@code null} when they could not be listed
     * @return the empty plan, or {@code null} when the files must be read
     */
    PlanState stampPath(State state, String stamp) {
        if (state.head().isEmpty()) {
            return null;
        }
        Ledger.Head head = state.head().get();
        if (!state.fingerprint().equals(head.historyFingerprint())) {
            return null;
        }
        if (stamp == null || !stamp.equals(head.stamp())) {
            return null;
        }
        return PlanState.of(head.toVersion(), head.toVersion(), List.of(),
                new ScannedLocations(List.of(), head.contentHash(), stamp), state.fingerprint(), head.releaseId(), true);
    }

    /**
     * Reads Flyway's history fingerprint and drm's ledger head on a connection of its own.
     *
     * @param lease the connections
     * @param kind the database kind
     * @return the state
     */
    State readState(Connector.Lease lease, DatabaseKind kind) {
        try (Connection c = lease.connection("read the release state of")) {
            return readState(c, kind);
        } catch (java.sql.SQLException e) {
            throw settings.connector().translate(e, "read the release state of");
        }
    }

    /**
     * Reads Flyway's history fingerprint and drm's ledger head on a connection the caller holds:
     * one query when both tables exist ({@link ReleaseState}).
     *
     * @param connection the connection
     * @param kind the database kind
     * @return the state
     */
    State readState(Connection connection, DatabaseKind kind) {
        return ReleaseState.read(connection, kind);
    }

    /**
     * The database's release state.
     *
     * @param fingerprint Flyway's history fingerprint
     * @param head drm's latest release that left a known state
     */
    record State(String fingerprint, Optional<Ledger.Head> head) {
    }

    private PlanState fullPlan(Connector.Lease lease, DatabaseKind kind, ScannedLocations scan, String fingerprint,
            String headId) {
        lastScan = scan;
        if (FlywayHistory.NONE.equals(fingerprint)) {
            HistoryAction takeover = takeover(lease, kind);
            if (onlySqlMigrations(scan)) {
                List<ReleaseStep> first = firstRelease(scan);
                io.drm.internal.data.ArtifactChecks.check(lease, kind, first, scan, scanner, settings.decryptor(),
                        "check the artifacts against");
                return baselined(PlanState.of(null, null, List.of(), scan, fingerprint, headId, false)
                        .withSteps(first), takeover);
            }
            if (takeover != null) {
                return baselined(flywayPlan(lease, kind, scan, fingerprint, headId), takeover);
            }
        }
        return flywayPlan(lease, kind, scan, fingerprint, headId);
    }

    /**
     * How a schema without history is taken over (see {@link Takeover}); for a Liquibase import, the
     * changelog is read and checked here, so that {@code plan()} already refuses failed changesets.
     */
    private HistoryAction takeover(Connector.Lease lease, DatabaseKind kind) {
        try (Connection c = lease.connection("inspect the schema of")) {
            HistoryAction action = Takeover.decide(c, kind, settings.adoption());
            if (action != null && action.kind() == HistoryAction.Kind.IMPORT_LIQUIBASE) {
                LiquibaseImport.checkImportable(LiquibaseImport.read(c, LiquibaseImport.table(
                        SchemaProbe.foreignObjects(c, kind)), c.getMetaData().getIdentifierQuoteString().strip()));
            }
            return action;
        } catch (java.sql.SQLException e) {
            throw settings.connector().translate(e, "inspect the schema of");
        }
    }

    /** The plan with a baseline: migrations at or below its version are what the schema already holds. */
    private static PlanState baselined(PlanState plan, HistoryAction baseline) {
        if (baseline == null) {
            return plan;
        }
        List<ReleaseStep> above = new ArrayList<>();
        for (ReleaseStep step : plan.steps()) {
            if (step.version() == null || ArtifactVersion.compareVersions(step.version(), baseline.version()) > 0) {
                above.add(step);
            }
        }
        return plan.withSteps(above).withCurrentVersion(baseline.version()).withActions(List.of(baseline));
    }

    private PlanState flywayPlan(Connector.Lease lease, DatabaseKind kind, ScannedLocations scan, String fingerprint,
            String headId) {
        MigrationInfo[] all;
        try {
            all = flyway(lease.dataSource(), kind, null, false, scan, null).info().all();
        } catch (FlywayException e) {
            throw translate(e, "read the migration history of");
        }
        Map<String, ScannedFile> files = scan.byRelativePath();
        List<HistoryAction> rechecksums = check(all, files, lease, kind);
        String current = null;
        String target = null;
        List<ReleaseStep> steps = new ArrayList<>();
        for (MigrationInfo info : all) {
            String version = info.getVersion() == null ? null : info.getVersion().getVersion();
            if (info.getState() == MigrationState.PENDING) {
                steps.add(step(info, files));
                if (version != null) {
                    target = version;
                }
            } else if (version != null && info.getState().isApplied() && !info.getState().isFailed()
                    && (current == null || ArtifactVersion.compareVersions(version, current) > 0)) {
                current = version;
            }
        }
        io.drm.internal.data.ArtifactChecks.check(lease, kind, steps, scan, scanner, settings.decryptor(),
                "check the artifacts against");
        return PlanState.of(current, target == null ? current : target, steps, scan, fingerprint, headId, false)
                .withActions(rechecksums);
    }

    /**
     * Without a history table every migration in the locations is pending, in Flyway's order:
     * versioned ones by version, then repeatable ones by description. Computing that from drm's own
     * scan saves a Flyway resolution on a first release.
     *
     * @param scan the scanned locations, holding only SQL migrations
     * @return the steps
     */
    public static List<ReleaseStep> firstRelease(ScannedLocations scan) {
        List<ScannedFile> versioned = new ArrayList<>();
        List<ScannedFile> repeatable = new ArrayList<>();
        for (ScannedFile file : scan.files()) {
            if (file.name().type() == MigrationName.Type.VERSIONED || file.name().type() == MigrationName.Type.DATA
                    || file.name().type() == MigrationName.Type.CONFIG) {
                versioned.add(file);
            } else if (file.name().type() == MigrationName.Type.REPEATABLE) {
                repeatable.add(file);
            }
        }
        versioned.sort((a, b) -> ArtifactVersion.compareVersions(a.name().version(), b.name().version()));
        repeatable.sort(Comparator.comparing(f -> f.name().description()));
        List<ReleaseStep> steps = new ArrayList<>();
        for (ScannedFile file : versioned) {
            if (file.artifact() != null) {
                steps.add(new ReleaseStep(file.name().version(), file.name().description(),
                        file.artifact().name().kind(), "sha256:" + file.artifact().sha256(), file.relativePath()));
                continue;
            }
            steps.add(new ReleaseStep(file.name().version(), file.name().description(), StepKind.SQL,
                    "sha256:" + file.sha256(), file.relativePath()));
        }
        for (ScannedFile file : repeatable) {
            steps.add(new ReleaseStep(null, file.name().description(), StepKind.REPEATABLE_SQL,
                    "sha256:" + file.sha256(), file.relativePath()));
        }
        return steps;
    }

    /** Tells whether no file could be a migration Flyway resolves by other means (Java classes, scripts). */
    private static boolean onlySqlMigrations(ScannedLocations scan) {
        for (ScannedFile file : scan.files()) {
            if (file.name().type() == MigrationName.Type.OTHER && file.fileName().contains("__")) {
                return false;
            }
            if (file.fileName().endsWith(".class")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Builds a step from Flyway's view of a migration and drm's scan of its file.
     *
     * @param info the migration
     * @param files the scanned files by relative path
     * @return the step
     */
    static ReleaseStep step(MigrationInfo info, Map<String, ScannedFile> files) {
        String script = info.getScript();
        ScannedFile file = fileOf(info, files);
        if (file != null && file.artifact() != null) {
            return new ReleaseStep(file.name().version(), file.name().description(), file.artifact().name().kind(),
                    "sha256:" + file.artifact().sha256(), file.relativePath());
        }
        boolean sql = script.toLowerCase(java.util.Locale.ROOT).endsWith(".sql");
        String version = info.getVersion() == null ? null : info.getVersion().getVersion();
        StepKind kind = !sql ? StepKind.JAVA : version == null ? StepKind.REPEATABLE_SQL : StepKind.SQL;
        String checksum = file != null ? "sha256:" + file.sha256() : "flyway:" + info.getChecksum();
        return new ReleaseStep(version, Objects.requireNonNullElse(info.getDescription(), ""), kind, checksum, script);
    }

    /**
     * Finds the scanned file of a migration: by script path, or, for drm's artifact migrations (whose
     * script is their class name), by version.
     */
    static ScannedFile fileOf(MigrationInfo info, Map<String, ScannedFile> files) {
        ScannedFile file = files.get(info.getScript());
        if (file == null && io.drm.internal.data.ArtifactMigration.class.getName().equals(info.getScript())) {
            file = io.drm.internal.data.Artifacts.byVersion(files.values(),
                    info.getVersion() == null ? null : info.getVersion().getVersion());
        }
        return file;
    }

    /**
     * Checks Flyway's view of the history; returns the checksum mismatches that came from the Flyway
     * version (the file's bytes are those drm applied), to be re-recorded under the release lock.
     */
    private List<HistoryAction> check(MigrationInfo[] all, Map<String, ScannedFile> files, Connector.Lease lease,
            DatabaseKind kind) {
        List<HistoryAction> rechecksums = new ArrayList<>();
        for (MigrationInfo info : all) {
            MigrationState state = info.getState();
            String version = info.getVersion() == null ? null : info.getVersion().getVersion();
            ScannedFile labelled = fileOf(info, files);
            String label = (version == null ? "repeatable migration" : "migration " + version) + " ("
                    + (labelled != null ? labelled.relativePath() : info.getScript()) + ")";
            if (state == MigrationState.SUCCESS && info.getResolvedChecksum() != null
                    && info.getAppliedChecksum() != null
                    && !info.getResolvedChecksum().equals(info.getAppliedChecksum()) && version != null) {
                ScannedFile file = fileOf(info, files);
                // drm computes an artifact's Flyway checksum itself (content and manifest), so a mismatch
                // there is always an edit, never a Flyway upgrade
                if (file != null && file.artifact() == null && appliedByDrm(file, version, lease, kind)) {
                    rechecksums.add(new HistoryAction(HistoryAction.Kind.RECHECKSUM, version, info.getScript(),
                            info.getInstalledRank(), info.getAppliedChecksum(), info.getResolvedChecksum()));
                    continue;
                }
                throw checksumMismatch(info, version, file, lease, kind);
            }
            if (state == MigrationState.SUCCESS && version != null && info.getResolvedChecksum() != null
                    && (!info.isDescriptionMatching() || !info.isTypeMatching())) {
                throw new ValidationException(label + " was applied as '" + info.getAppliedDescription() + "' but the"
                        + " file now says '" + info.getResolvedDescription() + "' (or its type changed). Restore the"
                        + " file's released name, or accept the change with Flyway repair.");
            }
            if (state.isFailed()) {
                throw new ValidationException(label + " failed in an earlier release and is recorded as failed in"
                        + " flyway_schema_history. Remove what it changed, delete its failed row (Flyway repair),"
                        + " then release again.");
            }
            if (state == MigrationState.MISSING_SUCCESS) {
                throw new ValidationException(label + " was applied but is no longer in the locations "
                        + settings.locations() + ". Restore the file, or check that the locations are right.");
            }
            if (state == MigrationState.IGNORED) {
                throw new ValidationException(label + " is not applied and its version is below the current"
                        + " schema version, so it would never run. Give it a version above the current one, or"
                        + " allow out-of-order migrations in this environment ('" + settings.environment()
                        + "') with outOfOrder(\"" + settings.environment() + "\").");
            }
        }
        return rechecksums;
    }

    /** Tells whether the file's bytes are exactly those drm recorded when it applied the version. */
    private static boolean appliedByDrm(ScannedFile file, String version, Connector.Lease lease, DatabaseKind kind) {
        try (Connection c = lease.connection("read the ledger of")) {
            return new Ledger(kind).appliedChecksum(c, version).filter(("sha256:" + file.sha256())::equals)
                    .isPresent();
        } catch (DrmException | java.sql.SQLException e) {
            return false;
        }
    }

    private ChecksumMismatchException checksumMismatch(MigrationInfo info, String version, ScannedFile file,
            Connector.Lease lease, DatabaseKind kind) {
        String where = file == null ? info.getScript() : file.displayPath();
        if (file != null && file.artifact() != null) {
            return new ChecksumMismatchException("artifact " + file.artifact().name().name() + "@" + version + " ("
                    + where + ") was changed after it was applied: Flyway recorded checksum "
                    + info.getAppliedChecksum() + " when it was loaded, its content and manifest now give "
                    + info.getResolvedChecksum() + " (content now sha256:" + file.artifact().sha256() + "). A released"
                    + " artifact is immutable: restore its released content and manifest, and release the change as a"
                    + " new version (V<next>__" + file.artifact().name().name() + "...).");
        }
        StringBuilder message = new StringBuilder("migration ").append(version).append(" (").append(where)
                .append(") was changed after it was applied: Flyway recorded checksum ")
                .append(info.getAppliedChecksum()).append(" when it was applied, the file now has checksum ")
                .append(info.getResolvedChecksum()).append('.');
        Optional<String> drmChecksum = Optional.empty();
        try (Connection c = lease.connection("read the ledger of")) {
            drmChecksum = new Ledger(kind).appliedChecksum(c, version);
        } catch (DrmException | java.sql.SQLException ignored) {
            // the hint below is optional
        }
        if (file != null && drmChecksum.isPresent() && drmChecksum.get().equals("sha256:" + file.sha256())) {
            message.append(" The file's bytes are exactly those drm applied (").append(drmChecksum.get())
                    .append("), so the difference comes from the Flyway version computing checksums differently,"
                    + " not from an edit: run Flyway repair once to re-record the checksums.");
        } else {
            message.append(" Way out: restore the file's released content (for example from version control) and"
                    + " put the change in a new migration with a higher version; if the edit is intended and"
                    + " harmless (comments, formatting), run Flyway repair to accept the new checksum.");
        }
        return new ChecksumMismatchException(message.toString());
    }

    /**
     * Configures Flyway for this release.
     *
     * @param dataSource the data source
     * @param kind the database kind
     * @param callback drm's callback, or {@code null}
     * @return the Flyway instance
     */
    public Flyway flyway(DataSource dataSource, DatabaseKind kind, Callback callback) {
        return flyway(dataSource, kind, callback, false);
    }

    /**
     * Configures Flyway for this release.
     *
     * @param dataSource the data source
     * @param kind the database kind
     * @param callback drm's callback, or {@code null}
     * @param baselineBelowAll whether the schema holds only drm's own tables and no history yet: Flyway
     *     then baselines it at version 0 (below every migration, so all run) instead of refusing it
     * @return the Flyway instance
     */
    public Flyway flyway(DataSource dataSource, DatabaseKind kind, Callback callback, boolean baselineBelowAll) {
        return flyway(dataSource, kind, callback, baselineBelowAll ? new HistoryAction(HistoryAction.Kind.BASELINE,
                "0", "<< drm: schema held only drm tables >>", 0, null, null) : null);
    }

    /**
     * Configures Flyway for this release, with the baseline a schema without history gets.
     *
     * @param dataSource the data source
     * @param kind the database kind
     * @param callback drm's callback, or {@code null}
     * @param baseline the baseline (version and description), or {@code null}
     * @return the Flyway instance
     */
    public Flyway flyway(DataSource dataSource, DatabaseKind kind, Callback callback, HistoryAction baseline) {
        return flyway(dataSource, kind, callback, baseline, lastScan, null, true, null);
    }

    /**
     * Configures Flyway for this release, with the data artifacts of a scan as Java migrations.
     *
     * @param dataSource the data source
     * @param kind the database kind
     * @param callback drm's callback, or {@code null}
     * @param baselineBelowAll see {@link #flyway(DataSource, DatabaseKind, Callback, boolean)}
     * @param scan the scanned locations whose artifacts become Java migrations, or {@code null}
     * @param run the release's artifact run, or {@code null} when Flyway only reports ({@code info()})
     * @return the Flyway instance
     */
    public Flyway flyway(DataSource dataSource, DatabaseKind kind, Callback callback, boolean baselineBelowAll,
            ScannedLocations scan, io.drm.internal.data.ArtifactRun run) {
        return flyway(dataSource, kind, callback, baselineBelowAll ? new HistoryAction(HistoryAction.Kind.BASELINE,
                "0", "<< drm: schema held only drm tables >>", 0, null, null) : null, scan, run, true, null);
    }

    /**
     * Configures Flyway for one group of a release.
     *
     * @param dataSource the data source
     * @param kind the database kind
     * @param callback drm's callback, or {@code null}
     * @param baseline the baseline (version and description), or {@code null}
     * @param scan the scanned locations whose artifacts become Java migrations, or {@code null}
     * @param run the release's artifact run, or {@code null} when Flyway only reports ({@code info()})
     * @param transactional whether the group runs in one transaction on PostgreSQL (a group holding a
     *     non-transactional step runs without, and without Flyway's transactional lock)
     * @param target the last version of the group, or {@code null} for all pending migrations
     * @return the Flyway instance
     */
    public Flyway flyway(DataSource dataSource, DatabaseKind kind, Callback callback, HistoryAction baseline,
            ScannedLocations scan, io.drm.internal.data.ArtifactRun run, boolean transactional, String target) {
        FluentConfiguration config = Flyway.configure(settings.classLoader())
                .dataSource(dataSource)
                .locations(settings.locations().toArray(String[]::new))
                .cleanDisabled(true)
                .failOnMissingLocations(true)
                // drm validates the history itself (check(...)) when it plans, and re-plans under the
                // release lock whenever files or history changed since, so Flyway need not validate again.
                .validateOnMigrate(false)
                .group(kind.transactionalDdl() && transactional)
                .outOfOrder(settings.adoption().outOfOrderIn(settings.environment()));
        if (!transactional) {
            // A CREATE INDEX CONCURRENTLY must not wait on Flyway's own transaction-scoped lock.
            org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension postgres = config.getPluginRegister()
                    .getPlugin(org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension.class);
            if (postgres != null) {
                postgres.setTransactionalLock(false);
            }
        }
        if (target != null) {
            config = config.target(target);
        }
        if (baseline != null) {
            config = config.baselineOnMigrate(true).baselineVersion(baseline.version())
                    .baselineDescription(baseline.description());
        }
        if (callback != null) {
            config = config.callbacks(callback);
        }
        if (scan != null) {
            List<org.flywaydb.core.api.migration.JavaMigration> artifacts = new ArrayList<>();
            for (ScannedFile file : scan.files()) {
                if (file.artifact() != null) {
                    artifacts.add(new io.drm.internal.data.ArtifactMigration(file, run));
                }
            }
            if (!artifacts.isEmpty()) {
                config = config.javaMigrations(artifacts.toArray(org.flywaydb.core.api.migration.JavaMigration[]::new));
            }
        }
        return config.load();
    }

    /**
     * Turns a Flyway failure outside a migration into a {@link DrmException}.
     *
     * @param e the failure
     * @param doing what drm was doing
     * @return the exception
     */
    public DrmException translate(FlywayException e, String doing) {
        Throwable sql = Failures.sqlCause(e);
        if (sql != null) {
            return settings.connector().translate(sql, doing);
        }
        return new ValidationException("Flyway could not " + doing + " the database: "
                + Failures.firstLine(e.getMessage()), e);
    }
}
