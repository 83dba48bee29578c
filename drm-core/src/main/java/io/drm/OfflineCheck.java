package io.drm;

import io.drm.internal.OfflineChecker;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Checks release locations without a database, for CI: every problem is collected, none is thrown.
 * Obtained from {@link DataRelease#offlineCheck()}; {@link DataRelease#check(String...)} and
 * {@link DataRelease#check(Path, String...)} are its shortcuts. Not thread-safe; {@link #run()} can
 * be called more than once.
 *
 * <pre>{@code
 * // a JUnit test in the application's build
 * @Test
 * void release_files_are_consistent() {
 *     List<CheckFinding> findings = DataRelease.offlineCheck()
 *             .locations("filesystem:src/main/resources/db/release")
 *             .historyExport(Path.of("ops/prod-history.csv"))   // optional
 *             .requireManifests(true)                          // optional
 *             .run();
 *     assertThat(findings).isEmpty();
 * }
 * }</pre>
 */
public final class OfflineCheck {

    private List<String> locations = List.of();
    private Path historyExport;
    private boolean requireManifests;
    private ClassLoader classLoader;

    OfflineCheck() {
    }

    /**
     * Sets the locations to check, in Flyway's syntax.
     *
     * @param locations one or more locations
     * @return this
     * @throws ConfigurationException if a location has an unsupported prefix or a wildcard
     */
    public OfflineCheck locations(String... locations) {
        Objects.requireNonNull(locations, "locations");
        if (locations.length == 0) {
            throw new IllegalArgumentException("at least one location is needed");
        }
        for (String location : locations) {
            Objects.requireNonNull(location, "location");
            io.drm.internal.LocationScanner.checkSyntax(location);
        }
        this.locations = List.of(locations);
        return this;
    }

    /**
     * Compares the versions with a history export: an export of {@code flyway_schema_history} as
     * CSV with a header row (as {@link HistoryExport#write} or {@code psql \copy ... CSV HEADER}
     * writes it) or as a JSON array of row objects ({@code .json}). Only the {@code version} and
     * {@code success} columns are needed.
     *
     * @param historyExport the export file
     * @return this
     */
    public OfflineCheck historyExport(Path historyExport) {
        this.historyExport = Objects.requireNonNull(historyExport, "historyExport");
        return this;
    }

    /**
     * Requires a {@code <file>.manifest.json} beside every data artifact ({@code V<version>__<name>.csv},
     * {@code .json}, {@code .ndjson}).
     *
     * @param required whether manifests are required; default {@code false}
     * @return this
     */
    public OfflineCheck requireManifests(boolean required) {
        this.requireManifests = required;
        return this;
    }

    /**
     * Sets the class loader for {@code classpath:} locations.
     *
     * @param classLoader the loader; default the thread's context class loader
     * @return this
     */
    public OfflineCheck classLoader(ClassLoader classLoader) {
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        return this;
    }

    /**
     * Lints the SQL migrations of the locations without a database, as a plan would on an empty one:
     * every versioned and repeatable {@code .sql} script, in release order, with the rules of
     * {@code docs/lint.md} except the dependency rules (they need the live catalog). For CI, before a
     * database is at hand.
     *
     * <pre>{@code
     * List<Finding> findings = DataRelease.offlineCheck().locations("filesystem:src/main/resources/db/release")
     *         .lint("postgresql");
     * assertThat(findings).noneMatch(f -> f.severity() == Finding.Severity.ERROR);
     * }</pre>
     *
     * @param database the database the scripts are written for: {@code h2}, {@code postgresql},
     *     {@code mariadb} or {@code mysql}
     * @return the findings, by step then line
     * @throws ConfigurationException if no location was given
     * @throws IllegalArgumentException if the database is not one of those
     * @throws DrmException if the locations cannot be read or a migration is misnamed, with its code
     */
    public List<Finding> lint(String database) {
        Objects.requireNonNull(database, "database");
        io.drm.internal.DatabaseKind kind;
        switch (database.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "h2":
                kind = io.drm.internal.DatabaseKind.H2;
                break;
            case "postgresql":
            case "postgres":
                kind = io.drm.internal.DatabaseKind.POSTGRESQL;
                break;
            case "mariadb":
            case "mysql":
                kind = io.drm.internal.DatabaseKind.MYSQL;
                break;
            default:
                throw new IllegalArgumentException("unknown database '" + database
                        + "': use h2, postgresql, mariadb or mysql");
        }
        if (locations.isEmpty()) {
            throw new ConfigurationException("no locations: call locations(\"classpath:db/release\") or similar");
        }
        ClassLoader loader = classLoader != null ? classLoader
                : Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(),
                        OfflineCheck.class.getClassLoader());
        return io.drm.internal.lint.PlanLinter.lintOffline(locations, loader, kind);
    }

    /**
     * Runs the check.
     *
     * @return every finding, in file order; empty when all is well
     * @throws ConfigurationException if no location was given
     * @throws HistoryExportException if the history export cannot be read
     */
    public List<CheckFinding> run() {
        if (locations.isEmpty()) {
            throw new ConfigurationException("no locations: call locations(\"classpath:db/release\") or similar");
        }
        ClassLoader loader = classLoader != null ? classLoader
                : Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(),
                        OfflineCheck.class.getClassLoader());
        return new OfflineChecker(loader).check(locations, historyExport, requireManifests);
    }
}
