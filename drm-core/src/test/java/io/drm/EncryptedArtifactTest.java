package io.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import io.drm.testing.XorDecryptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** Encrypted artifacts decrypted while streaming through the keyring, on every database. */
final class EncryptedArtifactTest {

    @TempDir
    Path dir;

    private static void write(Migrations m, String name, byte[] bytes) throws Exception {
        Files.write(m.dir().resolve(name), bytes);
    }

    @OnEachDatabase
    void an_encrypted_artifact_loads_and_its_version_hashes_the_plaintext(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).add("V1__create_country.sql", ArtifactReleaseTest.TABLE);
            byte[] plain = ArtifactReleaseTest.CSV.getBytes(StandardCharsets.UTF_8);
            write(m, "V2__country.csv.enc", XorDecryptor.encrypt("k1", 0x5a, plain));
            XorDecryptor keyring = new XorDecryptor(Map.of("k1", 0x5a, "k2", 0x33));

            ReleasePlan plan = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .keyring(keyring).plan();

            String plainSha = io.drm.internal.Hashing.sha256Hex(plain);
            assertThat(plan.steps().get(1).checksum()).isEqualTo("sha256:" + plainSha);
            assertThat(plan.artifacts().get(0).encrypted()).isTrue();
            assertThat(plan.artifacts().get(0).version().toString()).isEqualTo("country@2+sha256:" + plainSha);
            ReleaseResult result = plan.apply();
            assertThat(result.artifacts()).singleElement().satisfies(a -> assertThat(a.inserted()).isEqualTo(3));
            assertThat(db.queryStrings("SELECT name FROM country WHERE code = 'fr'")).containsExactly("France");

            // the same plaintext re-encrypted under another key keeps its version and hash: no checksum error
            write(m, "V2__country.csv.enc", XorDecryptor.encrypt("k2", 0x33, plain));
            assertThat(DataRelease.configure().dataSource(db.dataSource()).locations(m.location()).keyring(keyring)
                    .plan().isEmpty()).isTrue();
        }
    }

    @OnEachDatabase
    void a_missing_keyring_or_key_stops_the_release_before_anything_is_written(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).add("V1__create_country.sql", ArtifactReleaseTest.TABLE);
            write(m, "V2__country.csv.enc", XorDecryptor.encrypt("k9", 7,
                    ArtifactReleaseTest.CSV.getBytes(StandardCharsets.UTF_8)));

            assertThatThrownBy(() -> DataRelease.plan(db.dataSource(), m.location()))
                    .isInstanceOf(ArtifactKeyException.class)
                    .hasMessageStartingWith("DRM-DATA-006")
                    .hasMessageContaining("V2__country.csv.enc")
                    .hasMessageContaining("keyring");
            assertThatThrownBy(() -> DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .keyring(new XorDecryptor(Map.of("k1", 1))).plan())
                    .isInstanceOf(DrmException.class)
                    .hasMessageContaining("unknown key id k9");
            assertThat(db.tableExists("country")).isFalse();
            assertThat(db.tableExists("flyway_schema_history")).isFalse();
        }
    }
}
