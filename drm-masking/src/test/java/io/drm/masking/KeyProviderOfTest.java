package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** KeyProvider.of: an in-memory copy of a map. */
final class KeyProviderOfTest {

    private static final byte[] PII = MaskerFixtures.KEY;
    private static final byte[] PCI = MaskerFixtures.OTHER_KEY;

    @Test
    void returns_copies_of_the_keys() {
        KeyProvider keys = KeyProvider.of(Map.of("pii", PII, "pci", PCI));
        assertThat(keys.key("pii")).isEqualTo(PII).isNotSameAs(PII);
        byte[] first = keys.key("pci");
        first[0] ^= 1;
        assertThat(keys.key("pci")).isEqualTo(PCI);
    }

    @Test
    void later_changes_to_the_map_or_its_arrays_do_not_reach_the_provider() {
        byte[] key = PII.clone();
        Map<String, byte[]> map = new HashMap<>(Map.of("pii", key));
        KeyProvider keys = KeyProvider.of(map);
        key[0] ^= 1;
        map.put("later", PCI);
        assertThat(keys.key("pii")).isEqualTo(PII);
        assertThatThrownBy(() -> keys.key("later")).isInstanceOf(MaskingKeyException.class);
    }

    @Test
    void a_missing_id_names_the_id_and_the_ids_held_but_no_key() {
        KeyProvider keys = KeyProvider.of(Map.of("pii", PII));
        assertThatThrownBy(() -> keys.key("pci"))
                .isInstanceOf(MaskingKeyException.class)
                .satisfies(e -> assertThat(((MaskingKeyException) e).code()).isEqualTo(MaskingKeyException.CODE))
                .hasMessageStartingWith("DRM-MASK-002: ")
                .hasMessageContaining("'pci'")
                .hasMessageContaining("[pii]")
                .hasMessageNotContainingAny(MaskerFixtures.renderings(PII));
    }

    @Test
    void a_blank_id_is_refused_and_a_null_id_is_a_programming_error() {
        KeyProvider keys = KeyProvider.of(Map.of("pii", PII));
        assertThatThrownBy(() -> keys.key(" ")).isInstanceOf(MaskingKeyException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> keys.key(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void short_keys_blank_ids_and_nulls_are_refused_when_created() {
        assertThatThrownBy(() -> KeyProvider.of(Map.of("pii", new byte[15])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'pii'")
                .hasMessageContaining("15 bytes");
        assertThatThrownBy(() -> KeyProvider.of(Map.of(" ", PII))).isInstanceOf(IllegalArgumentException.class);
        Map<String, byte[]> withNull = new HashMap<>();
        withNull.put("pii", null);
        assertThatThrownBy(() -> KeyProvider.of(withNull)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> KeyProvider.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void to_string_names_the_ids_only() {
        KeyProvider keys = KeyProvider.of(Map.of("pii", PII, "pci", PCI));
        assertThat(keys.toString()).isEqualTo("KeyProvider.of[pci, pii]")
                .doesNotContain(MaskerFixtures.renderings(PII)).doesNotContain(MaskerFixtures.renderings(PCI));
    }
}
