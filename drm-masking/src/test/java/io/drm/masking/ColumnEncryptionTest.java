package io.drm.masking;

import static io.drm.masking.CryptoFixtures.K1;
import static io.drm.masking.CryptoFixtures.K1_OTHER;
import static io.drm.masking.CryptoFixtures.KEYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.JDBCType;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The column encryption maskers: format, nulls, and every refusal coded and free of the value. */
final class ColumnEncryptionTest {

    private static final String SECRET = "Zyxwvut-4929 secret";
    private static final Keyring K1_RING = Keyring.of(KEYS, "k1");

    @Test
    void null_stays_null_in_every_direction() {
        assertThat(Maskers.encrypt(K1_RING).mask(null)).isNull();
        assertThat(Maskers.encryptDeterministic(K1_RING).mask(null)).isNull();
        assertThat(Maskers.decrypt(K1_RING).mask(null)).isNull();
    }

    @Test
    void the_ciphertext_carries_the_format_byte_and_key_id() {
        byte[] gcm = Base64.getDecoder().decode((String) Maskers.encrypt(K1_RING).mask("abc"));
        byte[] siv = Base64.getDecoder().decode((String) Maskers.encryptDeterministic(K1_RING).mask("abc"));

        assertThat(HexFormat.of().formatHex(gcm, 0, 4)).isEqualTo("01026b31");     // 0x01, 2, "k1"
        assertThat(gcm).hasSize(4 + 12 + 3 + 16);
        assertThat(HexFormat.of().formatHex(siv, 0, 4)).isEqualTo("02026b31");     // 0x02, 2, "k1"
        assertThat(siv).hasSize(4 + 16 + 3);
    }

    @Test
    void names_types_and_determinism_are_as_the_catalogue_says() {
        TypedMasker gcm = Maskers.encrypt(K1_RING);
        TypedMasker siv = Maskers.encryptDeterministic(K1_RING);
        TypedMasker dec = Maskers.decrypt(K1_RING);
        assertThat(gcm.name()).isEqualTo("encrypt");
        assertThat(siv.name()).isEqualTo("encrypt_deterministic");
        assertThat(dec.name()).isEqualTo("decrypt");
        assertThat(gcm.deterministic()).isFalse();
        assertThat(siv.deterministic()).isTrue();
        for (TypedMasker m : new TypedMasker[] {gcm, siv, dec}) {
            assertThat(m.supports(JDBCType.VARCHAR)).isTrue();
            assertThat(m.supports(JDBCType.INTEGER)).isFalse();
            assertThat(m.toString()).doesNotContain(HexFormat.of().formatHex(K1))
                    .doesNotContain(Base64.getEncoder().encodeToString(K1));
        }
        assertThat(gcm.toString()).isEqualTo("Maskers.encrypt[keyId=k1]");
    }

    @Test
    void another_key_under_the_same_id_fails_authentication() {
        String ciphertext = (String) Maskers.encrypt(K1_RING).mask(SECRET);
        String deterministic = (String) Maskers.encryptDeterministic(K1_RING).mask(SECRET);
        Keyring impostor = Keyring.of(KeyProvider.of(Map.of("k1", K1_OTHER)), "k1");

        for (String c : new String[] {ciphertext, deterministic}) {
            assertThatThrownBy(() -> Maskers.decrypt(impostor).mask(c)).isInstanceOf(IntegrityException.class)
                    .hasMessageStartingWith("DRM-CRYPTO-005").hasMessageContaining("'k1'")
                    .hasMessageContaining("does not authenticate").hasMessageNotContaining(SECRET);
        }
    }

    @Test
    void an_unknown_key_id_is_named() {
        String ciphertext = (String) Maskers.encrypt(Keyring.of(KEYS, "k2")).mask(SECRET);
        assertThatThrownBy(() -> Maskers.decrypt(K1_RING).mask(ciphertext)).isInstanceOf(UnknownKeyIdException.class)
                .hasMessageStartingWith("DRM-CRYPTO-003").hasMessageContaining("'k2'")
                .hasMessageContaining("Keyring[primary=k1").hasMessageNotContaining(SECRET);
    }

    @Test
    void what_is_not_a_ciphertext_is_malformed() {
        TypedMasker decrypt = Maskers.decrypt(K1_RING);
        String good = (String) Maskers.encrypt(K1_RING).mask(SECRET);
        byte[] bytes = Base64.getDecoder().decode(good);
        byte[] newer = bytes.clone();
        newer[0] = 3;
        String[] bad = {SECRET, "", "AA==", good + " ", good.substring(0, good.length() - 1),
            Base64.getEncoder().encodeToString(newer), Base64.getEncoder().encodeToString(new byte[] {1, 0, 0, 0}),
            Base64.getEncoder().encodeToString(new byte[] {1, 2, 'k', '1', 9})};
        for (String value : bad) {
            assertThatThrownBy(() -> decrypt.mask(value)).as(value).isInstanceOf(MalformedCiphertextException.class)
                    .hasMessageStartingWith("DRM-CRYPTO-006").hasMessageContaining("decrypt: a value")
                    .hasMessageNotContaining(SECRET);
        }
        assertThatThrownBy(() -> decrypt.mask(Base64.getEncoder().encodeToString(newer)))
                .hasMessageContaining("unknown format byte 3");
    }

    @Test
    void a_non_canonical_encoding_of_a_good_ciphertext_is_refused() {
        // 35 bytes: the last base64 character carries 2 unused bits that a lenient decoder ignores
        String good = (String) Maskers.encrypt(K1_RING).mask("abc");
        assertThat(good).endsWith("=");
        char last = good.charAt(good.length() - 2);
        String alias = good.substring(0, good.length() - 2) + (char) (last + 1) + "=";
        assertThat(Base64.getDecoder().decode(alias)).isEqualTo(Base64.getDecoder().decode(good));
        assertThatThrownBy(() -> Maskers.decrypt(K1_RING).mask(alias)).isInstanceOf(MalformedCiphertextException.class)
                .hasMessageContaining("canonical");
    }

    @Test
    void an_unpaired_surrogate_is_refused_rather_than_changed() {
        assertThatThrownBy(() -> Maskers.encrypt(K1_RING).mask("a\uD800b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("encrypt").hasMessageContaining("unpaired surrogate");
    }

    @Test
    void non_strings_are_refused_without_the_value() {
        assertThatThrownBy(() -> Maskers.encrypt(K1_RING).mask(4929_4929)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("49294929");
    }

    @Test
    void rules_files_name_the_maskers_with_a_key_id() {
        String json = "{\"version\": 1, \"rules\": ["
                + "{\"table\": \"t\", \"column\": \"a\", \"masker\": \"encrypt\", \"keyId\": \"k1\"},"
                + "{\"table\": \"t\", \"column\": \"b\", \"masker\": \"encrypt_deterministic\", \"keyId\": \"k1\"},"
                + "{\"table\": \"u\", \"column\": \"b\", \"masker\": \"decrypt\", \"keyId\": \"k1\"}]}";
        MaskingRules rules = MaskingRules.fromJson(json, KEYS);

        TypedMasker siv = rules.rule("t", "b").orElseThrow().masker();
        assertThat(siv.mask(SECRET)).isEqualTo(Maskers.encryptDeterministic(K1_RING).mask(SECRET));
        String sealed = (String) rules.rule("t", "a").orElseThrow().masker().mask(SECRET);
        assertThat(rules.rule("u", "b").orElseThrow().masker().mask(sealed)).isEqualTo(SECRET);
        assertThat(Maskers.decrypt(K1_RING).mask(sealed)).isEqualTo(SECRET);
        assertThat(MaskingRules.fromJson(rules.toJson(), KEYS).toJson()).isEqualTo(rules.toJson());
        assertThat(rules.toJson()).contains("\"encrypt_deterministic\"").doesNotContain(
                new String(Base64.getEncoder().encode(K1), StandardCharsets.US_ASCII));
    }

    @Test
    void rules_refuse_the_maskers_without_a_key_id() {
        String json = "{\"version\": 1, \"rules\": [{\"table\": \"t\", \"column\": \"a\", \"masker\": \"encrypt\"}]}";
        assertThatThrownBy(() -> MaskingRules.fromJson(json, KEYS)).isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("masker 'encrypt' needs a key");
    }
}
