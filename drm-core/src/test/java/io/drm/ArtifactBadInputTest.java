package io.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad data artifacts and configuration documents: each is refused with its code, naming where, at
 * plan time when the table exists, and nothing is written.
 */
final class ArtifactBadInputTest {

    static final String HEADER = "code,name,population,founded,eu\n";

    @TempDir
    Path dir;

    private TestDatabase db;
    private Migrations m;

    @org.junit.jupiter.api.AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private void schema(DbKind kind) {
        db = TestDatabase.create(kind);
        m = Migrations.in(dir).add("V1__create_country.sql", ArtifactReleaseTest.TABLE
                + "CREATE TABLE audit_note (msg VARCHAR(100));\n");
        DataRelease.plan(db.dataSource(), m.location()).apply();
    }

    private AbstractThrowableAssert<?, ? extends Throwable> refused(ErrorCode code) {
        AbstractThrowableAssert<?, ? extends Throwable> thrown =
                assertThatThrownBy(() -> DataRelease.plan(db.dataSource(), m.location()).apply())
                        .isInstanceOf(DrmException.class)
                        .hasMessageStartingWith(code.id());
        assertThat(db.queryLong("SELECT COUNT(*) FROM country")).isZero();
        assertThat(db.appliedVersions()).containsExactly("1");
        return thrown;
    }

    @OnEachDatabase
    void malformed_csv_names_line_and_column(DbKind kind) {
        schema(kind);
        {
            m.add("V2__country.csv", HEADER + "fr,France,1,,true\nde,\"Germany,2,,true\n");
            refused(InvalidArtifactException.CODE).hasMessageContaining("V2__country.csv").hasMessageContaining("line ")
                    .hasMessageContaining("column ");

            m.add("V2__country.csv", HEADER + "fr,France,1,,true\nde,Germany,2\n");
            refused(InvalidArtifactException.CODE).hasMessageContaining("line 3, column 4")
                    .hasMessageContaining("row 2 has 3 fields, the header has 5");
        }
    }

    @OnEachDatabase
    void a_value_that_does_not_fit_names_row_and_column_and_hides_classified_values(DbKind kind) {
        schema(kind);
        {
            m.add("V2__country.csv", HEADER + "fr,France,1,,true\nde,Germany,many,,true\n");
            refused(ArtifactValueException.CODE).hasMessageContaining("row 2 (line 3), column population")
                    .hasMessageContaining("'many'").hasMessageContaining("whole number");

            String secret = "x".repeat(101);
            m.add("V2__country.csv", HEADER + "fr," + secret + ",1,,true\n")
                    .add("V2__country.csv.manifest.json", "{\"columns\": {\"name\": {\"classification\": [\"PII\"]}}}");
            refused(ArtifactValueException.CODE).hasMessageContaining("row 1 (line 2), column name")
                    .hasMessageContaining("classified [PII]").hasMessageNotContaining(secret)
                    .hasMessageContaining("longer than");
        }
    }

    @OnEachDatabase
    void duplicate_keys_and_missing_key_columns_are_refused(DbKind kind) {
        schema(kind);
        {
            m.add("V2__country.csv", HEADER + "fr,France,1,,true\nde,Germany,2,,true\nfr,Francia,3,,true\n");
            refused(DuplicateArtifactKeyException.CODE).hasMessageContaining("row 3 (line 4)")
                    .hasMessageContaining("code=fr");

            m.add("V2__country.csv", "name,population\nFrance,1\n");
            refused(ArtifactSchemaException.CODE).hasMessageContaining("is missing from the file");
        }
    }

    @OnEachDatabase
    void a_manifest_naming_a_missing_table_or_column_is_refused(DbKind kind) {
        schema(kind);
        {
            m.add("V2__country.csv", HEADER + "fr,France,1,,true\n")
                    .add("V2__country.csv.manifest.json", "{\"table\": \"nation\"}");
            refused(ArtifactSchemaException.CODE).hasMessageContaining("nation").hasMessageContaining("does not exist");

            m.add("V2__country.csv.manifest.json", "{\"columns\": {\"capital\": {\"type\": \"text\"}}}");
            refused(ArtifactSchemaException.CODE).hasMessageContaining("'capital'");

            m.add("V2__country.csv", HEADER.replace("eu", "euro") + "fr,France,1,,true\n")
                    .add("V2__country.csv.manifest.json", "{}");
            refused(ArtifactSchemaException.CODE).hasMessageContaining("column 'euro'");
        }
    }

    @OnEachDatabase
    void upsert_without_a_key_and_an_unknown_mode_are_refused(DbKind kind) {
        schema(kind);
        {
            m.add("V2__audit_note.csv", "msg\nhello\n");
            refused(InvalidManifestException.CODE).hasMessageContaining("upsert mode, which needs a key");
            m.add("V2__audit_note.csv.manifest.json", "{\"mode\": \"merge\"}");
            refused(InvalidManifestException.CODE).hasMessageContaining("unknown load mode 'merge'");
            assertThat(db.queryLong("SELECT COUNT(*) FROM audit_note")).isZero();

            m.add("V2__audit_note.csv.manifest.json", "{\"mode\": \"insert\"}");
            DataRelease.plan(db.dataSource(), m.location()).apply();
            assertThat(db.queryLong("SELECT COUNT(*) FROM audit_note")).isEqualTo(1);
        }
    }

    @OnEachDatabase
    void a_configuration_document_that_is_not_json_is_refused(DbKind kind) {
        schema(kind);
        {
            m.add("V2__flags.config.json", "{\"checkout.newFlow\": tru}");
            refused(InvalidConfigException.CODE).hasMessageContaining("V2__flags.config.json")
                    .hasMessageContaining("line 1");
            m.add("V2__flags.config.json", "[1, 2]");
            refused(InvalidConfigException.CODE).hasMessageContaining("must be an object");
        }
    }

    @OnEachDatabase
    void a_repeated_key_loading_into_a_table_created_by_the_same_release_is_a_duplicate_key_error(DbKind kind) {
        try (TestDatabase fresh = TestDatabase.create(kind)) {
            StringBuilder csv = new StringBuilder(HEADER);
            for (int i = 0; i < 1500; i++) {
                csv.append(i == 1400 ? "a0" : "a" + i).append(",N,1,,true\n");
            }
            Migrations same = Migrations.in(dir.resolve("dup")).add("V1__create_country.sql",
                    ArtifactReleaseTest.TABLE.replace("VARCHAR(2)", "VARCHAR(10)")).add("V2__country.csv", csv.toString());

            assertThatThrownBy(() -> DataRelease.plan(fresh.dataSource(), same.location()).apply())
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("DRM-DATA-005");
            if (fresh.tableExists("country")) {
                assertThat(fresh.queryLong("SELECT COUNT(*) FROM country")).isZero();
            }
        }
    }

    @OnEachDatabase
    void a_bad_value_in_a_table_created_by_the_same_release_leaves_no_row_of_the_artifact(DbKind kind) {
        try (TestDatabase fresh = TestDatabase.create(kind)) {
            Migrations same = Migrations.in(dir.resolve("same")).add("V1__create_country.sql", ArtifactReleaseTest.TABLE)
                    .add("V2__country.csv", HEADER + "fr,France,1,,true\nde,Germany,2,,true\nit,Italy,x,,true\n");

            assertThatThrownBy(() -> DataRelease.plan(fresh.dataSource(), same.location()).apply())
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("DRM-DATA-004")
                    .hasMessageContaining("row 3 (line 4), column population");

            if (fresh.tableExists("country")) {
                assertThat(fresh.queryLong("SELECT COUNT(*) FROM country")).isZero();
            } else {
                assertThat(kind).isEqualTo(DbKind.POSTGRESQL); // one transaction: the table is gone too
            }
        }
    }
}
