package io.drm;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** Configuration documents released with the schema and read back by version, on every database. */
final class ConfigReleaseTest {

    @TempDir
    Path dir;

    @OnEachDatabase
    void configuration_reads_back_at_the_live_and_at_earlier_versions(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).add("V1__create_t.sql", "CREATE TABLE t (id INT PRIMARY KEY);\n")
                    .add("V2__flags.config.json", "{\"checkout.newFlow\": false, \"limits\": {\"cart\": 20},"
                            + " \"banner\": \"Hello\"}");
            ReleasePlan plan = DataRelease.plan(db.dataSource(), m.location());
            assertThat(plan.steps()).extracting(ReleaseStep::kind).containsExactly(StepKind.SQL, StepKind.CONFIG);
            assertThat(plan.artifacts().get(0).explain()).contains("-> drm_config (config, 3 rows)");
            ReleaseResult first = plan.apply();
            assertThat(first.artifacts()).singleElement().satisfies(a -> {
                assertThat(a.version().name()).isEqualTo("flags");
                assertThat(a.table()).isEqualTo("drm_config");
                assertThat(a.inserted()).isEqualTo(3);
            });

            m.add("V10__flags.config.yaml", "checkout.newFlow: true\nlimits:\n  cart: 50\n");
            DataRelease.plan(db.dataSource(), m.location()).apply();

            ConfigReader config = DataRelease.configure().dataSource(db.dataSource()).config();
            assertThat(config.version()).contains("10");
            assertThat(config.versions()).containsExactly("2", "10");
            assertThat(config.get("checkout.newFlow")).contains("true");
            assertThat(config.get("limits")).contains("{\"cart\":50}");
            assertThat(config.get("banner")).contains("\"Hello\""); // not in V10: keeps its V2 value
            assertThat(config.get("checkout.newFlow", "2")).contains("false");
            assertThat(config.get("checkout.newFlow", "9")).contains("false");
            assertThat(config.get("limits", "1")).isEmpty();
            assertThat(config.get("missing")).isEmpty();
            assertThat(config.entries("2")).containsEntry("limits", "{\"cart\":20}").hasSize(3);

            assertThat(config.store().rollback()).contains("2");
            assertThat(config.get("checkout.newFlow")).contains("false");
            assertThat(config.store().rollback()).isEmpty();
            config.store().switchTo("10");
            assertThat(config.version()).contains("10");
        }
    }

    @OnEachDatabase
    void a_database_without_released_configuration_reads_empty(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            ConfigReader config = DataRelease.configure().dataSource(db.dataSource()).config();
            assertThat(config.version()).isEqualTo(Optional.empty());
            assertThat(config.versions()).isEqualTo(List.of());
            assertThat(config.get("x")).isEmpty();
        }
    }

    @OnEachDatabase
    void configuration_and_data_rolled_back_with_the_schema_are_released_again(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).add("V1__create_t.sql", "CREATE TABLE t (id INT PRIMARY KEY);\n")
                    .add("V2__flags.config.json", "{\"categories\": 10}")
                    .add("V3__flags.config.json", "{\"categories\": 12}").add("V4__t.csv", "id\n1\n2\n");
            DataRelease.Builder drm = DataRelease.configure().dataSource(db.dataSource()).locations(m.location());
            drm.plan().apply();
            drm.rollback().toVersion("2").apply();
            assertThat(drm.config().version()).contains("2");
            ReleaseResult again = drm.plan().apply();
            assertThat(again.appliedSteps()).hasSize(2);
            assertThat(drm.config().version()).contains("3");
            assertThat(drm.config().get("categories")).contains("12");
        }
    }
}
