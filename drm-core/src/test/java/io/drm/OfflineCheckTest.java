package io.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline check finds every kind of mistake at once, without a database. */
final class OfflineCheckTest {

    @TempDir
    Path dir;

    private static List<CheckFinding> of(List<CheckFinding> findings, CheckFinding.Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    @Test
    void a_clean_tree_has_no_findings() {
        Migrations m = Migrations.in(dir).standard().add("U3__add_email.sql", "ALTER TABLE customer DROP email;\n")
                .add("V4__countries.csv", "code,name\nDE,Germany\n")
                .add("V4__countries.csv.manifest.json", "{\"table\":\"country\"}")
                .add("R__views.sql", "SELECT 1;\n").add("notes.txt", "not a migration");
        assertThat(DataRelease.offlineCheck().locations(m.location()).requireManifests(true).run()).isEmpty();
    }

    @Test
    void a_tree_with_every_kind_of_mistake_gets_every_finding_naming_the_files() {
        Migrations main = Migrations.in(dir.resolve("main")).standard()
                .add("V4__from_branch_a.sql", "SELECT 1;\n")
                .add("V7__countries.csv", "code\nDE\n")
                .add("v5__lower_case.sql", "SELECT 1;\n")
                .add("V6_single_underscore.sql", "SELECT 1;\n")
                .add("V8_currencies.csv", "code\nEUR\n")
                .add("U9__undo_nothing.sql", "SELECT 1;\n")
                .add("R__views.sql", "SELECT 1;\n");
        Migrations other = Migrations.in(dir.resolve("other"))
                .add("V4.0__from_branch_b.sql", "SELECT 2;\n")
                .add("R__views.sql", "SELECT 2;\n");

        List<CheckFinding> findings = DataRelease.offlineCheck().locations(main.location(), other.location())
                .requireManifests(true).run();

        assertThat(of(findings, CheckFinding.Kind.VERSION_COLLISION)).singleElement().satisfies(f -> {
            assertThat(f.files()).containsExactly(main.location() + "/V4__from_branch_a.sql",
                    other.location() + "/V4.0__from_branch_b.sql");
            assertThat(f.message()).contains("2 files have version 4");
        });
        assertThat(of(findings, CheckFinding.Kind.MISNAMED_FILE)).flatMap(CheckFinding::files).containsExactlyInAnyOrder(
                main.location() + "/v5__lower_case.sql", main.location() + "/V6_single_underscore.sql",
                main.location() + "/V8_currencies.csv");
        assertThat(of(findings, CheckFinding.Kind.UNDO_WITHOUT_MIGRATION)).singleElement()
                .satisfies(f -> assertThat(f.files()).containsExactly(main.location() + "/U9__undo_nothing.sql"));
        assertThat(of(findings, CheckFinding.Kind.ARTIFACT_WITHOUT_MANIFEST)).singleElement()
                .satisfies(f -> assertThat(f.files()).containsExactly(main.location() + "/V7__countries.csv"));
        assertThat(of(findings, CheckFinding.Kind.DUPLICATE_REPEATABLE)).singleElement()
                .satisfies(f -> assertThat(f.files()).hasSize(2));
        assertThat(DataRelease.check(main.location(), other.location()))
                .noneMatch(f -> f.kind() == CheckFinding.Kind.ARTIFACT_WITHOUT_MANIFEST);
    }

    @Test
    void a_version_below_the_highest_released_one_is_found_in_a_csv_or_json_export() throws Exception {
        Migrations m = Migrations.in(dir.resolve("m")).standard()
                .add("V2.5__late_merge.sql", "SELECT 1;\n").add("V4__next.sql", "SELECT 1;\n");
        Path csv = dir.resolve("history.csv");
        Files.writeString(csv, "installed_rank,version,description,type,script,checksum,installed_by,installed_on,"
                + "execution_time,success\n1,1,create customer,SQL,V1__create_customer.sql,1,app,2024-01-01,1,true\n"
                + "2,2,\"insert, customer\",SQL,V2__insert_customer.sql,2,app,2024-01-01,1,true\n"
                + "3,3,add email,SQL,V3__add_email.sql,3,app,2024-01-01,1,true\n");
        Path json = dir.resolve("history.json");
        Files.writeString(json, "[{\"version\":\"1\",\"success\":true},{\"version\":\"3\",\"success\":true}]");

        List<CheckFinding> fromCsv = DataRelease.check(csv, m.location());
        assertThat(fromCsv).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(CheckFinding.Kind.BELOW_RELEASED_VERSION);
            assertThat(f.files()).containsExactly(m.location() + "/V2.5__late_merge.sql");
            assertThat(f.message()).contains("below version 3");
        });
        assertThat(DataRelease.check(json, m.location())).extracting(CheckFinding::files)
                .containsExactlyInAnyOrder(List.of(m.location() + "/V2__insert_customer.sql"),
                        List.of(m.location() + "/V2.5__late_merge.sql"));
    }

    @Test
    void an_unreadable_export_and_a_missing_location_are_reported() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "rank;version\n");
        Migrations m = Migrations.in(dir.resolve("m")).standard();
        assertThatThrownBy(() -> DataRelease.check(bad, m.location())).isInstanceOf(HistoryExportException.class)
                .hasMessageContaining("DRM-CORE-042").hasMessageContaining("bad.csv");
        List<CheckFinding> findings = DataRelease.check(m.location(), "filesystem:" + dir.resolve("nope"));
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.kind())
                .isEqualTo(CheckFinding.Kind.LOCATION_NOT_FOUND));
    }

    @OnEachDatabase
    void a_history_exported_from_the_database_drives_the_check(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir.resolve("m")).standard();
            DataRelease.configure().dataSource(db.dataSource()).locations(m.location()).onStartup();
            Path export = dir.resolve("export.csv");
            assertThat((long) HistoryExport.write(db.dataSource(), export))
                    .isEqualTo(db.queryLong("SELECT COUNT(*) FROM " + db.history()));
            m.add("V2.1__late.sql", "SELECT 1;\n");

            assertThat(DataRelease.check(export, m.location())).singleElement()
                    .satisfies(f -> assertThat(f.files()).containsExactly(m.location() + "/V2.1__late.sql"));
        }
    }
}
