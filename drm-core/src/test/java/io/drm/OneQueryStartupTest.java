package io.drm;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.testing.CountingDataSource;
import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** An up-to-date startup costs one connection and one query. */
final class OneQueryStartupTest {

    @TempDir
    Path dir;

    @OnEachDatabase
    void an_up_to_date_startup_uses_one_connection_and_one_query(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            CountingDataSource counting = new CountingDataSource(db.dataSource());
            DataRelease.Builder builder = DataRelease.configure().dataSource(counting).locations(m.location());
            assertThat(builder.onStartup().appliedSteps()).hasSize(3);

            counting.reset();
            ReleaseResult result = builder.onStartup();

            assertThat(result.upToDate()).isTrue();
            assertThat(counting.connections()).as("connections").isEqualTo(1);
            assertThat(counting.statements()).as("statements").hasSize(1);
            assertThat(counting.statements().get(0)).contains("flyway_schema_history").contains("drm_release");
        }
    }

    @OnEachDatabase
    void a_history_written_by_flyway_alone_costs_one_connection_once_recorded(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            Flyway.configure().dataSource(db.dataSource()).locations(m.location()).load().migrate();
            CountingDataSource counting = new CountingDataSource(db.dataSource());
            DataRelease.Builder builder = DataRelease.configure().dataSource(counting).locations(m.location());
            assertThat(builder.onStartup().upToDate()).isTrue(); // records UP_TO_DATE in a new ledger

            counting.reset();
            assertThat(builder.onStartup().upToDate()).isTrue();
            assertThat(counting.connections()).isEqualTo(1);
            assertThat(counting.statements()).hasSize(1);
        }
    }

    @OnEachDatabase
    void a_first_release_through_connections_not_in_auto_commit_falls_back_cleanly(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            Flyway.configure().dataSource(db.dataSource()).locations(m.location()).target("2").load().migrate();
            com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
            config.setAutoCommit(false);
            config.setMaximumPoolSize(4);
            try (com.zaxxer.hikari.HikariDataSource manual = new com.zaxxer.hikari.HikariDataSource(config)) {
                // drm_release does not exist yet, so the combined query fails and drm falls back.
                ReleasePlan plan = DataRelease.plan(manual, m.location());
                assertThat(plan.currentVersion()).isEqualTo("2");
                assertThat(plan.steps()).extracting(ReleaseStep::version).containsExactly("3");
            }
        }
    }

    /**
     * On PostgreSQL the driver's own protocol log shows the round trips: one Sync per query. The
     * driver answers the metadata drm reads (product name, identifier quote) without the server,
     * and a new session sends its settings in the startup packet, not as queries.
     */
    @Test
    void on_postgresql_without_a_pool_the_startup_is_one_round_trip() {
        try (TestDatabase db = TestDatabase.create(DbKind.POSTGRESQL)) {
            Migrations m = Migrations.in(dir).standard();
            PGSimpleDataSource simple = new PGSimpleDataSource();
            simple.setURL(db.url());
            simple.setUser(db.user());
            simple.setPassword(db.password());
            DataRelease.Builder builder = DataRelease.configure().dataSource(simple).locations(m.location());
            builder.onStartup();
            Logger protocol = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
            List<String> sent = new ArrayList<>();
            Handler handler = new Handler() {
                @Override
                public void publish(LogRecord record) {
                    String text = String.valueOf(record.getMessage());
                    if (text.contains("FE=> Sync")) {
                        sent.add(text);
                    }
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            Level before = protocol.getLevel();
            protocol.setLevel(Level.FINEST);
            protocol.addHandler(handler);
            try {
                assertThat(builder.onStartup().upToDate()).isTrue();
            } finally {
                protocol.removeHandler(handler);
                protocol.setLevel(before);
            }
            assertThat(sent).as("round trips (Sync messages)").hasSize(1);
        }
    }
}
