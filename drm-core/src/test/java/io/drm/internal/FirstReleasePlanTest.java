package io.drm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.ReleaseStep;
import io.drm.testing.Migrations;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On an empty history drm plans from its own scan; the steps must be exactly Flyway's pending list. */
final class FirstReleasePlanTest {

    @TempDir
    Path dir;

    @Test
    void the_first_release_plan_equals_flyways_pending_migrations_in_order() {
        Migrations m = Migrations.in(dir)
                .add("V1__a.sql", "SELECT 1;").add("V1.1__b.sql", "SELECT 1;").add("V1_10__c.sql", "SELECT 1;")
                .add("V1.9__d.sql", "SELECT 1;").add("V2_1__e_f.sql", "SELECT 1;").add("V10__g.sql", "SELECT 1;")
                .add("sub/V3__nested.sql", "SELECT 1;").add("R__b_view.sql", "SELECT 1;")
                .add("R__a_proc.sql", "SELECT 1;").add("R__B_upper.sql", "SELECT 1;").add("R__a.sql", "SELECT 1;")
                .add("beforeMigrate.sql", "SELECT 1;").add("data.csv", "x");
        ScannedLocations scan = new LocationScanner(getClass().getClassLoader()).scan(List.of(m.location()));
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:first_release_plan");

        MigrationInfo[] pending = Flyway.configure().dataSource(ds).locations(m.location()).load().info().pending();
        List<ReleaseStep> flyway = new ArrayList<>();
        Map<String, ScannedFile> files = scan.byRelativePath();
        for (MigrationInfo info : pending) {
            flyway.add(Planner.step(info, files));
        }

        assertThat(Planner.firstRelease(scan)).containsExactlyElementsOf(flyway);
        assertThat(flyway).hasSize(11);
    }
}
