package io.drm.internal.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.DuplicateVersionException;
import io.drm.InvalidManifestException;
import io.drm.StepKind;
import io.drm.internal.LocationScanner;
import io.drm.testing.Migrations;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Artifact file names, manifests beside them, and their place in the version space. */
final class ArtifactNameTest {

    @TempDir
    Path dir;

    @Test
    void names_say_version_name_format_and_encryption() {
        ArtifactName csv = ArtifactName.parse("V1_2__country_codes.csv");
        assertThat(csv.version()).isEqualTo("1.2");
        assertThat(csv.name()).isEqualTo("country_codes");
        assertThat(csv.description()).isEqualTo("country codes");
        assertThat(csv.kind()).isEqualTo(StepKind.DATA);
        assertThat(ArtifactName.parse("V3__flags.config.yaml").kind()).isEqualTo(StepKind.CONFIG);
        assertThat(ArtifactName.parse("V3__flags.config.json").name()).isEqualTo("flags");
        assertThat(ArtifactName.parse("V4__patients.ndjson.enc").encrypted()).isTrue();
        assertThat(ArtifactName.parse("V4__patients.ndjson.enc").format()).isEqualTo(ArtifactName.Format.NDJSON);
        assertThat(ArtifactName.parse("V2__country.csv.manifest.json")).isNull();
        assertThat(ArtifactName.parse("notes.csv")).isNull();
        assertThat(ArtifactName.parse("V2__country.txt")).isNull();
    }

    @Test
    void an_artifact_and_a_migration_of_the_same_version_are_a_duplicate() {
        Migrations m = Migrations.in(dir).add("V2__a.sql", "SELECT 1;").add("V2__b.csv", "x\n1\n");
        assertThatThrownBy(() -> new LocationScanner(getClass().getClassLoader()).scan(List.of(m.location())))
                .isInstanceOf(DuplicateVersionException.class)
                .hasMessageContaining("V2__b.csv");
    }

    @Test
    void a_manifest_without_its_artifact_is_an_error() {
        Migrations m = Migrations.in(dir).add("V2__b.csv", "x\n1\n").add("V2__c.csv.manifest.json", "{}");
        assertThatThrownBy(() -> new LocationScanner(getClass().getClassLoader()).scan(List.of(m.location())))
                .isInstanceOf(InvalidManifestException.class)
                .hasMessageStartingWith("DRM-DATA-002")
                .hasMessageContaining("V2__c.csv.manifest.json");
    }

    @Test
    void the_scan_reads_rows_columns_and_the_manifest() {
        Migrations m = Migrations.in(dir).add("V2__b.ndjson", "{\"x\": 1}\n{\"x\": 2, \"y\": \"a\"}\n")
                .add("V2__b.ndjson.manifest.json", "{\"table\": \"t\", \"key\": \"x\", \"mode\": \"replace\","
                        + " \"columns\": {\"y\": {\"classification\": \"pii\"}}}");
        ArtifactFile file = new LocationScanner(getClass().getClassLoader()).scan(List.of(m.location())).files()
                .stream().filter(f -> f.artifact() != null).findFirst().orElseThrow().artifact();
        assertThat(file.rows()).isEqualTo(2);
        assertThat(file.columns()).containsExactly("x", "y");
        assertThat(file.table()).isEqualTo("t");
        assertThat(file.manifest().key()).containsExactly("x");
        assertThat(file.manifest().effectiveMode()).isEqualTo(LoadMode.REPLACE);
        assertThat(file.manifest().classified("Y")).isTrue();
        assertThat(file.manifestSha256()).matches("[0-9a-f]{64}");
    }

    @Test
    void csv_rows_are_counted_by_record_ends_outside_quotes() throws Exception {
        String csv = "a,b\r\n1,\"two\nlines\"\r\n\r\n2,\"x\"\"y\"\n3,z";
        assertThat(ArtifactInspector.csvRows(new java.io.ByteArrayInputStream(
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).isEqualTo(3);
        assertThat(ArtifactInspector.csvRows(new java.io.ByteArrayInputStream("a,b\n".getBytes()))).isZero();
        assertThat(ArtifactInspector.csvRows(new java.io.ByteArrayInputStream(new byte[0]))).isZero();
    }
}
