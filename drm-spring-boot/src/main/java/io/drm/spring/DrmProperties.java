package io.drm.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code drm.*} properties of a Spring Boot application.
 */
@ConfigurationProperties("drm")
public class DrmProperties {

    /**
     * Whether drm releases the application's DataSource at startup. While it does, Spring Boot's
     * own Flyway auto-configuration is switched off.
     */
    private boolean enabled = true;

    /**
     * Where the migrations and data artifacts are, in Flyway's syntax (classpath:db/release or
     * filesystem:/path).
     */
    private List<String> locations = new ArrayList<>(List.of("classpath:db/release"));

    /** The environment the release goes to, recorded in the ledger and the audit trail. */
    private String environment = "default";

    /**
     * Who releases, recorded in the ledger and the audit trail. Defaults to the user.name system
     * property.
     */
    private String actor;

    /** How long a starting application waits for the release lock held by another replica. */
    private Duration lockTimeout = Duration.ofMinutes(5);

    /** Where audit events go, besides AuditSink beans of the application. */
    private final Audit audit = new Audit();

    private final Health health = new Health();

    /**
     * @return whether drm releases at startup
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * @param enabled whether drm releases at startup
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * @return the locations
     */
    public List<String> getLocations() {
        return locations;
    }

    /**
     * @param locations the locations
     */
    public void setLocations(List<String> locations) {
        this.locations = locations;
    }

    /**
     * @return the environment
     */
    public String getEnvironment() {
        return environment;
    }

    /**
     * @param environment the environment
     */
    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    /**
     * @return the actor, or {@code null} for the default
     */
    public String getActor() {
        return actor;
    }

    /**
     * @param actor the actor
     */
    public void setActor(String actor) {
        this.actor = actor;
    }

    /**
     * @return the lock timeout
     */
    public Duration getLockTimeout() {
        return lockTimeout;
    }

    /**
     * @param lockTimeout the lock timeout
     */
    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    /**
     * @return the audit settings
     */
    public Audit getAudit() {
        return audit;
    }

    /**
     * @return the health indicator settings
     */
    public Health getHealth() {
        return health;
    }

    /** The {@code drm.health.*} properties: what the {@code drm} health indicator checks. */
    public static class Health {
        /**
         * Whether the indicator reports schema and data drift against the last release's snapshot
         * (the {@code drift} detail; drift never turns the status DOWN).
         */
        private boolean drift = true;

        /** How long a drift check is reused before the next health request checks again. */
        private Duration driftInterval = Duration.ofMinutes(5);

        /**
         * @return whether drift is reported
         */
        public boolean isDrift() {
            return drift;
        }

        /**
         * @param drift whether drift is reported
         */
        public void setDrift(boolean drift) {
            this.drift = drift;
        }

        /**
         * @return how long a drift check is reused
         */
        public Duration getDriftInterval() {
            return driftInterval;
        }

        /**
         * @param driftInterval how long a drift check is reused (zero: every request checks)
         */
        public void setDriftInterval(Duration driftInterval) {
            if (driftInterval == null || driftInterval.isNegative()) {
                throw new IllegalArgumentException("drm.health.drift-interval must be zero or positive, not "
                        + driftInterval);
            }
            this.driftInterval = driftInterval;
        }
    }

    /** The {@code drm.audit.*} properties: drm-audit's durable, tamper-evident sinks. */
    public static class Audit {

        /**
         * Whether audit events go to the drm_audit_log table of the application's DataSource
         * (drm-audit's JdbcAuditSink; needs drm-audit on the class path).
         */
        private boolean jdbc;

        /**
         * A JSON-lines file the audit events go to (drm-audit's JsonLinesAuditSink; needs drm-audit
         * on the class path).
         */
        private Path file;

        /**
         * An unencrypted PKCS#8 PEM file with the Ed25519 key that signs the audit sinks' checkpoints
         * (as written by openssl genpkey -algorithm ed25519).
         */
        private Path signingKey;

        /**
         * @return whether the JDBC audit sink is used
         */
        public boolean isJdbc() {
            return jdbc;
        }

        /**
         * @param jdbc whether the JDBC audit sink is used
         */
        public void setJdbc(boolean jdbc) {
            this.jdbc = jdbc;
        }

        /**
         * @return the JSON-lines file, or {@code null}
         */
        public Path getFile() {
            return file;
        }

        /**
         * @param file the JSON-lines file
         */
        public void setFile(Path file) {
            this.file = file;
        }

        /**
         * @return the signing key's PEM file, or {@code null}
         */
        public Path getSigningKey() {
            return signingKey;
        }

        /**
         * @param signingKey the signing key's PEM file
         */
        public void setSigningKey(Path signingKey) {
            this.signingKey = signingKey;
        }
    }
}
