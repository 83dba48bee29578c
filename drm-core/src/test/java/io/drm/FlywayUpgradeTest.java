package io.drm;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OldFlyway;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history written by plain Flyway 11.7 (in its own class loader) is taken over by drm on the
 * build's Flyway (13.12) and continued, with the checksums each version computes compared.
 */
final class FlywayUpgradeTest {

    @TempDir
    Path dir;

    @OnEachDatabase
    void a_history_written_by_flyway_11_is_continued_by_drm(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); OldFlyway old = OldFlyway.open()) {
            Migrations m = Migrations.in(dir).standard()
                    .add("V3_1__crlf_and_bom.sql", "\uFEFF-- a comment\r\nALTER TABLE customer ADD note VARCHAR(20);\r\n");
            assertThat(old.coreJar()).contains("flyway-core-11.7");
            boolean buildOnOld = System.getProperty("drm.test.flyway", "").startsWith("11.");
            assertThat(buildOnOld ? "the flyway-11 profile" : org.flywaydb.core.Flyway.class.getProtectionDomain().getCodeSource().getLocation().toString())
                    .doesNotContain("flyway-core-11.7");
            old.migrate(db.dataSource(), m.location());
            String q = kind == DbKind.MARIADB ? "`" : "\"";
            List<String> oldChecksums = db.queryStrings("SELECT " + q + "checksum" + q + " FROM " + db.history()
                    + " ORDER BY " + q + "installed_rank" + q);
            assertThat(db.queryStrings("SELECT " + q + "installed_by" + q + " FROM " + db.history())).isNotEmpty();

            m.add("V4__add_phone.sql", "ALTER TABLE customer ADD phone VARCHAR(30);\n");
            DataRelease.Builder builder = DataRelease.configure().dataSource(db.dataSource()).locations(m.location());
            ReleaseResult result = builder.onStartup();

            assertThat(result.appliedSteps()).extracting(AppliedStep::version).containsExactly("4");
            assertThat(db.appliedVersions()).containsExactly("1", "2", "3", "3.1", "4");
            assertThat(db.queryStrings("SELECT to_version FROM drm_release WHERE status = 'ADOPTED'"))
                    .containsExactly("3.1");
            // Flyway 11.7 and 13.12 compute the same checksums for these files (CRLF, BOM included), so the
            // history needed no re-checksum: the rows 11.7 wrote are unchanged.
            assertThat(db.queryStrings("SELECT " + q + "checksum" + q + " FROM " + db.history() + " ORDER BY " + q
                    + "installed_rank" + q)).startsWith(oldChecksums.toArray(String[]::new));
            assertThat(builder.onStartup().upToDate()).isTrue();
        }
    }
}
