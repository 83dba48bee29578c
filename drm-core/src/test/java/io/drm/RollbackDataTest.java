package io.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.SchemaFingerprint;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** Data artifacts and configuration documents are rolled back and compensated like SQL steps. */
final class RollbackDataTest {

    @TempDir
    Path dir;

    private static final String CSV_V2 = "code,name,population,founded,eu\nfr,France,1,,true\nde,Germany,2,,true\n";
    private static final String CSV_V3 = "code,name,population,founded,eu\nfr,France,10,,true\nit,Italy,3,,true\n";

    @OnEachDatabase
    void a_data_release_rolls_back_to_the_rows_before_it(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).add("V1__create_country.sql", ArtifactReleaseTest.TABLE)
                    .add("V2__country.csv", CSV_V2);
            DataRelease.plan(db.dataSource(), m.location()).apply();
            List<String> afterFirst = SchemaFingerprint.of(db.dataSource(), kind);
            m.add("V3__country.csv", CSV_V3).add("V3__country.csv.manifest.json",
                    "{\"table\": \"country\", \"key\": [\"code\"], \"mode\": \"replace\"}");
            DataRelease.plan(db.dataSource(), m.location()).apply();
            assertThat(db.queryStrings("SELECT code FROM country ORDER BY code")).containsExactly("fr", "it");

            ReleasePlan back = DataRelease.configure().dataSource(db.dataSource()).locations(m.location()).rollback()
                    .lastRelease();
            assertThat(back.steps()).singleElement().satisfies(s -> assertThat(s.kind()).isEqualTo(StepKind.RESTORE));
            back.apply();

            assertThat(SchemaFingerprint.of(db.dataSource(), kind)).isEqualTo(afterFirst);
            DataRelease.configure().dataSource(db.dataSource()).locations(m.location()).rollback().toVersion("1")
                    .apply();
            assertThat(db.queryLong("SELECT COUNT(*) FROM country")).isZero();
        }
    }

    @OnEachDatabase
    void a_failure_after_a_data_step_reverses_the_load(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).add("V1__create_country.sql", ArtifactReleaseTest.TABLE)
                    .add("V2__country.csv", CSV_V2);
            DataRelease.plan(db.dataSource(), m.location()).apply();
            List<String> before = SchemaFingerprint.of(db.dataSource(), kind);
            m.add("V3__country.csv", CSV_V3).add("V4__broken.sql", "INSERT INTO nowhere VALUES (1);\n");

            MigrationFailedException e = catchThrowableOfType(MigrationFailedException.class,
                    () -> DataRelease.plan(db.dataSource(), m.location()).apply());

            assertThat(e.appliedSteps()).isEmpty();
            assertThat(SchemaFingerprint.of(db.dataSource(), kind)).isEqualTo(before);
            assertThat(db.appliedVersions()).containsExactly("1", "2");
        }
    }
}
