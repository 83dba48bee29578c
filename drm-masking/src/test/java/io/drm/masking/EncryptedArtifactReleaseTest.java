package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.DataRelease;
import io.drm.DrmException;
import io.drm.ReleaseResult;
import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An encrypted data artifact released with a {@link Keyring}: decrypted while it streams into its
 * table, its version hashed over the plaintext (so the same data re-encrypted under another key keeps
 * its version), and a missing key stops the release before anything is written.
 */
final class EncryptedArtifactReleaseTest {

    private static final String CSV = "code,name,population\nfr,France,68000000\nde,Germany,84000000\n";

    @TempDir
    Path dir;

    static Stream<DbKind> kinds() {
        return TestDatabase.enabledKinds().filter(k -> k != DbKind.MARIADB);
    }

    private static void encrypt(Keyring keyring, Path to) throws Exception {
        try (OutputStream out = Files.newOutputStream(to)) {
            ArtifactCipher.of(keyring).encrypt(new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)), out);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void an_encrypted_artifact_is_decrypted_into_its_table(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Keyring k1 = Keyring.of(KeyProvider.of(Map.of("k1", CryptoFixtures.K1)), "k1");
            Migrations m = Migrations.in(dir.resolve("a")).add("V1__create_country.sql",
                    "CREATE TABLE country (code VARCHAR(2) PRIMARY KEY, name VARCHAR(100), population BIGINT);\n");
            encrypt(k1, m.dir().resolve("V2__country.csv.enc"));

            ReleaseResult result = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .keyring(k1).plan().apply();

            assertThat(db.queryStrings("SELECT name FROM country ORDER BY code")).containsExactly("Germany", "France");
            String version = result.artifacts().get(0).version().toString();

            // the same rows under another key: same artifact version, so a second database gets the same hash
            Keyring k2 = Keyring.of(KeyProvider.of(Map.of("k2", CryptoFixtures.K2)), "k2");
            Migrations other = Migrations.in(dir.resolve("b")).add("V1__create_country.sql",
                    "CREATE TABLE country (code VARCHAR(2) PRIMARY KEY, name VARCHAR(100), population BIGINT);\n");
            encrypt(k2, other.dir().resolve("V2__country.csv.enc"));
            try (TestDatabase second = TestDatabase.create(kind)) {
                ReleaseResult again = DataRelease.configure().dataSource(second.dataSource())
                        .locations(other.location()).keyring(k2).plan().apply();
                assertThat(again.artifacts().get(0).version().toString()).isEqualTo(version);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void a_missing_key_stops_the_release_before_anything_is_written(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Keyring k1 = Keyring.of(KeyProvider.of(Map.of("k1", CryptoFixtures.K1)), "k1");
            Keyring k2 = Keyring.of(KeyProvider.of(Map.of("k2", CryptoFixtures.K2)), "k2");
            Migrations m = Migrations.in(dir.resolve("c")).add("V1__create_country.sql",
                    "CREATE TABLE country (code VARCHAR(2) PRIMARY KEY, name VARCHAR(100), population BIGINT);\n");
            encrypt(k1, m.dir().resolve("V2__country.csv.enc"));

            assertThatThrownBy(() -> DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .keyring(k2).plan()).isInstanceOf(DrmException.class).hasMessageContaining("DRM-CRYPTO-003");
            assertThat(db.tableExists("country")).isFalse();
        }
    }
}
