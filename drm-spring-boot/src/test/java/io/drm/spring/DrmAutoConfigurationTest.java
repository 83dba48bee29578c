package io.drm.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.drm.DrmException;
import io.drm.MigrationFailedException;
import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** Real Spring Boot application contexts with drm's auto-configuration. */
final class DrmAutoConfigurationTest {

    @TempDir
    Path dir;

    @OnEachDatabase
    void drm_releases_before_a_jdbc_template_bean_reads_the_schema(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir.resolve("db")).standard();
            try (ConfigurableApplicationContext context = BootApp.start(db, m.location(), TestApps.App.class)) {
                assertThat(context.getBean(TestApps.CustomerCount.class).count).isEqualTo(1);
                assertThat(context.getBean(DataReleaseInitializer.class).result()).get()
                        .satisfies(r -> assertThat(r.appliedSteps()).hasSize(3));
                assertThat(db.queryStrings("SELECT actor FROM drm_release")).containsExactly("customized-actor");
                assertThat(context.getBean(TestApps.RecordingSink.class).events)
                        .extracting(e -> e.action()).contains("release.started", "release.completed");
            }
        }
    }

    @OnEachDatabase
    void boot_flyway_does_not_run_while_drm_is_enabled(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir.resolve("db")).standard();
            try (ConfigurableApplicationContext context = BootApp.start(db, m.location(), TestApps.App.class)) {
                assertThat(context.getBeanNamesForType(Flyway.class)).isEmpty();
                assertThat(db.tableExists("boot_flyway_ran")).isFalse();
                assertThat(db.appliedVersions()).containsExactly("1", "2", "3");
            }
        }
    }

    @OnEachDatabase
    void boot_flyway_runs_when_drm_is_disabled(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir.resolve("db")).standard();
            try (ConfigurableApplicationContext context = BootApp.start(db, m.location(), TestApps.Plain.class,
                    "drm.enabled=false")) {
                assertThat(context.getBeanNamesForType(DataReleaseInitializer.class)).isEmpty();
                assertThat(context.getBeanNamesForType(Flyway.class)).hasSize(1);
                assertThat(db.tableExists("boot_flyway_ran")).as("Boot's Flyway ran db/migration").isTrue();
            }
        }
    }

    @OnEachDatabase
    void a_failing_release_stops_the_context_with_the_drm_code(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir.resolve("db")).standard()
                    .add("V4__broken.sql", "ALTER TABLE no_such_table ADD x INT;\n");

            Throwable thrown = catchThrowable(() -> BootApp.start(db, m.location(), TestApps.App.class).close());

            DrmException drm = drmCause(thrown);
            assertThat(drm).isInstanceOf(MigrationFailedException.class);
            assertThat(drm.code().id()).isEqualTo("DRM-CORE-009");
            assertThat(drm.getMessage()).contains("V4__broken.sql");
        }
    }

    @OnEachDatabase
    void a_signing_key_without_a_sink_stops_the_context_with_drm_boot_001(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir.resolve("db")).standard();

            Throwable thrown = catchThrowable(() -> BootApp.start(db, m.location(), TestApps.Plain.class,
                    "drm.audit.signing-key=" + dir.resolve("key.pem")).close());

            DrmException drm = drmCause(thrown);
            assertThat(drm.code()).isEqualTo(DrmBootConfigurationException.CODE);
            assertThat(drm.getMessage()).contains("drm.audit.signing-key");
            assertThat(db.tableExists("customer")).isFalse();
        }
    }

    @OnEachDatabase
    void drm_audit_jdbc_writes_the_release_to_the_audit_table(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir.resolve("db")).standard();
            try (ConfigurableApplicationContext context = BootApp.start(db, m.location(), TestApps.App.class,
                    "drm.audit.jdbc=true")) {
                assertThat(db.queryLong("SELECT COUNT(*) FROM drm_audit_log")).isGreaterThanOrEqualTo(5);
                assertThat(context.getBean(TestApps.RecordingSink.class).events).isNotEmpty();
            }
        }
    }

    @OnEachDatabase
    void release_metrics_are_in_the_registry(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir.resolve("db")).standard();
            try (ConfigurableApplicationContext context = BootApp.start(db, m.location(), TestApps.App.class)) {
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                assertThat(registry.get("drm.release").tag("outcome", "applied").tag("environment", "test").timer()
                        .count()).isEqualTo(1);
                assertThat(registry.get("drm.release.steps").tag("environment", "test").counter().count())
                        .isEqualTo(3.0);
                assertThat(registry.get("drm.audit.events").tag("action", "migration.applied").counter().count())
                        .isEqualTo(3.0);
                assertThat(registry.get("drm.audit.events").tag("action", "release.completed").counter().count())
                        .isEqualTo(1.0);
                assertThat(registry.get("drm.masking.rows").counter().count()).isZero();
            }
            try (ConfigurableApplicationContext context = BootApp.start(db, m.location(), TestApps.App.class)) {
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                assertThat(registry.get("drm.release").tag("outcome", "up_to_date").timer().count()).isEqualTo(1);
                assertThat(registry.find("drm.release").tag("outcome", "applied").timer()).isNull();
            }
        }
    }

    @OnEachDatabase
    void the_health_indicator_reports_the_release_state(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir.resolve("db")).standard();
            try (ConfigurableApplicationContext context = BootApp.start(db, m.location(), TestApps.App.class)) {
                Object indicator = context.getBean("drmHealthIndicator");
                HealthView up = HealthView.of(indicator);
                assertThat(up.status).isEqualTo("UP");
                assertThat(up.details).containsEntry("currentVersion", "3").containsEntry("upToDate", true)
                        .containsEntry("pendingSteps", 0);
                assertThat(up.details.get("lastRelease").toString()).contains("status=SUCCEEDED");

                m.add("V4__add_phone.sql", "ALTER TABLE customer ADD phone VARCHAR(30);\n");
                HealthView pending = HealthView.of(indicator);
                assertThat(pending.details).containsEntry("upToDate", false).containsEntry("pendingSteps", 1)
                        .containsEntry("targetVersion", "4");
            }
        }
    }

    @OnEachDatabase
    void the_health_indicator_reports_drift_without_going_down(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir.resolve("db")).standard();
            try (ConfigurableApplicationContext context = BootApp.start(db, m.location(), TestApps.App.class,
                    "drm.health.drift-interval=0s")) {
                Object indicator = context.getBean("drmHealthIndicator");
                assertThat(HealthView.of(indicator).details).containsEntry("drift", "clean");

                db.execute("ALTER TABLE customer ADD hand_made INT");
                HealthView drifted = HealthView.of(indicator);
                assertThat(drifted.status).as("drift is reported, not an outage").isEqualTo("UP");
                assertThat(drifted.details.get("drift")).isInstanceOf(java.util.Map.class);
                java.util.Map<?, ?> drift = (java.util.Map<?, ?>) drifted.details.get("drift");
                assertThat((Integer) drift.get("count")).isPositive();
                assertThat(drift.get("differences").toString().toLowerCase(java.util.Locale.ROOT))
                        .contains("hand_made");
                assertThat(context.getBean(TestApps.RecordingSink.class).events).extracting(e -> e.action())
                        .contains("drift.detected");

                db.execute("ALTER TABLE customer DROP COLUMN hand_made");
                assertThat(HealthView.of(indicator).details).containsEntry("drift", "clean");
            }
            try (ConfigurableApplicationContext context = BootApp.start(db, m.location(), TestApps.App.class)) {
                Object indicator = context.getBean("drmHealthIndicator");
                assertThat(HealthView.of(indicator).details).containsEntry("drift", "clean");
                db.execute("ALTER TABLE customer ADD hand_made INT");
                assertThat(HealthView.of(indicator).details).as("reused for drm.health.drift-interval (5 minutes)")
                        .containsEntry("drift", "clean");
            }
            try (ConfigurableApplicationContext context = BootApp.start(db, m.location(), TestApps.App.class,
                    "drm.health.drift=false")) {
                HealthView health = HealthView.of(context.getBean("drmHealthIndicator"));
                assertThat(health.details).doesNotContainKey("drift").containsEntry("upToDate", true);
            }
        }
    }

    private static DrmException drmCause(Throwable thrown) {
        assertThat(thrown).as("the context must not start").isNotNull();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof DrmException d) {
                return d;
            }
        }
        throw new AssertionError("no DrmException in the cause chain", thrown);
    }

    /** The status and details of a Boot 3 or Boot 4 {@code Health}, read the same way on both. */
    record HealthView(String status, java.util.Map<String, Object> details) {
        @SuppressWarnings("unchecked")
        static HealthView of(Object indicator) throws Exception {
            Object health = indicator.getClass().getMethod("health").invoke(indicator);
            Object status = health.getClass().getMethod("getStatus").invoke(health);
            String code = (String) status.getClass().getMethod("getCode").invoke(status);
            return new HealthView(code, (java.util.Map<String, Object>) health.getClass().getMethod("getDetails")
                    .invoke(health));
        }
    }

}
