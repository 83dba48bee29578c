package io.drm.masking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** AES-SIV is RFC 5297 exactly: its appendix A vectors, and a changed byte anywhere fails. */
final class AesSivTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rfc5297_a1_deterministic_example() {
        AesSiv siv = new AesSiv(HEX.parseHex("fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"));
        byte[] ad = HEX.parseHex("101112131415161718191a1b1c1d1e1f2021222324252627");
        byte[] plaintext = HEX.parseHex("112233445566778899aabbccddee");

        byte[] out = siv.encrypt(plaintext, ad);

        assertThat(HEX.formatHex(out)).isEqualTo("85632d07c6e8f37f950acd320a2ecc93" + "40c02b9690c4dc04daef7f6afe5c");
        assertThat(siv.decrypt(out, 0, out.length, ad)).isEqualTo(plaintext);
    }

    @Test
    void rfc5297_a2_nonce_based_example() {
        AesSiv siv = new AesSiv(HEX.parseHex("7f7e7d7c7b7a79787776757473727170404142434445464748494a4b4c4d4e4f"));
        byte[] ad1 = HEX.parseHex("00112233445566778899aabbccddeeffdeaddadadeaddadaffeeddccbbaa99887766554433221100");
        byte[] ad2 = HEX.parseHex("102030405060708090a0");
        byte[] nonce = HEX.parseHex("09f911029d74e35bd84156c5635688c0");
        byte[] plaintext = HEX.parseHex("7468697320697320736f6d6520706c61696e7465787420746f20656e6372797074207573"
                + "696e67205349562d414553");

        byte[] out = siv.encrypt(plaintext, ad1, ad2, nonce);

        assertThat(HEX.formatHex(out)).isEqualTo("7bdb6e3b432667eb06f4d14bff2fbd0f"
                + "cb900f2fddbe404326601965c889bf17dba77ceb094fa663b7a3f748ba8af829ea64ad544a272e9c485b62a3fd5c0d");
        assertThat(siv.decrypt(out, 0, out.length, ad1, ad2, nonce)).isEqualTo(plaintext);
    }

    @Test
    void every_changed_byte_and_other_associated_data_fail() {
        AesSiv siv = new AesSiv(new byte[64]);
        byte[] ad = {1, 2, 3};
        byte[] out = siv.encrypt("seventeen bytes!!".getBytes(java.nio.charset.StandardCharsets.UTF_8), ad);
        for (int i = 0; i < out.length; i++) {
            byte[] changed = out.clone();
            changed[i] ^= 0x01;
            assertThat(siv.decrypt(changed, 0, changed.length, ad)).as("byte %d", i).isNull();
        }
        assertThat(siv.decrypt(out, 0, out.length, new byte[] {1, 2, 4})).isNull();
        assertThat(siv.decrypt(out, 0, out.length)).isNull();
        assertThat(siv.decrypt(out, 0, 15, ad)).isNull();
    }

    @Test
    void empty_plaintext_is_the_iv_alone_and_round_trips() {
        AesSiv siv = new AesSiv(new byte[32]);
        byte[] out = siv.encrypt(new byte[0], new byte[0]);
        assertThat(out).hasSize(16);
        assertThat(siv.decrypt(out, 0, 16, new byte[0])).isEmpty();
    }

    @Test
    void doubling_is_multiplication_by_x_in_gf_2_128() {
        byte[] high = new byte[16];
        high[0] = (byte) 0x80;
        byte[] expected = new byte[16];
        expected[15] = (byte) 0x87;
        assertThat(AesSiv.dbl(high)).isEqualTo(expected);
        byte[] one = new byte[16];
        one[15] = 1;
        byte[] two = new byte[16];
        two[15] = 2;
        assertThat(AesSiv.dbl(one)).isEqualTo(two);
    }

    @Test
    void key_sizes_other_than_32_48_64_are_refused() {
        assertThatThrownBy(() -> new AesSiv(new byte[16])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32, 48 or 64");
    }
}
