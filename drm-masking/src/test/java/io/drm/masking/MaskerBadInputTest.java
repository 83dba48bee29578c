package io.drm.masking;

import static io.drm.masking.MaskerFixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Values a masker cannot mask, and nonsense parameters, are refused with an
 * IllegalArgumentException that names the masker and the problem and never shows the value or key.
 */
final class MaskerBadInputTest {

    private static final String SECRET = "Zyxwvut-4929";

    @Test
    void string_maskers_refuse_values_of_other_types() {
        Object[] notStrings = {4929, 49.29, LocalDate.of(2001, 2, 3), new byte[] {4, 9}, Boolean.TRUE};
        for (TypedMasker masker : MaskerCatalogue.all(KEY)) {
            if (!masker.supports(java.sql.JDBCType.VARCHAR) || masker.supports(java.sql.JDBCType.INTEGER)) {
                continue;
            }
            for (Object value : notStrings) {
                assertRefused(() -> masker.mask(value), masker.name(), "cannot mask a value of type "
                        + value.getClass().getName(), String.valueOf(value), "4929", "2001-02-03");
            }
        }
    }

    @Test
    void noise_refuses_strings_and_dates() {
        TypedMasker noise = Maskers.noise(KEY, 5);
        assertRefused(() -> noise.mask(SECRET), "noise", "java.lang.String", SECRET);
        assertRefused(() -> noise.mask("4929"), "noise", "java.lang.String", "4929");
        assertRefused(() -> noise.mask(LocalDate.of(2001, 2, 3)), "noise", "LocalDate", "2001");
    }

    @Test
    void date_shift_refuses_numbers_strings_and_times_of_day() {
        TypedMasker shift = Maskers.dateShift(KEY, 5);
        assertRefused(() -> shift.mask("2001-02-03"), "date_shift", "java.lang.String", "2001-02-03");
        assertRefused(() -> shift.mask(20010203), "date_shift", "java.lang.Integer", "20010203");
        assertRefused(() -> shift.mask(LocalTime.of(4, 9, 29)), "date_shift", "LocalTime", "04:09:29");
        assertRefused(() -> shift.mask(java.sql.Time.valueOf("04:09:29")), "date_shift", "times of day", "04:09:29");
    }

    @Test
    void date_shift_refuses_to_leave_the_range_of_the_type() {
        TypedMasker shift = Maskers.dateShift(KEY, 5);
        LocalDate day = LocalDate.of(2000, 1, 1);
        LocalDate edge = ((LocalDate) shift.mask(day)).isBefore(day) ? LocalDate.MIN : LocalDate.MAX;
        assertRefused(() -> shift.mask(edge), "date_shift", "outside the range", edge.toString());
    }

    @Test
    void age_band_refuses_text_that_is_not_a_whole_number() {
        TypedMasker band = Maskers.ageBand(10);
        for (String value : List.of("thirty-seven 4929", "37.5", "-37", "", "  ", "1234567890123456789")) {
            String[] secrets = value.isBlank() ? new String[0] : new String[] {value};
            assertRefused(() -> band.mask(value), "age_band", "not a whole number", secrets);
        }
        assertRefused(() -> band.mask(LocalDate.of(2001, 2, 3)), "age_band", "LocalDate", "2001");
    }

    @Test
    void card_refuses_too_few_too_many_and_foreign_characters() {
        TypedMasker card = Maskers.paymentCard(KEY, true);
        assertRefused(() -> card.mask("49291111111"), "card", "11 digits", "49291111111");
        assertRefused(() -> card.mask("4929 1111 1111 1111 1111"), "card", "more than 19 digits",
                "4929 1111 1111 1111 1111");
        assertRefused(() -> card.mask("4929.1111.1111.1111"), "card", "position 4", "4929.1111");
        assertRefused(() -> card.mask("4929 1111 1111 111x"), "card", "position 18", "111x");
        TypedMasker plain = Maskers.paymentCard(KEY, false);
        assertRefused(() -> plain.mask("4929"), "card", "4 digits", "4929");
    }

    @Test
    void fpe_refuses_values_with_too_few_alphabet_characters() {
        TypedMasker digits = Maskers.fpe(KEY, MaskerFixtures.DIGITS);
        assertRefused(() -> digits.mask("49-29-1"), "fpe", "5 characters of the alphabet", "49-29-1");
        assertRefused(() -> digits.mask(SECRET), "fpe", "at least 6", SECRET);
        TypedMasker binary = Maskers.fpe(KEY, "01");
        assertRefused(() -> binary.mask("0110011001100110011"), "fpe", "at least 20", "0110011001100110011");
    }

    @Test
    void phone_refuses_letters_and_short_numbers() {
        TypedMasker phone = Maskers.phone(KEY);
        assertRefused(() -> phone.mask("+44 20 7946 0958 ext 12"), "phone", "position 17", "7946");
        assertRefused(() -> phone.mask("call 4929"), "phone", "position 0", "4929");
        assertRefused(() -> phone.mask("49 29 1"), "phone", "at least 6", "49 29 1");
    }

    @Test
    void email_refuses_values_that_are_not_addresses() {
        TypedMasker keep = Maskers.email(KEY, null);
        TypedMasker replace = Maskers.email(KEY, "example.invalid");
        for (TypedMasker email : List.of(keep, replace)) {
            for (String value : List.of("zyxwvut.example.com", "@example.com", "zyxwvut@")) {
                assertRefused(() -> email.mask(value), "email", "not an email address", value);
            }
        }
        assertRefused(() -> keep.mask("zyxwvut@exa mple.com"), "email", "not a host name", "exa mple");
        assertRefused(() -> keep.mask("zyxwvut@[192.0.2.1]"), "email", "not a host name", "192.0.2.1");
        assertRefused(() -> keep.mask("zyxwvut@-example.com"), "email", "not a host name", "-example");
        assertThat(replace.mask("zyxwvut@[192.0.2.1]")).asString().endsWith("@example.invalid");
    }

    @Test
    void keyed_factories_refuse_keys_under_16_bytes_without_showing_them() {
        byte[] shortKey = Arrays.copyOf(KEY, 15);
        List<Function<byte[], Object>> factories = List.of(
                k -> Maskers.token(k, 8, "ab"), k -> Maskers.fpe(k, "01"), k -> Maskers.email(k, null),
                Maskers::phone, k -> Maskers.paymentCard(k, true), Maskers::firstName, Maskers::lastName,
                Maskers::fullName, Maskers::streetAddress, Maskers::city, k -> Maskers.noise(k, 1),
                k -> Maskers.dateShift(k, 1), Maskers::shuffle);
        for (Function<byte[], Object> factory : factories) {
            assertThatThrownBy(() -> factory.apply(shortKey))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least 16 bytes")
                    .hasMessageContaining("has 15")
                    .hasMessageNotContainingAny(MaskerFixtures.renderings(shortKey));
            assertThatThrownBy(() -> factory.apply(new byte[0])).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> factory.apply(null)).isInstanceOf(NullPointerException.class);
        }
    }

    @Test
    void nonsense_parameters_are_refused() {
        assertParameter(() -> Maskers.token(KEY, 0, "ab"), "token", "length");
        assertParameter(() -> Maskers.token(KEY, 4097, "ab"), "token", "length");
        assertParameter(() -> Maskers.token(KEY, 8, "a"), "token", "at least 2");
        assertParameter(() -> Maskers.token(KEY, 8, "abca"), "token", "repeats");
        assertParameter(() -> Maskers.fpe(KEY, "0"), "fpe", "at least 2");
        assertParameter(() -> Maskers.fpe(KEY, "00"), "fpe", "repeats");
        assertParameter(() -> Maskers.email(KEY, "not a domain"), "email", "host name");
        assertParameter(() -> Maskers.email(KEY, ""), "email", "host name");
        assertParameter(() -> Maskers.partial(-1, 0, '*'), "partial", "at least 0");
        assertParameter(() -> Maskers.partial(0, -1, '*'), "partial", "at least 0");
        assertParameter(() -> Maskers.partial(0, 0, '\uD800'), "partial", "surrogate");
        assertParameter(() -> Maskers.noise(KEY, 0), "noise", "percent");
        assertParameter(() -> Maskers.noise(KEY, 100.5), "noise", "percent");
        assertParameter(() -> Maskers.noise(KEY, Double.NaN), "noise", "percent");
        assertParameter(() -> Maskers.dateShift(KEY, 0), "date_shift", "maxDays");
        assertParameter(() -> Maskers.dateShift(KEY, 36_526), "date_shift", "maxDays");
        assertParameter(() -> Maskers.ageBand(0), "age_band", "width");
        assertParameter(() -> Maskers.postcodePrefix(0), "postcode_prefix", "keep");
        assertThatThrownBy(() -> Maskers.redact(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Maskers.token(KEY, 8, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Maskers.fpe(KEY, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Maskers.luhnValid(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void to_string_shows_parameters_but_never_a_key() {
        for (TypedMasker masker : MaskerCatalogue.all(KEY)) {
            assertThat(masker.toString()).startsWith("Maskers." + masker.name())
                    .doesNotContain(MaskerFixtures.renderings(KEY));
        }
        assertThat(Maskers.shuffle(KEY).toString()).isEqualTo("Maskers.shuffle");
    }

    private static void assertRefused(ThrowingCallable call, String masker, String problem, String... secrets) {
        var thrown = assertThatThrownBy(call)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(masker + ": ")
                .hasMessageContaining(problem)
                .hasMessageNotContainingAny(MaskerFixtures.renderings(KEY));
        if (secrets.length > 0) {
            thrown.hasMessageNotContainingAny(secrets);
        }
    }

    private static void assertParameter(ThrowingCallable call, String masker, String problem) {
        assertThatThrownBy(call)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(masker + ": ")
                .hasMessageContaining(problem);
    }
}
