package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Bad keys, alphabets, inputs and tweaks are refused with messages that hold no key and no input. */
final class Ff1BadInputTest {

    private static final byte[] KEY = HexFormat.of().parseHex("2B7E151628AED2A6ABF7158809CF4F3C");
    private static final String KEY_HEX = "2b7e151628aed2a6abf7158809cf4f3c";
    private static final String DIGITS = "0123456789";
    private static final Ff1 DECIMAL = Ff1.create(KEY, DIGITS);

    @Test
    void a_key_of_15_bytes_is_refused() {
        byte[] key = Arrays.copyOf(KEY, 15);
        assertThatThrownBy(() -> Ff1.create(key, DIGITS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16, 24 or 32 bytes")
                .hasMessageContaining("15")
                .hasMessageNotContainingAny(KEY_HEX.substring(0, 30), Arrays.toString(key));
    }

    @Test
    void an_empty_key_is_refused() {
        assertThatThrownBy(() -> Ff1.create(new byte[0], DIGITS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16, 24 or 32 bytes");
    }

    @Test
    void a_key_of_64_bytes_is_refused() {
        assertThatThrownBy(() -> Ff1.create(new byte[64], DIGITS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16, 24 or 32 bytes");
    }

    @Test
    void an_alphabet_with_a_duplicate_character_is_refused() {
        assertThatThrownBy(() -> Ff1.create(KEY, "0123456789abca"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeats")
                .hasMessageContaining("U+0061")
                .hasMessageContaining("positions 10 and 13");
    }

    @Test
    void an_alphabet_of_one_character_is_refused() {
        assertThatThrownBy(() -> Ff1.create(KEY, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2");
    }

    @Test
    void an_empty_alphabet_is_refused() {
        assertThatThrownBy(() -> Ff1.create(KEY, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2");
    }

    @Test
    void an_alphabet_longer_than_65536_characters_is_refused() {
        char[] chars = new char[65537];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) i;
        }
        assertThatThrownBy(() -> Ff1.create(KEY, new String(chars)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeats");
    }

    @Test
    void an_alphabet_of_all_65536_chars_is_accepted() {
        char[] chars = new char[65536];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (65535 - i);
        }
        Ff1 ff1 = Ff1.create(KEY, new String(chars));
        assertThat(ff1.decrypt(ff1.encrypt("\u0000\uffff", null), null)).isEqualTo("\u0000\uffff");
    }

    @Test
    void a_plaintext_below_the_minimum_domain_is_refused_without_echoing_it() {
        // 10^5 < 1,000,000: five digits are too few.
        assertThatThrownBy(() -> DECIMAL.encrypt("90210", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 6")
                .hasMessageNotContaining("90210");
    }

    @Test
    void a_ciphertext_below_the_minimum_domain_is_refused() {
        assertThatThrownBy(() -> DECIMAL.decrypt("90210", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 6");
    }

    @Test
    void nineteen_bits_are_below_the_minimum_domain() {
        Ff1 binary = Ff1.create(KEY, "01");
        assertThatThrownBy(() -> binary.encrypt("0101010101010101010", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 20");
        assertThat(binary.encrypt("01010101010101010101", null)).hasSize(20);
    }

    @Test
    void one_character_is_too_short_even_in_radix_65536() {
        char[] chars = new char[65536];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) i;
        }
        Ff1 wide = Ff1.create(KEY, new String(chars));
        assertThatThrownBy(() -> wide.encrypt("A", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2");
    }

    @Test
    void a_character_outside_the_alphabet_is_refused_by_position_without_echoing_the_input() {
        String input = "4111-1111111111";
        assertThatThrownBy(() -> DECIMAL.encrypt(input, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 4")
                .hasMessageNotContaining(input)
                .hasMessageNotContaining("4111");
    }

    @Test
    void a_character_outside_the_alphabet_is_refused_on_decryption() {
        assertThatThrownBy(() -> DECIMAL.decrypt("12345678x0", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 8");
    }

    @Test
    void a_tweak_longer_than_4096_bytes_is_refused() {
        assertThatThrownBy(() -> DECIMAL.encrypt("0123456789", new byte[4097]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4096");
    }

    @Test
    void a_tweak_of_4096_bytes_is_accepted() {
        byte[] tweak = new byte[4096];
        Arrays.fill(tweak, (byte) 7);
        assertThat(DECIMAL.decrypt(DECIMAL.encrypt("0123456789", tweak), tweak)).isEqualTo("0123456789");
    }

    @Test
    void a_null_tweak_is_the_empty_tweak() {
        assertThat(DECIMAL.encrypt("0123456789", null)).isEqualTo(DECIMAL.encrypt("0123456789", new byte[0]));
    }

    @Test
    void null_arguments_are_refused_with_npe() {
        assertThatThrownBy(() -> Ff1.create(null, DIGITS)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Ff1.create(KEY, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> DECIMAL.encrypt(null, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> DECIMAL.decrypt(null, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void the_key_is_copied() {
        byte[] key = KEY.clone();
        Ff1 ff1 = Ff1.create(key, DIGITS);
        Arrays.fill(key, (byte) 0);
        assertThat(ff1.encrypt("0123456789", null)).isEqualTo("2433477484"); // NIST sample 1
    }

    @Test
    void to_string_shows_the_radix_and_not_the_key() {
        assertThat(DECIMAL.toString())
                .isEqualTo("Ff1[radix=10, minLength=6]")
                .doesNotContainIgnoringCase(KEY_HEX.substring(0, 8))
                .doesNotContain(new String(KEY, StandardCharsets.ISO_8859_1));
    }
}
