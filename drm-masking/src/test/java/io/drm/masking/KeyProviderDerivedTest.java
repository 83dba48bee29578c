package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.junit.jupiter.api.Test;

/** KeyProvider.derived: HKDF-SHA256 of a master key per key id. */
final class KeyProviderDerivedTest {

    private static final byte[] MASTER = MaskerFixtures.KEY;

    @Test
    void each_id_gets_32_bytes_of_hkdf_with_the_id_in_the_info() {
        HKDFBytesGenerator bc = new HKDFBytesGenerator(new SHA256Digest());
        bc.init(new HKDFParameters(MASTER, null, "drm-masking/v1/key/pii".getBytes(StandardCharsets.UTF_8)));
        byte[] expected = new byte[32];
        bc.generateBytes(expected, 0, 32);
        assertThat(KeyProvider.derived(MASTER).key("pii")).isEqualTo(expected);
    }

    @Test
    void keys_are_stable_and_distinct_per_id() {
        KeyProvider keys = KeyProvider.derived(MASTER);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            byte[] key = keys.key("id-" + i);
            assertThat(KeyProvider.derived(MASTER.clone()).key("id-" + i)).isEqualTo(key);
            assertThat(seen.add(Arrays.toString(key))).isTrue();
        }
        assertThat(keys.key("pii")).isNotEqualTo(keys.key("PII")).isNotEqualTo(MASTER);
        assertThat(KeyProvider.derived(MaskerFixtures.OTHER_KEY).key("pii")).isNotEqualTo(keys.key("pii"));
    }

    @Test
    void the_master_key_is_copied() {
        byte[] master = MASTER.clone();
        KeyProvider keys = KeyProvider.derived(master);
        byte[] before = keys.key("pii");
        Arrays.fill(master, (byte) 0);
        assertThat(keys.key("pii")).isEqualTo(before);
    }

    @Test
    void a_short_master_key_and_a_blank_id_are_refused() {
        assertThatThrownBy(() -> KeyProvider.derived(Arrays.copyOf(MASTER, 15)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16 bytes")
                .hasMessageNotContainingAny(MaskerFixtures.renderings(Arrays.copyOf(MASTER, 15)));
        assertThatThrownBy(() -> KeyProvider.derived(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> KeyProvider.derived(MASTER).key(""))
                .isInstanceOf(MaskingKeyException.class)
                .satisfies(e -> assertThat(((MaskingKeyException) e).code()).isEqualTo(MaskingKeyException.CODE));
    }

    @Test
    void to_string_shows_no_key() {
        assertThat(KeyProvider.derived(MASTER).toString()).isEqualTo("KeyProvider.derived[HKDF-SHA256]");
    }
}
