package io.drm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.DuplicateVersionException;
import io.drm.InvalidMigrationNameException;
import io.drm.LocationNotFoundException;
import io.drm.testing.Migrations;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class LocationScannerTest {

    @TempDir
    Path dir;

    private final LocationScanner scanner = new LocationScanner(getClass().getClassLoader());

    @Test
    void classifies_files_and_normalises_versions() {
        Migrations m = Migrations.in(dir).add("V1_1__first_step.sql", "x").add("R__view.sql", "y")
                .add("U1_1__first_step.sql", "z").add("beforeMigrate.sql", "b").add("afterMigrate__notify.sql", "a")
                .add("data/V2__countries.csv", "c").add("sub/V3__nested.sql", "n");

        ScannedLocations scan = scanner.scan(List.of(m.location()));

        assertThat(scan.files()).extracting(ScannedFile::relativePath).containsExactly("R__view.sql",
                "U1_1__first_step.sql", "V1_1__first_step.sql", "afterMigrate__notify.sql", "beforeMigrate.sql",
                "data/V2__countries.csv", "sub/V3__nested.sql");
        ScannedFile v1 = scan.byRelativePath().get("V1_1__first_step.sql");
        assertThat(v1.name()).isEqualTo(new MigrationName(MigrationName.Type.VERSIONED, "1.1", "first step"));
        assertThat(v1.sha256()).isEqualTo(Hashing.sha256Hex("x"));
        assertThat(scan.byRelativePath().get("R__view.sql").name().type()).isEqualTo(MigrationName.Type.REPEATABLE);
        assertThat(scan.byRelativePath().get("beforeMigrate.sql").name().type())
                .isEqualTo(MigrationName.Type.CALLBACK);
        assertThat(scan.byRelativePath().get("data/V2__countries.csv").name().type())
                .isEqualTo(MigrationName.Type.DATA);
    }

    @ParameterizedTest
    @ValueSource(strings = {"V1_init.sql", "v1__init.sql", "V1.sql", "Vx__a.sql",
            "R_view.sql", "init.sql", "V1-2__a.sql"})
    void misnamed_sql_files_are_errors(String name) {
        Migrations m = Migrations.in(dir).add(name, "SELECT 1;");
        assertThatThrownBy(() -> scanner.scan(List.of(m.location())))
                .isInstanceOf(InvalidMigrationNameException.class)
                .hasMessageContaining(name);
    }

    @Test
    void duplicate_versions_across_locations_are_errors() {
        Migrations a = Migrations.in(dir.resolve("a")).add("V1__a.sql", "a");
        Migrations b = Migrations.in(dir.resolve("b")).add("V1.0.0__b.sql", "b");
        assertThatThrownBy(() -> scanner.scan(List.of(a.location(), b.location())))
                .isInstanceOf(DuplicateVersionException.class)
                .hasMessageContaining("V1__a.sql").hasMessageContaining("V1.0.0__b.sql");
    }

    @Test
    void canonical_versions_ignore_trailing_zeros_and_leading_zeros() {
        assertThat(LocationScanner.canonicalVersion("1.0.0")).isEqualTo("1");
        assertThat(LocationScanner.canonicalVersion("01.10")).isEqualTo("1.10");
        assertThat(LocationScanner.canonicalVersion("0")).isEqualTo("0");
        assertThat(LocationScanner.canonicalVersion("1.9")).isNotEqualTo(LocationScanner.canonicalVersion("1.90"));
    }

    @Test
    void the_content_hash_changes_with_any_byte_and_not_otherwise() {
        Migrations m = Migrations.in(dir).standard();
        String first = scanner.scan(List.of(m.location())).contentHash();
        assertThat(scanner.scan(List.of(m.location())).contentHash()).isEqualTo(first);
        m.add("V2__insert_customer.sql", "INSERT INTO customer (id, name) VALUES (1, 'Ada'); \n");
        assertThat(scanner.scan(List.of(m.location())).contentHash()).isNotEqualTo(first);
    }

    @Test
    void missing_locations_are_errors() {
        assertThatThrownBy(() -> scanner.scan(List.of("filesystem:" + dir.resolve("nope"))))
                .isInstanceOf(LocationNotFoundException.class).hasMessageContaining("no such directory");
        assertThatThrownBy(() -> scanner.scan(List.of("classpath:no/such/dir")))
                .isInstanceOf(LocationNotFoundException.class).hasMessageContaining("classpath");
    }

    @Test
    void reads_locations_inside_jars() throws Exception {
        Path jar = dir.resolve("migrations.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("db/", "db/rel/", "db/rel/V1__a.sql", "db/rel/V2__b.sql", "db/other/V9__x.sql")) {
                out.putNextEntry(new JarEntry(name));
                if (!name.endsWith("/")) {
                    out.write(("-- " + name).getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ScannedLocations scan = new LocationScanner(loader).scan(List.of("classpath:db/rel"));
            assertThat(scan.files()).extracting(ScannedFile::relativePath).containsExactly("V1__a.sql", "V2__b.sql");
        }
    }

    @Test
    void redaction_removes_passwords_from_urls_and_text() {
        assertThat(Redaction.url("jdbc:postgresql://h/db?user=a&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=****&ssl=true");
        assertThat(Redaction.url("jdbc:mysql://bob:secret@h/db")).isEqualTo("jdbc:mysql://bob:****@h/db");
        assertThat(Redaction.scrub("failed for secret", "secret")).isEqualTo("failed for ****");
    }
}
