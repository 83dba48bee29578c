package io.drm;

import io.drm.internal.Connector;
import io.drm.internal.LocationScanner;
import io.drm.internal.PlanState;
import io.drm.internal.ReleaseEngine;
import io.drm.internal.Settings;
import io.drm.spi.AuditSink;
import io.drm.spi.ReleaseListener;
import io.drm.spi.Slf4jAuditSink;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The entry point of drm: plan and apply releases of schema changes to a database.
 *
 * <pre>{@code
 * // application code, on demand
 * ReleasePlan plan = DataRelease.configure()
 *         .dataSource(dataSource)                 // or .jdbc(url, user, password)
 *         .locations("classpath:db/release")
 *         .environment("staging")
 *         .plan();
 * System.out.println(plan.explain());
 * ReleaseResult result = plan.apply();
 *
 * // a framework's startup hook: idempotent, safe when many replicas start at once
 * DataRelease.configure().dataSource(dataSource).locations("classpath:db/release").onStartup();
 *
 * // a test
 * DataRelease.plan(h2DataSource, "classpath:db/release").apply();
 * }</pre>
 */
public final class DataRelease {

    private DataRelease() {
    }

    /**
     * Starts a configuration.
     *
     * @return a new builder
     */
    public static Builder configure() {
        return new Builder();
    }

    /**
     * Plans a release of the given locations to a data source, with the default settings.
     *
     * @param dataSource the database
     * @param locations where the migrations are ({@code classpath:...} or {@code filesystem:...})
     * @return the plan
     * @throws DrmException if the locations or the database state are not valid, with its code
     */
    public static ReleasePlan plan(DataSource dataSource, String... locations) {
        return configure().dataSource(dataSource).locations(locations).plan();
    }

    /**
     * Checks release locations without a database, for CI: version collisions between branches,
     * misnamed files, undo scripts without their migration. Every problem is collected; none is
     * thrown.
     *
     * <pre>{@code
     * assertThat(DataRelease.check("filesystem:src/main/resources/db/release")).isEmpty();
     * }</pre>
     *
     * @param locations the locations, in Flyway's syntax
     * @return the findings; empty when all is well
     * @throws ConfigurationException if a location has an unsupported prefix or a wildcard
     */
    public static List<CheckFinding> check(String... locations) {
        return offlineCheck().locations(locations).run();
    }

    /**
     * Checks release locations without a database, and compares their versions with a history
     * export of the target (a late-merged version below the highest released one is a finding).
     *
     * @param historyExport a CSV (with header) or JSON export of {@code flyway_schema_history}, as
     *     {@link HistoryExport#write} writes it
     * @param locations the locations, in Flyway's syntax
     * @return the findings; empty when all is well
     * @throws HistoryExportException if the export cannot be read
     */
    public static List<CheckFinding> check(java.nio.file.Path historyExport, String... locations) {
        return offlineCheck().locations(locations).historyExport(historyExport).run();
    }

    /**
     * Starts an offline check with options (history export, required manifests, class loader).
     *
     * @return a new check
     */
    public static OfflineCheck offlineCheck() {
        return new OfflineCheck();
    }

    /**
     * Configures a release. Setters reject {@code null} and nonsense at once; {@link #plan()} and
     * {@link #onStartup()} check the combination and work on a frozen copy, so a builder can be
     * reused and changed afterwards without affecting plans made from it. Not thread-safe.
     */
    public static final class Builder {

        private DataSource dataSource;
        private String url;
        private String user;
        private String password;
        private List<String> locations = List.of();
        private String environment = "default";
        private String actor = System.getProperty("user.name", "unknown");
        private AuditSink auditSink = Slf4jAuditSink.create();
        private Duration lockTimeout = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();
        private ClassLoader classLoader;
        private final List<ReleaseListener> listeners = new ArrayList<>();
        private io.drm.spi.ArtifactDecryptor keyring;
        private String baselineVersion;
        private String baselineDescription;
        private String liquibaseVersion;
        private java.util.Set<String> outOfOrderEnvironments = java.util.Set.of();
        private List<String> environments = List.of();
        private String requireFrom;
        private Attestation promotedFrom;
        private List<java.security.PublicKey> trustedKeys = List.of();
        private java.security.PrivateKey attestationKey;
        private io.drm.spi.ConfigStore configStore;
        private final List<Policy> policies = new ArrayList<>();
        private final java.util.Map<String, java.util.Map<String, java.security.PublicKey>> approvers =
                new java.util.LinkedHashMap<>();
        private Duration approvalValidity = Duration.ofDays(7);
        private io.drm.spi.MaskingGuard maskingGuard;

        private Builder() {
        }

        /**
         * Uses the application's data source. drm borrows connections and never closes it.
         *
         * @param dataSource the data source
         * @return this builder
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * Connects with a JDBC URL: drm opens a small HikariCP pool for each operation and closes it
         * afterwards. The password never appears in a message or a log line.
         *
         * @param url the JDBC URL, for example {@code jdbc:postgresql://db:5432/app}
         * @param user the user, or {@code null} when the URL or driver supplies it
         * @param password the password, or {@code null}
         * @return this builder
         */
        public Builder jdbc(String url, String user, String password) {
            Objects.requireNonNull(url, "url");
            if (!url.startsWith("jdbc:")) {
                throw new IllegalArgumentException("a JDBC URL starts with 'jdbc:'");
            }
            this.url = url;
            this.user = user;
            this.password = password;
            return this;
        }

        /**
         * Sets where the migrations are, in Flyway's syntax: {@code classpath:db/release} (the
         * default prefix) or {@code filesystem:/path/to/dir}.
         *
         * @param locations one or more locations
         * @return this builder
         * @throws ConfigurationException if a location has an unsupported prefix or a wildcard
         */
        public Builder locations(String... locations) {
            Objects.requireNonNull(locations, "locations");
            if (locations.length == 0) {
                throw new IllegalArgumentException("at least one location is needed");
            }
            for (String location : locations) {
                Objects.requireNonNull(location, "location");
                LocationScanner.checkSyntax(location);
            }
            this.locations = List.of(locations);
            return this;
        }

        /**
         * Names the environment the release goes to (recorded in the ledger and the audit trail).
         *
         * @param environment for example {@code staging}; default {@code default}
         * @return this builder
         */
        public Builder environment(String environment) {
            this.environment = nonBlank(environment, "environment");
            return this;
        }

        /**
         * Names who releases (recorded in the ledger and the audit trail).
         *
         * @param actor a user or service account; default the {@code user.name} system property
         * @return this builder
         */
        public Builder actor(String actor) {
            this.actor = nonBlank(actor, "actor");
            return this;
        }

        /**
         * Sets where audit events go. The default writes them to the SLF4J logger
         * {@code io.drm.audit}.
         *
         * @param auditSink the sink
         * @return this builder
         */
        public Builder auditSink(AuditSink auditSink) {
            this.auditSink = Objects.requireNonNull(auditSink, "auditSink");
            return this;
        }

        /**
         * Sets how long a release waits for the release lock that another release holds.
         *
         * @param lockTimeout a positive duration; default 5 minutes
         * @return this builder
         */
        public Builder lockTimeout(Duration lockTimeout) {
            Objects.requireNonNull(lockTimeout, "lockTimeout");
            if (lockTimeout.isNegative() || lockTimeout.isZero()) {
                throw new IllegalArgumentException("lockTimeout must be positive: " + lockTimeout);
            }
            this.lockTimeout = lockTimeout;
            return this;
        }

        /**
         * Sets the clock for the timestamps of the ledger and the audit trail.
         *
         * @param clock the clock; default UTC system clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the class loader that {@code classpath:} locations are read from.
         *
         * @param classLoader the class loader; default the thread's context class loader
         * @return this builder
         */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /**
         * Adds a listener that hears when releases start, apply steps, complete, fail or find nothing
         * to do (for metrics or notifications). May be called several times; listeners are called in
         * the order they were added. A listener that throws does not change the release.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(ReleaseListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Plans a release: reads the locations and the database's state without writing anything.
         *
         * @return the plan
         * @throws ConfigurationException if the configuration is incomplete
         * @throws DrmException if the locations or the database state are not valid, with its code
         */
        public ReleasePlan plan() {
            ReleaseEngine engine = new ReleaseEngine(freeze());
            ReleaseEngine.Evaluated planned = engine.plan(true);
            PlanState state = planned.state();
            List<Finding> findings = planned.findings();
            return new ReleasePlan(state.id(), state.currentVersion(), state.targetVersion(), state.steps(),
                    () -> engine.apply(state), io.drm.internal.data.ArtifactPlans.of(state.steps(), state.scan()),
                    () -> engine.dryRun(state), findings, planned.violations(),
                    approvals -> engine.apply(state, findings, approvals));
        }

        /**
         * The startup hook: brings the database up to date, safely when many replicas start at once.
         * Returns at once, without a Flyway scan, when the ledger shows that the database is at the
         * locations' content; otherwise applies what is pending under the release lock. Callers that
         * waited for another replica's release get an up-to-date result.
         *
         * @return what happened
         * @throws DrmException with its code when the release cannot be done
         */
        public ReleaseResult onStartup() {
            return new ReleaseEngine(freeze()).onStartup();
        }

        /**
         * Starts planning a rollback of the configured database, with the configured locations
         * (they hold the undo scripts).
         *
         * <pre>{@code
         * ReleasePlan plan = DataRelease.configure().dataSource(ds).locations("classpath:db/release")
         *         .rollback().toVersion("3");
         * plan.apply();
         * }</pre>
         *
         * @return the rollback planner
         * @throws ConfigurationException if the configuration is incomplete
         */
        public Rollback rollback() {
            return new Rollback(freeze());
        }

        /**
         * Lists and purges the safety snapshots of the configured database.
         *
         * @return the snapshots
         * @throws ConfigurationException if the configuration is incomplete
         */
        public Snapshots snapshots() {
            return new Snapshots(new io.drm.internal.SnapshotStore(freeze()));
        }

        /**
         * Checks for drift: compares the live schema with the snapshot the last successful release
         * recorded, and artifact-owned tables with their recorded fingerprints. Needs only the
         * database (no locations). When anything differs, audits {@code drift.detected} through the
         * configured audit sink. Same as {@code detectDrift(false)}.
         *
         * <pre>{@code
         * DriftReport drift = DataRelease.configure().dataSource(dataSource).detectDrift();
         * if (!drift.isClean()) {
         *     System.out.println(drift.toJson());
         * }
         * }</pre>
         *
         * @return the report
         * @throws NoSchemaSnapshotException when no release has recorded a snapshot yet
         * @throws DiffFailedException when the database cannot be read
         */
        public DriftReport detectDrift() {
            return detectDrift(false);
        }

        /**
         * Checks for drift as {@link #detectDrift()} does and, with {@code nameChangedKeys}, names
         * up to 1,000 changed keys of each artifact-owned table whose fingerprint was recorded with
         * per-row hashes ({@code row <table>[<key>]} differences).
         *
         * @param nameChangedKeys whether to name changed keys (reads those tables' rows)
         * @return the report
         * @throws NoSchemaSnapshotException when no release has recorded a snapshot yet
         * @throws DiffFailedException when the database cannot be read
         */
        public DriftReport detectDrift(boolean nameChangedKeys) {
            return io.drm.internal.DriftDetector.detect(freezeDatabase(), nameChangedKeys);
        }

        /** Like {@link #freeze()} but without locations, for operations that only read the database. */
        private Settings freezeDatabase() {
            if (dataSource != null && url != null) {
                throw new ConfigurationException("both dataSource(...) and jdbc(...) were given; use one of them");
            }
            if (dataSource == null && url == null) {
                throw new ConfigurationException("no database: call dataSource(...) or jdbc(url, user, password)");
            }
            Connector connector = dataSource != null ? Connector.of(dataSource) : Connector.jdbc(url, user, password);
            ClassLoader loader = classLoader != null ? classLoader
                    : Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(),
                            DataRelease.class.getClassLoader());
            return new Settings(connector, locations, environment, actor, auditSink, lockTimeout, clock,
                    () -> UUID.randomUUID().toString(), loader);
        }

        private Settings freeze() {
            if (dataSource != null && url != null) {
                throw new ConfigurationException("both dataSource(...) and jdbc(...) were given; use one of them");
            }
            if (dataSource == null && url == null) {
                throw new ConfigurationException("no database: call dataSource(...) or jdbc(url, user, password)");
            }
            if (locations.isEmpty()) {
                throw new ConfigurationException("no locations: call locations(\"classpath:db/release\") or similar");
            }
            Connector connector = dataSource != null ? Connector.of(dataSource) : Connector.jdbc(url, user, password);
            ClassLoader loader = classLoader != null ? classLoader
                    : Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(),
                            DataRelease.class.getClassLoader());
            if (baselineVersion != null && liquibaseVersion != null) {
                throw new ConfigurationException("both baseline(...) and importLiquibase(...) were given; a Liquibase"
                        + " import baselines at its own version, so use one of them");
            }
            return new Settings(connector, locations, environment, actor, auditSink, lockTimeout, clock,
                    () -> UUID.randomUUID().toString(), loader, keyring, new io.drm.internal.Adoption(baselineVersion,
                            baselineDescription, liquibaseVersion, outOfOrderEnvironments), promotion(), listeners,
                    configStore, policy());
        }

        private io.drm.internal.policy.PolicySettings policy() {
            List<io.drm.spi.ReleasePolicy> rules = new ArrayList<>();
            for (Policy p : policies) {
                for (io.drm.spi.ReleasePolicy r : p.rules()) {
                    rules.add(bind(r));
                }
            }
            return new io.drm.internal.policy.PolicySettings(rules, approvers, approvalValidity);
        }

        private io.drm.spi.ReleasePolicy bind(io.drm.spi.ReleasePolicy rule) {
            if (rule instanceof io.drm.internal.policy.Rules.Waivable w) {
                return new io.drm.internal.policy.Rules.Waivable(bind(w.rule()), w.waivable());
            }
            if (rule instanceof io.drm.internal.policy.Rules.MaskedColumns m && m.guard() == null) {
                if (maskingGuard == null) {
                    throw new ConfigurationException("a policy has the rule masked-classified-columns but no masking"
                            + " guard was given: call maskingGuard(PromotionGuard.releaseGuard(source, rules)) from"
                            + " drm-masking, or remove the rule");
                }
                return new io.drm.internal.policy.Rules.MaskedColumns(maskingGuard, m.environments());
            }
            return rule;
        }

        /**
         * Adds policies: built-in rules ({@link Policy#requireApproval(String...)} and the other
         * factories), policy files ({@link Policy#load(java.nio.file.Path)}) and Java rules
         * ({@link Policy#of(io.drm.spi.ReleasePolicy...)}). May be called several times; every rule of
         * every policy must hold. Each plan lists what they find ({@link ReleasePlan#violations()}),
         * and {@code apply()} and {@link #onStartup()} refuse a blocked plan before the release lock
         * ({@link PolicyViolationException}). Without policies nothing is checked.
         *
         * @param policies the policies
         * @return this builder
         */
        public Builder policies(Policy... policies) {
            Objects.requireNonNull(policies, "policies");
            for (Policy p : policies) {
                this.policies.add(Objects.requireNonNull(p, "policy"));
            }
            return this;
        }

        /**
         * Adds the policy of a JSON or YAML policy file (see docs/policy.md).
         *
         * @param file the policy file
         * @return this builder
         * @throws InvalidPolicyException ({@code DRM-POLICY-001}) if the file cannot be read or is not a
         *     valid policy; the message names the line and field
         */
        public Builder policies(java.nio.file.Path file) {
            return policies(Policy.load(file));
        }

        /**
         * Adds the policy of JSON or YAML text (see docs/policy.md).
         *
         * @param text the policy
         * @return this builder
         * @throws InvalidPolicyException ({@code DRM-POLICY-001}) if it is not a valid policy
         */
        public Builder policies(String text) {
            return policies(Policy.parse(text));
        }

        /**
         * Lists an approver of an environment: approvals ({@link Approval}) of releases to that
         * environment are accepted when signed by this name with this key. May be called for several
         * approvers and environments; a name given again for an environment replaces its key.
         *
         * @param environment the environment, for example {@code prod}
         * @param name the approver's name, as in the approvals
         * @param key the approver's Ed25519 public key
         * @return this builder
         * @throws IllegalArgumentException if a name is blank or the key is not an Ed25519 key
         */
        public Builder approver(String environment, String name, java.security.PublicKey key) {
            Objects.requireNonNull(key, "key");
            if (!"EdDSA".equals(key.getAlgorithm()) && !"Ed25519".equals(key.getAlgorithm())) {
                throw new IllegalArgumentException("an approver's key must be an Ed25519 key, not " + key.getAlgorithm());
            }
            approvers.computeIfAbsent(nonBlank(environment, "environment"), e -> new java.util.LinkedHashMap<>())
                    .put(nonBlank(name, "name"), key);
            return this;
        }

        /**
         * Sets how long after its time an approval is accepted (by the builder's clock).
         *
         * @param validity a positive duration; default 7 days
         * @return this builder
         */
        public Builder approvalValidity(Duration validity) {
            Objects.requireNonNull(validity, "validity");
            if (validity.isNegative() || validity.isZero()) {
                throw new IllegalArgumentException("approvalValidity must be positive: " + validity);
            }
            this.approvalValidity = validity;
            return this;
        }

        /**
         * Sets the masking guard that the policy rule {@code masked-classified-columns} of policy files
         * asks; drm-masking's {@code PromotionGuard.releaseGuard(sourceEnvironment, rules)} is one.
         *
         * @param guard the guard
         * @return this builder
         */
        public Builder maskingGuard(io.drm.spi.MaskingGuard guard) {
            this.maskingGuard = Objects.requireNonNull(guard, "guard");
            return this;
        }

        /**
         * Sets the keyring that decrypts encrypted data artifacts ({@code V<version>__<name>.csv.enc},
         * {@code .json.enc}, {@code .ndjson.enc}) while they stream into their tables; drm-masking's
         * {@code Keyring} is one. Without it, a plan that meets an encrypted artifact fails with
         * {@code DRM-DATA-006} before anything is written.
         *
         * @param keyring the decryptor
         * @return this builder
         */
        public Builder keyring(io.drm.spi.ArtifactDecryptor keyring) {
            this.keyring = Objects.requireNonNull(keyring, "keyring");
            return this;
        }

        /**
         * Takes over a database that already holds objects but has no Flyway history: the first
         * release baselines it at {@code version} (Flyway's baseline), so only migrations above
         * that version run, and drm records where it started (a {@code BASELINE} row in
         * {@code drm_release}). On an empty schema the baseline does nothing and every migration runs,
         * so one configuration serves production and fresh test databases alike; on a schema that
         * already has history it is ignored. Without it, a schema with objects and no history is
         * refused ({@link ExistingSchemaException}, {@code DRM-CORE-040}).
         *
         * <pre>{@code
         * DataRelease.configure().dataSource(ds).locations("classpath:db/release")
         *         .baseline("41", "schema as of release 2024.3")
         *         .onStartup();
         * }</pre>
         *
         * @param version the version the existing schema is at, for example {@code 41} or {@code 2.3}
         * @param description a description recorded in Flyway's history and drm's ledger
         * @return this builder
         * @throws IllegalArgumentException if the version is not a Flyway version or the description is blank
         */
        public Builder baseline(String version, String description) {
            this.baselineVersion = version(version);
            this.baselineDescription = nonBlank(description, "description");
            return this;
        }

        /**
         * Returns a reader of the configuration released to this database ({@code .config.json} and
         * {@code .config.yaml} documents, stored in {@code drm_config}, or in the store given to
         * {@link #configStore(io.drm.spi.ConfigStore)}), by key at the live version or any earlier
         * one. Needs only the database ({@code dataSource(...)} or {@code jdbc(...)}).
         *
         * @return the reader
         * @throws ConfigurationException if no database or both kinds were given
         */
        public ConfigReader config() {
            if (dataSource != null && url != null) {
                throw new ConfigurationException("both dataSource(...) and jdbc(...) were given; use one of them");
            }
            if (dataSource == null && url == null) {
                throw new ConfigurationException("no database: call dataSource(...) or jdbc(url, user, password)");
            }
            if (configStore != null) {
                return ConfigReader.of(configStore);
            }
            Connector connector = dataSource != null ? Connector.of(dataSource) : Connector.jdbc(url, user, password);
            return ConfigReader.of(new io.drm.internal.data.JdbcConfigStore(connector));
        }

        /**
         * Puts released configuration documents in another store instead of the database's
         * {@code drm_config} tables, for example drm-redis's {@code RedisConfigStore}: each
         * {@code .config.json} / {@code .config.yaml} step stores its document there and switches
         * the live version, {@link #config()} reads it, and canaries switch back there. A release
         * with configuration documents and a canary check that the store is reachable
         * ({@link io.drm.spi.ConfigStore#ping()}) before the release lock, so an unreachable store
         * refuses them with nothing written. drm never closes the store.
         *
         * <pre>{@code
         * try (RedisConfigStore redis = RedisConfigStore.open("127.0.0.1", 6379)) {
         *     DataRelease.configure().dataSource(ds).locations("classpath:db/release")
         *             .configStore(redis).onStartup();
         * }
         * }</pre>
         *
         * @param store the store
         * @return this builder
         */
        public Builder configStore(io.drm.spi.ConfigStore store) {
            this.configStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Switches a database from Liquibase to drm: the first release copies every row of Liquibase's
         * {@code DATABASECHANGELOG} (id, author, file, date, order, type, MD5 checksum, description,
         * tag, deployment id) into drm's {@code drm_imported_history}, records an {@code IMPORTED} row
         * in {@code drm_release}, and baselines Flyway at {@code version}: the changesets Liquibase
         * applied are never run again, and the drm migrations above {@code version} continue from
         * there. Refused when a changeset is recorded as failed, and ignored once Flyway has a
         * history. On an empty schema (a fresh environment), every migration runs.
         *
         * <pre>{@code
         * DataRelease.configure().dataSource(ds).locations("classpath:db/release")
         *         .importLiquibase("100")      // V100__... and below describe what Liquibase did
         *         .onStartup();
         * }</pre>
         *
         * @param version the Flyway version that stands for the state Liquibase left
         * @return this builder
         * @throws IllegalArgumentException if the version is not a Flyway version
         */
        public Builder importLiquibase(String version) {
            this.liquibaseVersion = version(version);
            return this;
        }

        /**
         * Signs each applied release's attestation ({@link ReleaseResult#attestation()}) with an
         * Ed25519 key (the JDK's {@code KeyPairGenerator.getInstance("Ed25519")}). Without a key the
         * attestation is unsigned: readable, but {@link Attestation#verify} is {@code false} and no
         * promotion accepts it.
         *
         * @param key the Ed25519 private key
         * @return this builder
         * @throws IllegalArgumentException if the key is not an Ed25519 (EdDSA) key
         */
        public Builder attestationKey(java.security.PrivateKey key) {
            Objects.requireNonNull(key, "key");
            if (!"EdDSA".equals(key.getAlgorithm()) && !"Ed25519".equals(key.getAlgorithm())) {
                throw new IllegalArgumentException("the attestation key must be an Ed25519 key, not "
                        + key.getAlgorithm());
            }
            this.attestationKey = key;
            return this;
        }

        /**
         * Applies late-merged migrations whose version is below the database's current version, in the
         * given environments only (Flyway's {@code outOfOrder}): each is logged at WARN, recorded with
         * status {@code OUT_OF_ORDER} in {@code drm_release_step} and audited as
         * {@code migration.applied} with {@code outOfOrder=true}. In other environments such a
         * migration is refused ({@code DRM-CORE-013}) as before.
         *
         * @param environments environment names, for example {@code "dev", "staging"}; none turns it off
         * @return this builder
         */
        public Builder outOfOrder(String... environments) {
            Objects.requireNonNull(environments, "environments");
            java.util.Set<String> set = new java.util.LinkedHashSet<>();
            for (String environment : environments) {
                set.add(nonBlank(environment, "environment"));
            }
            this.outOfOrderEnvironments = java.util.Set.copyOf(set);
            return this;
        }

        private static String version(String version) {
            Objects.requireNonNull(version, "version");
            if (!version.matches("\\d+([._]\\d+)*")) {
                throw new IllegalArgumentException("not a Flyway version (digits separated by . or _): " + version);
            }
            return version.replace('_', '.');
        }

        /**
         * Signs attestations with the private key of an Ed25519 key pair.
         *
         * @param keyPair the key pair
         * @return this builder
         * @see #attestationKey(java.security.PrivateKey)
         */
        public Builder attestationKey(java.security.KeyPair keyPair) {
            Objects.requireNonNull(keyPair, "keyPair");
            return attestationKey(keyPair.getPrivate());
        }

        /**
         * Orders the environments a release is promoted through, for example
         * {@code environments("dev", "staging", "prod")}. The {@link #environment(String)} released
         * to must be one of them; releasing to the last one requires, by default, an attestation from
         * the one before it ({@link #requireAttestationFrom(String)}).
         *
         * @param environments two or more distinct names, in promotion order
         * @return this builder
         */
        public Builder environments(String... environments) {
            Objects.requireNonNull(environments, "environments");
            if (environments.length < 2) {
                throw new IllegalArgumentException("environments needs at least two names, in promotion order");
            }
            List<String> list = new java.util.ArrayList<>();
            for (String e : environments) {
                String name = nonBlank(e, "environment");
                if (list.contains(name)) {
                    throw new IllegalArgumentException("environment '" + name + "' is listed twice");
                }
                list.add(name);
            }
            this.environments = List.copyOf(list);
            return this;
        }

        /**
         * Requires a valid attestation from the given environment (through
         * {@link #promotedFrom(Attestation)}) for exactly the content about to run; otherwise the
         * release is refused before the lock with a {@link PromotionRefusedException}. When
         * {@link #environments(String...)} are set, it must be the environment right before the one
         * released to.
         *
         * @param environment the environment that must have released the same content
         * @return this builder
         */
        public Builder requireAttestationFrom(String environment) {
            this.requireFrom = nonBlank(environment, "environment");
            return this;
        }

        /**
         * Supplies the attestation of the previous environment's release of the same content.
         *
         * @param attestation the attestation, as {@link Attestation#parse(String)} read it
         * @return this builder
         */
        public Builder promotedFrom(Attestation attestation) {
            this.promotedFrom = Objects.requireNonNull(attestation, "attestation");
            return this;
        }

        /**
         * Sets the public keys whose signatures a promotion accepts (replacing earlier ones).
         *
         * @param keys one or more Ed25519 public keys
         * @return this builder
         */
        public Builder trustAttestationKeys(java.security.PublicKey... keys) {
            Objects.requireNonNull(keys, "keys");
            if (keys.length == 0) {
                throw new IllegalArgumentException("at least one trusted key is needed");
            }
            for (java.security.PublicKey k : keys) {
                Objects.requireNonNull(k, "key");
            }
            this.trustedKeys = List.of(keys);
            return this;
        }

        /**
         * Starts a canary configuration release of the configured locations: see {@link Canary}.
         *
         * @param check the health check polled over the window
         * @return the canary, to configure and {@link Canary#release()}
         * @throws ConfigurationException if the configuration is incomplete
         */
        public Canary canary(CanaryCheck check) {
            Objects.requireNonNull(check, "check");
            return new Canary(freeze(), check);
        }

        private io.drm.internal.PromotionSettings promotion() {
            String from = requireFrom;
            if (!environments.isEmpty()) {
                int at = environments.indexOf(environment);
                if (at < 0) {
                    throw new ConfigurationException("the environment '" + environment + "' is not one of the"
                            + " configured environments " + environments + "; set environment(...) to one of them");
                }
                if (from == null && at == environments.size() - 1) {
                    from = environments.get(at - 1);
                }
                if (from != null && (at == 0 || !environments.get(at - 1).equals(from))) {
                    throw new ConfigurationException("requireAttestationFrom(\"" + from + "\") does not name the"
                            + " environment before '" + environment + "' in " + environments);
                }
            }
            return new io.drm.internal.PromotionSettings(environments, from, promotedFrom, trustedKeys, attestationKey);
        }

        private static String nonBlank(String value, String what) {
            Objects.requireNonNull(value, what);
            if (value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return value;
        }
    }
}
