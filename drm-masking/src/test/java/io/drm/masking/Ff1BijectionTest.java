package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** On a whole domain of the minimum size, encryption is a permutation. */
final class Ff1BijectionTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void encryption_permutes_all_six_digit_strings() {
        Ff1 ff1 = Ff1.create(KEY, "0123456789");
        byte[] tweak = "bijection".getBytes(StandardCharsets.US_ASCII);
        int size = 1_000_000;
        BitSet images = new BitSet(size);
        char[] digits = new char[6];
        for (int value = 0; value < size; value++) {
            int rest = value;
            for (int i = 5; i >= 0; i--) {
                digits[i] = (char) ('0' + rest % 10);
                rest /= 10;
            }
            images.set(Integer.parseInt(ff1.encrypt(new String(digits), tweak)));
        }
        assertThat(images.cardinality()).isEqualTo(size);
    }
}
