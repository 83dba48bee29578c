package io.drm.masking;

import static io.drm.masking.MaskerFixtures.DIGITS;
import static io.drm.masking.MaskerFixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The FF1-based maskers reuse per-thread buffers from value to value: what one value leaves in
 * them (longer, shorter, refused half-way) never shows in the next. Each value is masked by a
 * masker that has just masked something else and by a new one, whose buffers are untouched.
 */
final class MaskerScratchReuseTest {

    @Test
    void fpe_values_of_changing_lengths_and_patterns_mask_as_on_a_fresh_masker() {
        TypedMasker reused = Maskers.fpe(KEY, DIGITS);
        Random random = new Random(5);
        for (int i = 0; i < 300; i++) {
            String value = i % 50 == 49 ? MaskerFixtures.random(random, DIGITS, 5000)
                    : withSeparators(random, MaskerFixtures.random(random, DIGITS, 6 + random.nextInt(60)), "-. x");
            assertThat(reused.mask(value)).isEqualTo(Maskers.fpe(KEY, DIGITS).mask(value));
        }
    }

    @Test
    void phone_values_after_a_refused_one_mask_as_on_a_fresh_masker() {
        TypedMasker reused = Maskers.phone(KEY);
        Random random = new Random(6);
        for (int i = 0; i < 200; i++) {
            String refused = MaskerFixtures.random(random, DIGITS, 20) + "a" + MaskerFixtures.random(random, DIGITS, 3);
            assertThatThrownBy(() -> reused.mask(refused)).isInstanceOf(IllegalArgumentException.class);
            String value = withSeparators(random, MaskerFixtures.random(random, DIGITS, 6 + random.nextInt(10)), "+ -()");
            assertThat(reused.mask(value)).isEqualTo(Maskers.phone(KEY).mask(value));
        }
    }

    @Test
    void card_numbers_of_changing_lengths_mask_as_on_a_fresh_masker() {
        Random random = new Random(7);
        for (boolean keep : new boolean[] {false, true}) {
            TypedMasker reused = Maskers.paymentCard(KEY, keep);
            for (int i = 0; i < 300; i++) {
                String tooLong = MaskerFixtures.random(random, DIGITS, 25);
                assertThatThrownBy(() -> reused.mask(tooLong)).isInstanceOf(IllegalArgumentException.class);
                String value = withSeparators(random, MaskerFixtures.luhnValid(random, 12 + random.nextInt(8)), " -");
                assertThat(reused.mask(value)).as(value).isEqualTo(Maskers.paymentCard(KEY, keep).mask(value));
            }
        }
    }

    private static String withSeparators(Random random, String digits, String separators) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (random.nextInt(4) == 0) {
                s.append(separators.charAt(random.nextInt(separators.length())));
            }
            s.append(digits.charAt(i));
        }
        return s.toString();
    }
}
