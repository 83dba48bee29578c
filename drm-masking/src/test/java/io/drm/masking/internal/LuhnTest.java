package io.drm.masking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Solving for a Luhn digit over the first digits of an array, as over an array of just those. */
final class LuhnTest {

    @Test
    void solving_over_a_prefix_ignores_the_digits_after_it() {
        Random random = new Random(11);
        for (int trial = 0; trial < 2000; trial++) {
            int length = 1 + random.nextInt(19);
            int[] digits = new int[length + random.nextInt(5)];
            for (int i = 0; i < digits.length; i++) {
                digits[i] = random.nextInt(10);
            }
            int index = random.nextInt(length);
            int[] number = Arrays.copyOf(digits, length);
            int solved = Luhn.solve(digits, length, index);
            assertThat(solved).isEqualTo(Luhn.solve(number, index));
            number[index] = solved;
            StringBuilder text = new StringBuilder();
            for (int d : number) {
                text.append(d);
            }
            assertThat(Luhn.valid(text)).as(text.toString()).isTrue();
        }
    }
}
