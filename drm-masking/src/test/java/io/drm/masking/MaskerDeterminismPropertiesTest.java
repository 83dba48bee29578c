package io.drm.masking;

import static io.drm.masking.MaskerFixtures.DIGITS;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Keyed maskers are functions of key, parameters and value only: a new instance with a copy of the
 * key masks the same way, and another key masks differently.
 */
final class MaskerDeterminismPropertiesTest {

    /**
     * A masker and how to turn 13 to 19 random digits into a value it accepts.
     *
     * @param factory builds the masker for a key
     * @param input builds the value from the digits
     * @param highEntropy whether two keys agreeing on a value is negligible (below 2^-36)
     */
    record Case(Function<byte[], TypedMasker> factory, Function<String, String> input, boolean highEntropy) {
    }

    private static final List<Case> CASES = List.of(
            new Case(k -> Maskers.token(k, 16, MaskerFixtures.BASE62), d -> d, true),
            new Case(k -> Maskers.fpe(k, DIGITS), d -> d.substring(0, 3) + "-" + d.substring(3), true),
            new Case(k -> Maskers.email(k, null), d -> "user." + d + "@example.com", true),
            new Case(k -> Maskers.email(k, "example.invalid"), d -> d + "@example.com", true),
            new Case(Maskers::phone, d -> "+" + d, true),
            new Case(k -> Maskers.paymentCard(k, false), d -> d, true),
            new Case(k -> Maskers.paymentCard(k, true), d -> d, false),
            new Case(Maskers::firstName, d -> "Name" + d, false),
            new Case(Maskers::lastName, d -> "Name" + d, false),
            new Case(Maskers::fullName, d -> "Name " + d, false),
            new Case(Maskers::streetAddress, d -> d + " Long Road", false),
            new Case(Maskers::city, d -> "Town" + d, false));

    @Property(tries = 200)
    void a_copy_of_the_key_gives_the_same_output(@ForAll("keys") byte[] key, @ForAll("digits") String digits) {
        for (Case c : CASES) {
            String value = c.input().apply(digits);
            TypedMasker first = c.factory().apply(key);
            TypedMasker second = c.factory().apply(key.clone());
            assertThat(second.mask(value)).as(first.name()).isEqualTo(first.mask(value));
            assertThat(first.mask(value)).as(first.name() + ", twice").isEqualTo(first.mask(value));
        }
    }

    @Property(tries = 200)
    void another_key_gives_another_output(@ForAll("keys") byte[] key, @ForAll("keys") byte[] other,
            @ForAll("digits") String digits) {
        Assume.that(!Arrays.equals(key, other));
        for (Case c : CASES) {
            if (c.highEntropy()) {
                String value = c.input().apply(digits);
                TypedMasker a = c.factory().apply(key);
                assertThat(c.factory().apply(other).mask(value)).as(a.name()).isNotEqualTo(a.mask(value));
            }
        }
    }

    @Property(tries = 100)
    void noise_and_date_shift_are_deterministic_too(@ForAll("keys") byte[] key, @ForAll int number) {
        assertThat(Maskers.noise(key.clone(), 20).mask(number)).isEqualTo(Maskers.noise(key, 20).mask(number));
        assertThat(Maskers.noise(key, 20).mask(BigDecimal.valueOf(number, 2)))
                .isEqualTo(Maskers.noise(key.clone(), 20).mask(BigDecimal.valueOf(number, 2)));
        assertThat(Maskers.dateShift(key, 300).mask(LocalDate.of(2020, 2, 29)))
                .isEqualTo(Maskers.dateShift(key.clone(), 300).mask(LocalDate.of(2020, 2, 29)));
    }

    @Property(tries = 200)
    void two_maskers_under_one_key_do_not_agree(@ForAll("keys") byte[] key, @ForAll("digits") String digits) {
        // fpe over digits, phone and card all encrypt digits with FF1; their subkeys differ.
        String fpe = (String) Maskers.fpe(key, DIGITS).mask(digits);
        assertThat(Maskers.phone(key).mask(digits)).isNotEqualTo(fpe);
        String card = (String) Maskers.paymentCard(key, false).mask(digits);
        assertThat(card.substring(0, card.length() - 1)).isNotEqualTo(fpe.substring(0, fpe.length() - 1));
        assertThat(Maskers.token(key, digits.length(), DIGITS).mask(digits)).isNotEqualTo(fpe);
    }

    @Property(tries = 20)
    void fakes_under_two_keys_differ_for_most_values(@ForAll("keys") byte[] key, @ForAll("keys") byte[] other) {
        Assume.that(!Arrays.equals(key, other));
        TypedMasker a = Maskers.fullName(key);
        TypedMasker b = Maskers.fullName(other);
        int same = 0;
        for (int i = 0; i < 200; i++) {
            String name = "Person " + i;
            same += a.mask(name).equals(b.mask(name)) ? 1 : 0;
        }
        // 268 x 260 full names: two keys agree on one value with probability about 1 / 70,000.
        assertThat(same).isLessThan(3);
    }

    @Provide
    Arbitrary<byte[]> keys() {
        return MaskerFixtures.keys();
    }

    @Provide
    Arbitrary<String> digits() {
        return Arbitraries.strings().withChars(DIGITS).ofMinLength(13).ofMaxLength(19);
    }
}
