package io.drm.masking;

import static io.drm.masking.MaskerFixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.drm.masking.internal.DigitFeistel;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** fpe is a bijection: checked over a whole domain, and on samples of larger ones. */
final class MaskerBijectionTest {

    @Test
    void fpe_permutes_all_20_bit_binary_strings() {
        TypedMasker fpe = Maskers.fpe(KEY, "01");
        BitSet seen = new BitSet(1 << 20);
        char[] bits = new char[20];
        for (int x = 0; x < 1 << 20; x++) {
            for (int i = 0; i < 20; i++) {
                bits[i] = (x >>> (19 - i) & 1) == 0 ? '0' : '1';
            }
            String masked = (String) fpe.mask(new String(bits));
            assertThat(masked).hasSize(20);
            int y = Integer.parseInt(masked, 2);
            assertThat(seen.get(y)).as("collision").isFalse();
            seen.set(y);
        }
        assertThat(seen.cardinality()).isEqualTo(1 << 20);
    }

    @Test
    void fpe_gives_100_000_distinct_ssns_distinct_outputs_of_the_same_shape() {
        TypedMasker fpe = Maskers.fpe(KEY, MaskerFixtures.DIGITS);
        Random random = new Random(3);
        Set<String> inputs = new HashSet<>();
        Set<Object> outputs = new HashSet<>();
        while (inputs.size() < 100_000) {
            String ssn = String.format("%03d-%02d-%04d", random.nextInt(1000), random.nextInt(100),
                    random.nextInt(10_000));
            if (inputs.add(ssn)) {
                String masked = (String) fpe.mask(ssn);
                assertThat(masked).matches("\\d{3}-\\d{2}-\\d{4}");
                outputs.add(masked);
            }
        }
        assertThat(outputs).hasSize(100_000);
    }

    @Test
    void the_small_domain_feistel_is_a_permutation_of_every_size_and_inverts() {
        DigitFeistel feistel = new DigitFeistel(KEY);
        byte[] tweak = "4111111111".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int k = 1; k <= DigitFeistel.MAX_DIGITS; k++) {
            int n = (int) Math.pow(10, k);
            BitSet seen = new BitSet(n);
            int fixedPoints = 0;
            for (int x = 0; x < n; x++) {
                int y = feistel.permute(x, k, tweak);
                assertThat(y).isBetween(0, n - 1);
                assertThat(seen.get(y)).as("collision for k=%d", k).isFalse();
                seen.set(y);
                assertThat(feistel.invert(y, k, tweak)).isEqualTo(x);
                fixedPoints += x == y ? 1 : 0;
            }
            // A random permutation has about one fixed point; an identity-like one would have many.
            assertThat(fixedPoints).as("fixed points for k=%d", k).isLessThan(Math.max(5, n / 100));
        }
    }

    @Test
    void the_small_domain_feistel_depends_on_the_tweak() {
        DigitFeistel feistel = new DigitFeistel(KEY);
        int differ = 0;
        for (int x = 0; x < 1000; x++) {
            differ += feistel.permute(x, 3, new byte[] {1}) != feistel.permute(x, 3, new byte[] {2}) ? 1 : 0;
        }
        assertThat(differ).isGreaterThan(950);
    }
}
