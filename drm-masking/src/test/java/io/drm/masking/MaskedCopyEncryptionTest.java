package io.drm.masking;

import static io.drm.masking.CryptoFixtures.KEYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.testing.DbKind;
import io.drm.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table copied with encrypted columns, then copied back with {@code decrypt}, equals the source;
 * a target column too short for the ciphertexts is refused before any row is written.
 */
final class MaskedCopyEncryptionTest {

    private static final String PLAIN = "CREATE TABLE patient (id INT PRIMARY KEY, name VARCHAR(40), ssn VARCHAR(20),"
            + " ward VARCHAR(10))";
    // bounds: name 40 chars deterministic -> 4 * ceil((18 + 2 + 160) / 3) = 240; ssn 20 chars randomised -> 152
    private static final String SEALED = "CREATE TABLE patient (id INT PRIMARY KEY, name VARCHAR(240), ssn VARCHAR(152),"
            + " ward VARCHAR(10))";
    private static final String ROWS = "SELECT id, name, ssn, ward FROM patient ORDER BY id";
    private static final List<String> NAMES = Arrays.asList("Ada Lovelace", "Zoë Ødegård", "李小龙", "\uD83D\uDE00 emoji",
            "", null, "x".repeat(40), "Ada Lovelace");

    static Stream<Arguments> pairs() {
        return Stream.of(Arguments.of(DbKind.H2, DbKind.POSTGRESQL), Arguments.of(DbKind.POSTGRESQL, DbKind.POSTGRESQL),
                Arguments.of(DbKind.POSTGRESQL, DbKind.MARIADB), Arguments.of(DbKind.MARIADB, DbKind.H2));
    }

    @ParameterizedTest(name = "{0} -> {1} -> {0}")
    @MethodSource("pairs")
    void encrypted_copy_decrypts_back_to_the_source(DbKind from, DbKind to) throws SQLException {
        Keyring keyring = Keyring.of(KEYS, "k1");
        try (TestDatabase source = TestDatabase.create(from); TestDatabase sealed = TestDatabase.create(to);
                TestDatabase restored = TestDatabase.create(from)) {
            source.execute(PLAIN);
            sealed.execute(SEALED);
            restored.execute(PLAIN);
            MaskedCopyValuesTest.insert(source, "INSERT INTO patient VALUES (?, ?, ?, ?)", NAMES.size(),
                    i -> new Object[] {i, NAMES.get(i), i == 3 ? null : "123-45-" + (6780 + i), "w" + i % 3});

            MaskingRules encrypt = MaskingRules.builder()
                    .column("patient", "name", Maskers.encryptDeterministic(keyring))
                    .column("patient", "ssn", Maskers.encrypt(keyring)).build();
            MaskedCopy.from(source.dataSource()).to(sealed.dataSource()).rules(encrypt).batchSize(3).build().run();

            List<String> names = sealed.queryStrings("SELECT name FROM patient ORDER BY id");
            assertThat(names.get(0)).isEqualTo(names.get(7)).isNotEqualTo("Ada Lovelace");   // deterministic: joins
            assertThat(names.get(5)).isNull();
            assertThat(sealed.queryStrings("SELECT ssn FROM patient ORDER BY id")).doesNotContain("123-45-6780")
                    .containsNull().allSatisfy(s -> assertThat(s == null || s.length() <= 152).isTrue());
            assertThat(sealed.queryStrings("SELECT ward FROM patient ORDER BY id"))
                    .isEqualTo(source.queryStrings("SELECT ward FROM patient ORDER BY id"));

            MaskingRules decrypt = MaskingRules.builder()
                    .column("patient", "name", Maskers.decrypt(keyring))
                    .column("patient", "ssn", Maskers.decrypt(keyring)).build();
            MaskedCopy.from(sealed.dataSource()).to(restored.dataSource()).rules(decrypt).batchSize(3).build().run();

            assertThat(rows(restored)).isEqualTo(rows(source));
        }
    }

    @Test
    void rules_from_a_file_encrypt_and_decrypt_in_a_copy() throws SQLException {
        try (TestDatabase source = TestDatabase.create(DbKind.POSTGRESQL);
                TestDatabase sealed = TestDatabase.create(DbKind.POSTGRESQL);
                TestDatabase restored = TestDatabase.create(DbKind.POSTGRESQL)) {
            source.execute(PLAIN);
            sealed.execute(SEALED);
            restored.execute(PLAIN);
            source.execute("INSERT INTO patient VALUES (1, 'Ada', '123-45-6789', 'a'), (2, NULL, NULL, 'b')");
            String yaml = "version: 1\nrules:\n"
                    + "  - {table: patient, column: name, masker: MASKER_N, keyId: k2}\n"
                    + "  - {table: patient, column: ssn, masker: MASKER_S, keyId: k2}\n";

            MaskedCopy.from(source.dataSource()).to(sealed.dataSource()).rules(MaskingRules.fromYaml(
                    yaml.replace("MASKER_N", "encrypt_deterministic").replace("MASKER_S", "encrypt"), KEYS)).build().run();
            MaskedCopy.from(sealed.dataSource()).to(restored.dataSource()).rules(MaskingRules.fromYaml(
                    yaml.replace("MASKER_N", "decrypt").replace("MASKER_S", "decrypt"), KEYS)).build().run();

            assertThat(rows(restored)).isEqualTo(rows(source));
            assertThat(Maskers.decrypt(Keyring.of(KEYS, "k2")).mask(
                    sealed.queryStrings("SELECT ssn FROM patient WHERE id = 1").get(0))).isEqualTo("123-45-6789");
        }
    }

    static Stream<DbKind> kinds() {
        return TestDatabase.enabledKinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void a_target_column_too_short_for_the_ciphertext_is_refused_before_any_row(DbKind kind) {
        try (TestDatabase source = TestDatabase.create(kind); TestDatabase target = TestDatabase.create(kind)) {
            source.execute(PLAIN);
            target.execute("CREATE TABLE patient (id INT PRIMARY KEY, name VARCHAR(239), ssn VARCHAR(152),"
                    + " ward VARCHAR(10))");
            source.execute("INSERT INTO patient VALUES (1, 'Ada', '123-45-6789', 'a')");
            MaskingRules rules = MaskingRules.builder()
                    .column("patient", "name", Maskers.encryptDeterministic(Keyring.of(KEYS, "k1")))
                    .column("patient", "ssn", Maskers.encrypt(Keyring.of(KEYS, "k1"))).build();

            assertThatThrownBy(() -> MaskedCopy.from(source.dataSource()).to(target.dataSource()).rules(rules).build()
                    .run()).isInstanceOf(SchemaMismatchException.class)
                    .hasMessageContainingAll("1 problem", "masker 'encrypt_deterministic' writes up to 240 characters",
                            "for values of up to 40 characters", "widen it to at least 240", "Nothing was written");
            assertThat(target.queryLong("SELECT COUNT(*) FROM patient")).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void encrypting_a_bounded_column_in_place_is_refused_and_an_unbounded_one_works(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.execute("CREATE TABLE patient (id INT PRIMARY KEY, ssn VARCHAR(20), notes "
                    + (kind == DbKind.MARIADB ? "LONGTEXT" : kind == DbKind.H2 ? "CHARACTER VARYING" : "TEXT") + ")");
            db.execute("INSERT INTO patient VALUES (1, '123-45-6789', 'private note')");
            Keyring keyring = Keyring.of(KEYS, "k1");

            MaskingRules bounded = MaskingRules.builder().column("patient", "ssn", Maskers.encrypt(keyring)).build();
            assertThatThrownBy(() -> MaskingJob.inPlace(db.dataSource(), bounded).build().run())
                    .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("widen it to at least 152");
            assertThat(db.queryStrings("SELECT ssn FROM patient")).containsExactly("123-45-6789");

            MaskingRules unbounded = MaskingRules.builder().column("patient", "notes", Maskers.encrypt(keyring)).build();
            MaskingJob.inPlace(db.dataSource(), unbounded).build().run();
            String sealed = db.queryStrings("SELECT notes FROM patient").get(0);
            assertThat(Maskers.decrypt(keyring).mask(sealed)).isEqualTo("private note");
        }
    }

    private static List<String> rows(TestDatabase db) {
        List<String> out = new ArrayList<>();
        try (var c = db.dataSource().getConnection(); var rs = c.createStatement().executeQuery(ROWS)) {
            while (rs.next()) {
                out.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
