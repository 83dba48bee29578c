package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** KeyProvider.environment: DRM_MASKING_KEY_<ID> holding base64 or hex: of 16 to 64 bytes. */
final class KeyProviderEnvironmentTest {

    private static final byte[] KEY = MaskerFixtures.KEY;
    private static final String B64 = Base64.getEncoder().encodeToString(KEY);

    @Test
    void reads_base64_from_the_variable_named_after_the_id() {
        KeyProvider keys = KeyProvider.environment(Map.of("DRM_MASKING_KEY_PII", B64));
        assertThat(keys.key("pii")).isEqualTo(KEY);
        assertThat(keys.key("PII")).isEqualTo(KEY);
    }

    @Test
    void every_character_other_than_an_ascii_letter_or_digit_becomes_an_underscore() {
        KeyProvider keys = KeyProvider.environment(Map.of(
                "DRM_MASKING_KEY_CARD_2024", B64,
                "DRM_MASKING_KEY_EU_WEST_PII", B64,
                "DRM_MASKING_KEY__L_", B64));
        assertThat(keys.key("card-2024")).isEqualTo(KEY);
        assertThat(keys.key("eu.west/pii")).isEqualTo(KEY);
        assertThat(keys.key("élé")).isEqualTo(KEY);
    }

    @Test
    void accepts_hex_url_safe_base64_unpadded_base64_and_surrounding_spaces() {
        byte[] odd = new byte[20];
        Arrays.fill(odd, (byte) 0xFB); // base64 of 0xFB bytes uses '+' and '/' (or '-' and '_')
        KeyProvider keys = KeyProvider.environment(Map.of(
                "DRM_MASKING_KEY_HEX", "hex:" + HexFormat.of().formatHex(KEY),
                "DRM_MASKING_KEY_UPPER", "HEX:" + HexFormat.of().withUpperCase().formatHex(KEY),
                "DRM_MASKING_KEY_URL", Base64.getUrlEncoder().encodeToString(odd),
                "DRM_MASKING_KEY_NOPAD", Base64.getEncoder().withoutPadding().encodeToString(odd),
                "DRM_MASKING_KEY_SPACED", "  " + B64 + "\n"));
        assertThat(keys.key("hex")).isEqualTo(KEY);
        assertThat(keys.key("upper")).isEqualTo(KEY);
        assertThat(keys.key("url")).isEqualTo(odd);
        assertThat(keys.key("nopad")).isEqualTo(odd);
        assertThat(keys.key("spaced")).isEqualTo(KEY);
    }

    @Test
    void a_missing_variable_names_the_id_the_variable_and_what_to_do() {
        KeyProvider keys = KeyProvider.environment(Map.of());
        assertThatThrownBy(() -> keys.key("pii"))
                .isInstanceOf(MaskingKeyException.class)
                .satisfies(e -> assertThat(((MaskingKeyException) e).code().id()).isEqualTo("DRM-MASK-002"))
                .hasMessageContaining("'pii'")
                .hasMessageContaining("DRM_MASKING_KEY_PII is not set")
                .hasMessageContaining("base64");
    }

    @Test
    void an_empty_variable_is_a_missing_key() {
        KeyProvider keys = KeyProvider.environment(Map.of("DRM_MASKING_KEY_PII", " "));
        assertThatThrownBy(() -> keys.key("pii"))
                .isInstanceOf(MaskingKeyException.class)
                .hasMessageContaining("DRM_MASKING_KEY_PII is empty");
    }

    @Test
    void bad_base64_and_bad_hex_are_refused_without_showing_the_value() {
        String badBase64 = "c2VjcmV0!c2VjcmV0c2VjcmV0";
        String badHex = "hex:0011zz2233445566778899aabbccddeeff";
        KeyProvider keys = KeyProvider.environment(Map.of("DRM_MASKING_KEY_A", badBase64, "DRM_MASKING_KEY_B", badHex,
                "DRM_MASKING_KEY_C", "hex:abc"));
        for (String[] idAndValue : new String[][] {{"a", badBase64}, {"b", badHex}, {"c", "hex:abc"}}) {
            assertThatThrownBy(() -> keys.key(idAndValue[0]))
                    .isInstanceOf(MaskingKeyException.class)
                    .hasMessageContaining("'" + idAndValue[0] + "'")
                    .hasMessageContaining("neither base64 nor hex")
                    .hasMessageNotContaining(idAndValue[1])
                    .hasMessageNotContaining("c2VjcmV0")
                    .hasMessageNotContaining("zz")
                    .hasNoCause();
        }
    }

    @Test
    void keys_of_the_wrong_size_are_refused_with_their_size_only() {
        byte[] small = Arrays.copyOf(KEY, 15);
        byte[] large = new byte[65];
        KeyProvider keys = KeyProvider.environment(Map.of(
                "DRM_MASKING_KEY_SMALL", Base64.getEncoder().encodeToString(small),
                "DRM_MASKING_KEY_LARGE", "hex:" + HexFormat.of().formatHex(large),
                "DRM_MASKING_KEY_MIN", Base64.getEncoder().encodeToString(Arrays.copyOf(KEY, 16)),
                "DRM_MASKING_KEY_MAX", Base64.getEncoder().encodeToString(new byte[64])));
        assertThatThrownBy(() -> keys.key("small"))
                .isInstanceOf(MaskingKeyException.class)
                .hasMessageContaining("'small'")
                .hasMessageContaining("has 15 bytes")
                .hasMessageContaining("16 to 64")
                .hasMessageNotContainingAny(MaskerFixtures.renderings(small));
        assertThatThrownBy(() -> keys.key("large")).isInstanceOf(MaskingKeyException.class)
                .hasMessageContaining("has 65 bytes");
        assertThat(keys.key("min")).hasSize(16);
        assertThat(keys.key("max")).hasSize(64);
    }

    @Test
    void the_process_environment_is_read_by_default() {
        // No build sets a variable with a random name; the path must say so, not fail otherwise.
        String id = "absent-" + UUID.randomUUID();
        assertThatThrownBy(() -> KeyProvider.environment().key(id))
                .isInstanceOf(MaskingKeyException.class)
                .hasMessageContaining("is not set");
    }

    @Test
    void to_string_shows_no_values() {
        KeyProvider keys = KeyProvider.environment(Map.of("DRM_MASKING_KEY_PII", B64));
        assertThat(keys.toString()).contains("DRM_MASKING_KEY_").doesNotContain(B64).doesNotContain(B64.substring(0, 8));
        assertThat(KeyProvider.environment().toString()).isEqualTo("KeyProvider.environment[DRM_MASKING_KEY_*]");
    }
}
