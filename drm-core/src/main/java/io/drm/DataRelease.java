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
        private AuditSink auditSink = new Slf4jAuditSink();
        private Duration lockTimeout = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();
        private ClassLoader classLoader;
        private final List<ReleaseListener> listeners = new ArrayList<>();

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
            PlanState state = engine.plan();
            return new ReleasePlan(state.id(), state.currentVersion(), state.targetVersion(), state.steps(),
                    () -> engine.apply(state));
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
            return new Settings(connector, locations, environment, actor, auditSink, lockTimeout, clock,
                    () -> UUID.randomUUID().toString(), loader, listeners);
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
