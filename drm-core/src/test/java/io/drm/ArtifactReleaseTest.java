package io.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.RecordingSink;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Data artifacts released with the schema: load, re-release, checksum, on every database. */
final class ArtifactReleaseTest {

    static final String TABLE = "CREATE TABLE country (code VARCHAR(2) PRIMARY KEY, name VARCHAR(100) NOT NULL,"
            + " population BIGINT, founded DATE, eu BOOLEAN);\n";
    static final String CSV = "code,name,population,founded,eu\n"
            + "fr,France,68000000,1792-09-22,true\n"
            + "de,Germany,84000000,1949-05-23,true\n"
            + "ch,\"Switzerland, the \"\"Confederation\"\"\",8800000,,false\n";

    @TempDir
    Path dir;

    @OnEachDatabase
    void csv_artifact_is_a_data_step_and_loads_with_exact_counts(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).add("V1__create_country.sql", TABLE).add("V2__country.csv", CSV);
            RecordingSink sink = RecordingSink.recording();

            ReleasePlan plan = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .auditSink(sink).plan();

            assertThat(plan.steps()).extracting(ReleaseStep::kind).containsExactly(StepKind.SQL, StepKind.DATA);
            ReleaseStep data = plan.steps().get(1);
            assertThat(data.version()).isEqualTo("2");
            assertThat(data.source()).isEqualTo("V2__country.csv");
            assertThat(data.checksum()).matches("sha256:[0-9a-f]{64}");
            assertThat(plan.artifacts()).hasSize(1);
            PlannedArtifact planned = plan.artifacts().get(0);
            assertThat(planned.version().toString()).isEqualTo("country@2+" + data.checksum());
            assertThat(planned.rows()).isEqualTo(3);
            assertThat(planned.mode()).isEqualTo("upsert");
            assertThat(plan.explain()).contains("artifact country@2+" + data.checksum() + " -> country (upsert, 3 rows)");
            assertThat(plan.toJson()).contains("\"artifact\" : \"country@2+sha256:");

            ReleaseResult result = plan.apply();

            assertThat(result.toVersion()).isEqualTo("2");
            assertThat(result.artifacts()).singleElement().satisfies(a -> {
                assertThat(a.version()).isEqualTo(planned.version());
                assertThat(a.table()).isEqualToIgnoringCase("country");
                assertThat(a.inserted()).isEqualTo(3);
                assertThat(a.updated()).isZero();
                assertThat(a.deleted()).isZero();
            });
            assertThat(db.queryLong("SELECT COUNT(*) FROM country")).isEqualTo(3);
            assertThat(db.queryStrings("SELECT name FROM country WHERE code = 'ch'"))
                    .containsExactly("Switzerland, the \"Confederation\"");
            assertThat(db.queryLong("SELECT population FROM country WHERE code = 'de'")).isEqualTo(84000000L);
            assertThat(db.queryLong("SELECT COUNT(*) FROM country WHERE founded IS NULL")).isEqualTo(1);
            assertThat(db.queryStrings("SELECT sha256 FROM drm_artifact WHERE name = 'country' AND version = '2'"))
                    .containsExactly(planned.version().sha256());
            assertThat(db.queryLong("SELECT rows_inserted FROM drm_artifact WHERE name = 'country'")).isEqualTo(3);
            assertThat(db.queryStrings("SELECT kind FROM drm_release_step WHERE version = '2'")).containsExactly("DATA");
            assertThat(sink.actions()).contains("artifact.loaded");
            assertThat(DataRelease.plan(db.dataSource(), m.location()).isEmpty()).isTrue();
        }
    }

    @OnEachDatabase
    void a_new_version_upserts_and_a_replace_deletes_what_is_gone(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).add("V1__create_country.sql", TABLE).add("V2__country.csv", CSV);
            DataRelease.plan(db.dataSource(), m.location()).apply();

            m.add("V3__country.csv", "code,name,population,founded,eu\n"
                    + "fr,France,68400000,1792-09-22,true\n" // updated
                    + "de,Germany,84000000,1949-05-23,true\n" // unchanged
                    + "it,Italy,59000000,1946-06-02,true\n"); // inserted
            ReleaseResult upsert = DataRelease.plan(db.dataSource(), m.location()).apply();

            assertThat(upsert.artifacts()).singleElement().satisfies(a -> {
                assertThat(a.version().version()).isEqualTo("3");
                assertThat(a.inserted()).isEqualTo(1);
                assertThat(a.updated()).isEqualTo(1);
                assertThat(a.deleted()).isZero();
            });
            assertThat(db.queryLong("SELECT COUNT(*) FROM country")).isEqualTo(4);
            assertThat(db.queryLong("SELECT population FROM country WHERE code = 'fr'")).isEqualTo(68400000L);

            m.add("V4__country.csv", "code,name,population,founded,eu\n"
                    + "fr,France,68400000,1792-09-22,true\n"
                    + "es,Spain,48000000,,true\n")
                    .add("V4__country.csv.manifest.json", "{\"mode\": \"replace\", \"owner\": \"reference-data\"}");
            ReleaseResult replace = DataRelease.plan(db.dataSource(), m.location()).apply();

            assertThat(replace.artifacts()).singleElement().satisfies(a -> {
                assertThat(a.inserted()).isEqualTo(1);
                assertThat(a.updated()).isZero();
                assertThat(a.deleted()).isEqualTo(3);
            });
            assertThat(db.queryStrings("SELECT code FROM country ORDER BY code")).containsExactly("es", "fr");
            assertThat(db.queryLong("SELECT COUNT(*) FROM drm_artifact")).isEqualTo(3);
        }
    }

    @OnEachDatabase
    void editing_an_applied_artifact_or_its_manifest_is_a_checksum_error(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).add("V1__create_country.sql", TABLE).add("V2__country.csv", CSV);
            DataRelease.plan(db.dataSource(), m.location()).apply();

            m.add("V2__country.csv", CSV.replace("68000000", "1"));
            assertThatThrownBy(() -> DataRelease.plan(db.dataSource(), m.location()))
                    .isInstanceOf(ChecksumMismatchException.class)
                    .hasMessageContaining("DRM-CORE-007")
                    .hasMessageContaining("artifact country@2")
                    .hasMessageContaining("V2__country.csv");

            m.add("V2__country.csv", CSV).add("V2__country.csv.manifest.json", "{\"mode\": \"insert\"}");
            assertThatThrownBy(() -> DataRelease.plan(db.dataSource(), m.location()))
                    .isInstanceOf(ChecksumMismatchException.class);
            assertThat(db.queryLong("SELECT population FROM country WHERE code = 'fr'")).isEqualTo(68000000L);
        }
    }

    @OnEachDatabase
    void json_and_ndjson_artifacts_load_into_the_manifest_table(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).add("V1__create_country.sql", TABLE)
                    .add("V2__countries.json", "[{\"code\": \"fr\", \"name\": \"France\", \"population\": 68000000,"
                            + " \"eu\": true},\n {\"code\": \"no\", \"name\": \"Norway\", \"eu\": false}]")
                    .add("V2__countries.json.manifest.json", "{\"table\": \"country\", \"key\": [\"code\"]}")
                    .add("V3__more.ndjson", "{\"code\": \"pt\", \"name\": \"Portugal\", \"founded\": \"1143-10-05\"}\n"
                            + "\n{\"code\": \"no\", \"name\": \"Norge\", \"eu\": false}\n")
                    .add("V3__more.ndjson.manifest.json", "{\"table\": \"country\"}");

            ReleaseResult result = DataRelease.plan(db.dataSource(), m.location()).apply();

            assertThat(result.artifacts()).extracting(LoadedArtifact::inserted).containsExactly(2L, 1L);
            assertThat(result.artifacts()).extracting(LoadedArtifact::updated).containsExactly(0L, 1L);
            assertThat(db.queryStrings("SELECT name FROM country ORDER BY code"))
                    .containsExactly("France", "Norge", "Portugal");
            assertThat(db.queryLong("SELECT COUNT(*) FROM country WHERE population IS NULL")).isEqualTo(2);
        }
    }
}
