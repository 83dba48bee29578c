package io.drm.masking;

import static io.drm.masking.MaskerFixtures.BASE36;
import static io.drm.masking.MaskerFixtures.BASE62;
import static io.drm.masking.MaskerFixtures.DIGITS;
import static io.drm.masking.MaskerFixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.drm.masking.internal.MaskerKeys;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Format-preserving maskers keep length, alphabet and the position of every other character. */
final class MaskerFormatPropertiesTest {

    private static final TypedMasker FPE_DIGITS = Maskers.fpe(KEY, DIGITS);
    private static final TypedMasker FPE_BASE36 = Maskers.fpe(KEY, BASE36);
    private static final TypedMasker PHONE = Maskers.phone(KEY);

    @Property(tries = 500)
    void fpe_keeps_length_digit_positions_and_punctuation(@ForAll("digitsWithPunctuation") String value) {
        assertSameShape(value, (String) FPE_DIGITS.mask(value), DIGITS);
    }

    @Property(tries = 300)
    void fpe_over_base36_keeps_upper_case_and_symbols_in_place(@ForAll("base36WithOthers") String value) {
        assertSameShape(value, (String) FPE_BASE36.mask(value), BASE36);
    }

    @Property(tries = 300)
    void fpe_is_ff1_over_the_alphabet_characters_under_its_subkey(@ForAll("digitsWithPunctuation") String value) {
        String masked = (String) FPE_DIGITS.mask(value);
        Ff1 ff1 = Ff1.create(MaskerKeys.subkey(KEY, "fpe"), DIGITS);
        String digits = value.replaceAll("[^0-9]", "");
        String maskedDigits = masked.replaceAll("[^0-9]", "");
        assertThat(maskedDigits).isEqualTo(ff1.encrypt(digits, new byte[0]));
        assertThat(ff1.decrypt(maskedDigits, new byte[0])).isEqualTo(digits);
        assertThat(FPE_DIGITS.mask(digits)).as("the punctuation does not change the digits").isEqualTo(maskedDigits);
    }

    @Property(tries = 300)
    void phone_is_ff1_over_the_digits_under_its_subkey(@ForAll("phones") String value) {
        Ff1 ff1 = Ff1.create(MaskerKeys.subkey(KEY, "phone"), DIGITS);
        String maskedDigits = ((String) PHONE.mask(value)).replaceAll("[^0-9]", "");
        assertThat(ff1.decrypt(maskedDigits, new byte[0])).isEqualTo(value.replaceAll("[^0-9]", ""));
    }

    @Property(tries = 500)
    void phone_keeps_length_plus_and_punctuation(@ForAll("phones") String value) {
        assertSameShape(value, (String) PHONE.mask(value), DIGITS);
    }

    @Property(tries = 500)
    void card_keeps_length_and_separators_and_gives_digits(@ForAll("cards") String value,
            @ForAll boolean keepBinAndLast4) {
        String masked = (String) Maskers.paymentCard(KEY, keepBinAndLast4).mask(value);
        assertSameShape(value, masked, DIGITS);
    }

    @Property(tries = 500)
    void partial_keeps_length_and_the_kept_ends(@ForAll String value, @ForAll @IntRange(max = 6) int first,
            @ForAll @IntRange(max = 6) int last) {
        String masked = (String) Maskers.partial(first, last, '*').mask(value);
        assertThat(masked).hasSameSizeAs(value);
        int codePoints = value.codePointCount(0, value.length());
        if (codePoints <= first + last) {
            assertThat(masked).matches("\\**");
        } else {
            int start = value.offsetByCodePoints(0, first);
            int end = value.offsetByCodePoints(value.length(), -last);
            assertThat(masked.substring(0, start)).isEqualTo(value.substring(0, start));
            assertThat(masked.substring(end)).isEqualTo(value.substring(end));
            assertThat(masked.substring(start, end)).matches("\\*+");
        }
    }

    @Property(tries = 500)
    void token_has_the_length_and_alphabet_asked_for(@ForAll("nonEmpty") String value,
            @ForAll @IntRange(min = 1, max = 100) int length, @ForAll("alphabets") String alphabet) {
        String token = (String) Maskers.token(KEY, length, alphabet).mask(value);
        assertThat(token).hasSize(length);
        assertThat(token.chars()).allMatch(c -> alphabet.indexOf(c) >= 0);
    }

    @Property(tries = 200)
    void postcode_prefix_is_a_prefix_with_the_kept_characters(@ForAll("postcodes") String value,
            @ForAll @IntRange(min = 1, max = 6) int keep) {
        String masked = (String) Maskers.postcodePrefix(keep).mask(value);
        String stripped = value.strip();
        assertThat(stripped).startsWith(masked);
        assertThat(masked.replace(" ", "")).hasSize(Math.min(keep, stripped.replace(" ", "").length()));
    }

    private static void assertSameShape(String value, String masked, String alphabet) {
        assertThat(masked).hasSameSizeAs(value);
        for (int i = 0; i < value.length(); i++) {
            char in = value.charAt(i);
            char out = masked.charAt(i);
            if (alphabet.indexOf(in) >= 0) {
                assertThat(alphabet.indexOf(out)).as("position %d", i).isNotNegative();
            } else {
                assertThat(out).as("position %d", i).isEqualTo(in);
            }
        }
    }

    @Provide
    Arbitrary<String> digitsWithPunctuation() {
        return Arbitraries.strings().withChars(DIGITS + "-/. ").ofMinLength(6).ofMaxLength(40)
                .filter(s -> MaskerFixtures.count(s, DIGITS) >= 6);
    }

    @Provide
    Arbitrary<String> base36WithOthers() {
        return Arbitraries.strings().withChars(BASE36 + "ABCXYZ-_ @é").ofMinLength(4).ofMaxLength(40)
                .filter(s -> MaskerFixtures.count(s, BASE36) >= 4);
    }

    @Provide
    Arbitrary<String> phones() {
        Arbitrary<String> digits = Arbitraries.strings().withChars(DIGITS).ofMinLength(6).ofMaxLength(15);
        return Combinators.combine(digits, Arbitraries.of("", "+", "00"), Arbitraries.of(" ", "-", ".", "", "/"),
                Arbitraries.of(true, false)).as((d, prefix, sep, brackets) -> {
                    StringBuilder s = new StringBuilder(prefix);
                    for (int i = 0; i < d.length(); i++) {
                        if (i > 0 && i % 3 == 0) {
                            s.append(sep);
                        }
                        if (brackets && i == 2) {
                            s.append('(');
                        }
                        s.append(d.charAt(i));
                        if (brackets && i == 4) {
                            s.append(')');
                        }
                    }
                    return s.toString();
                });
    }

    @Provide
    Arbitrary<String> cards() {
        return Combinators.combine(Arbitraries.strings().withChars(DIGITS).ofMinLength(12).ofMaxLength(19),
                Arbitraries.of("", " ", "-")).as((digits, sep) -> {
                    StringBuilder s = new StringBuilder();
                    for (int i = 0; i < digits.length(); i++) {
                        if (i > 0 && i % 4 == 0) {
                            s.append(sep);
                        }
                        s.append(digits.charAt(i));
                    }
                    return s.toString();
                });
    }

    @Provide
    Arbitrary<String> nonEmpty() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(200);
    }

    @Provide
    Arbitrary<String> alphabets() {
        return Arbitraries.of(DIGITS, BASE36, BASE62, "01", "ABCDEF0123456789", "αβγδεζηθ");
    }

    @Provide
    Arbitrary<String> postcodes() {
        return Arbitraries.strings().withChars("ABCDEFGHJKLMNPRSTUVWXY0123456789 ").ofMinLength(1).ofMaxLength(12)
                .filter(s -> !s.isBlank());
    }
}
