package io.drm.masking;

import static io.drm.masking.MaskerFixtures.DIGITS;
import static io.drm.masking.MaskerFixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The card masker's output passes Luhn, keeps BIN and last 4 when asked, and stays injective. */
final class MaskerCardPropertiesTest {

    private static final TypedMasker CARD = Maskers.paymentCard(KEY, false);
    private static final TypedMasker KEEP = Maskers.paymentCard(KEY, true);

    @Property(tries = 1000)
    void output_passes_luhn_whether_or_not_the_input_does(@ForAll("digits") String number,
            @ForAll boolean keep) {
        String masked = (String) (keep ? KEEP : CARD).mask(number);
        assertThat(Maskers.luhnValid(masked)).as(masked).isTrue();
    }

    @Property(tries = 1000)
    void keep_mode_keeps_the_first_6_and_last_4_digits(@ForAll("digits") String number) {
        String masked = (String) KEEP.mask(number);
        assertThat(masked.substring(0, 6)).isEqualTo(number.substring(0, 6));
        assertThat(masked.substring(masked.length() - 4)).isEqualTo(number.substring(number.length() - 4));
    }

    @Property(tries = 300)
    void separated_numbers_mask_like_plain_ones(@ForAll("digits") String number, @ForAll boolean keep) {
        StringBuilder spaced = new StringBuilder();
        for (int i = 0; i < number.length(); i++) {
            spaced.append(i > 0 && i % 4 == 0 ? " " : "").append(number.charAt(i));
        }
        TypedMasker masker = keep ? KEEP : CARD;
        String masked = (String) masker.mask(spaced.toString());
        assertThat(masked.replace(" ", "")).isEqualTo(masker.mask(number));
        assertThat(Maskers.luhnValid(masked)).isTrue();
    }

    @Property(tries = 200)
    void a_valid_input_is_masked_to_a_different_number(@ForAll @IntRange(min = 12, max = 19) int length,
            @ForAll Random random, @ForAll boolean keep) {
        String number = MaskerFixtures.luhnValid(random, length);
        // Keep mode changes only n - 11 free digits: below 19 digits an unchanged output is too likely
        // (1 in 10^(n-11)) for a test that must not flake.
        if (!keep || length == 19) {
            assertThat((keep ? KEEP : CARD).mask(number)).isNotEqualTo(number);
        }
    }

    @Test
    void distinct_valid_cards_mask_to_distinct_cards() {
        Random random = new Random(11);
        for (TypedMasker masker : new TypedMasker[] {CARD, KEEP}) {
            Set<String> inputs = new HashSet<>();
            Set<Object> outputs = new HashSet<>();
            while (inputs.size() < 50_000) {
                String number = MaskerFixtures.luhnValid(random, 16);
                if (inputs.add(number)) {
                    outputs.add(masker.mask(number));
                }
            }
            assertThat(outputs).as(masker.toString()).hasSize(inputs.size());
        }
    }

    @Test
    void keep_mode_permutes_every_valid_middle_of_one_bin_and_last_4() {
        // 16 digits: 6 kept, 5 free, 1 solved for Luhn, 4 kept: the 100,000 valid numbers with BIN
        // 411111 and last 4 1111 must map to 100,000 distinct valid numbers of the same BIN and last 4.
        Set<Object> outputs = new HashSet<>();
        for (int free = 0; free < 100_000; free++) {
            String middle = String.format("%05d", free);
            String number = null;
            for (int d = 0; d < 10 && number == null; d++) {
                String candidate = "411111" + middle + d + "1111";
                number = Maskers.luhnValid(candidate) ? candidate : null;
            }
            String masked = (String) KEEP.mask(number);
            assertThat(masked).startsWith("411111").endsWith("1111");
            outputs.add(masked);
        }
        assertThat(outputs).hasSize(100_000);
    }

    @Test
    void luhn_valid_agrees_with_known_numbers() {
        assertThat(Maskers.luhnValid("4111111111111111")).isTrue();
        assertThat(Maskers.luhnValid("4111 1111 1111 1111")).isTrue();
        assertThat(Maskers.luhnValid("4111-1111-1111-1111")).isTrue();
        assertThat(Maskers.luhnValid("378282246310005")).isTrue();
        assertThat(Maskers.luhnValid("79927398713")).isTrue();
        assertThat(Maskers.luhnValid("4111111111111112")).isFalse();
        assertThat(Maskers.luhnValid("79927398710")).isFalse();
        assertThat(Maskers.luhnValid("4111x111111111111")).isFalse();
        assertThat(Maskers.luhnValid("")).isFalse();
        assertThat(Maskers.luhnValid(" - ")).isFalse();
    }

    @Provide
    Arbitrary<String> digits() {
        return Arbitraries.strings().withChars(DIGITS).ofMinLength(12).ofMaxLength(19);
    }
}
