package io.drm.masking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.masking.Classification;
import io.drm.masking.Maskers;
import java.sql.JDBCType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The value detectors and column-name hints the classifier is made of. */
final class PiiClassifierDetectorsTest {

    private static final PersonNames NAMES = PersonNames.standard();

    private static boolean is(ValueDetector d, String value) {
        return d.matches(value, NAMES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "4111 1111 1111 1111", "5500-0000-0000-0004", "378282246310005",
        "6011000990139424"})
    void card_numbers_passing_luhn_are_cards(String value) {
        assertThat(is(ValueDetector.PAYMENT_CARD, value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111112", "0000000000000000", "411111111111", "41111111111111111111",
        "4111-1111-1111-111a"})
    void other_digit_strings_are_no_cards(String value) {
        assertThat(is(ValueDetector.PAYMENT_CARD, value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GB82WEST12345698765432", "GB82 WEST 1234 5698 7654 32", "DE89370400440532013000",
        "fr1420041010050500013m02606"})
    void ibans_with_the_right_check_digits_are_ibans(String value) {
        assertThat(is(ValueDetector.IBAN, value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GB83WEST12345698765432", "GB82WEST12345698765433", "GB82", "ABCDEFGHIJKLMNOP"})
    void ibans_with_wrong_check_digits_are_not(String value) {
        assertThat(is(ValueDetector.IBAN, value)).isFalse();
    }

    @Test
    void changing_any_one_digit_of_an_iban_breaks_its_checksum() {
        String iban = "DE89370400440532013000";
        for (int i = 2; i < iban.length(); i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != iban.charAt(i)) {
                    String changed = iban.substring(0, i) + d + iban.substring(i + 1);
                    assertThat(Checksums.ibanValid(changed)).as(changed).isFalse();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"123-45-6789", "001-01-0001", "665-99-9999", "AB123456C", "ab 12 34 56 c", "JG103759A"})
    void ssns_and_ninos_are_national_ids(String value) {
        assertThat(is(ValueDetector.NATIONAL_ID, value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"000-12-3456", "666-12-3456", "900-12-3456", "123-00-4567", "123-45-0000",
        "078-05-1120", "123456789", "DA123456C", "QQ123456C", "GB123456A", "AB123456E"})
    void numbers_never_issued_are_no_national_ids(String value) {
        assertThat(is(ValueDetector.NATIONAL_ID, value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.com", "first.last+tag@mail.example.co.uk", "O'Neil@example.ie"})
    void addresses_are_emails(String value) {
        assertThat(is(ValueDetector.EMAIL, value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada@", "@example.com", "ada@example", "ada example.com", "a@b@c.com"})
    void near_misses_are_no_emails(String value) {
        assertThat(is(ValueDetector.EMAIL, value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.0.1", "10.0.0.0/8", "255.255.255.255", "::1", "2001:db8::ff00:42:8329",
        "fe80:0:0:0:200:f8ff:fe21:67cf", "::ffff:192.0.2.128", "2001:db8::/32"})
    void ip_addresses_are_ip_addresses(String value) {
        assertThat(is(ValueDetector.IP_ADDRESS, value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "1.2.3", "01.2.3.4", "12:30:45", "00:1A:2B:3C:4D:5E", "1::2::3",
        "2001:db8:0:0:0:0:0:0:1", "g::1"})
    void near_misses_are_no_ip_addresses(String value) {
        assertThat(is(ValueDetector.IP_ADDRESS, value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+44 20 7946 0958", "(555) 123-4567", "555-1234", "+14155552671", "01.23.45.67.89"})
    void formatted_numbers_are_phones(String value) {
        assertThat(is(ValueDetector.PHONE, value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4155552671", "2024-01-15", "15.01.2024", "123-45-6789", "192.168.0.1", "1234.56",
        "12-34", "+1 23"})
    void bare_digits_dates_ssns_and_ips_are_no_phones(String value) {
        assertThat(is(ValueDetector.PHONE, value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"James Smith", "Mary", "Smith", "Smith, John", "mary ann smith", "Dr. John Brown"})
    void known_names_are_person_names(String value) {
        assertThat(is(ValueDetector.PERSON_NAME, value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Widget", "Green Tea", "active", "batch 7 ok", "SKU-1001", "one two three four five"})
    void other_words_are_no_person_names(String value) {
        assertThat(is(ValueDetector.PERSON_NAME, value)).isFalse();
    }

    @Test
    void blank_and_overlong_values_match_nothing() {
        for (ValueDetector d : ValueDetector.values()) {
            assertThat(is(d, "   ")).as(d.id()).isFalse();
            assertThat(is(d, "a".repeat(300) + "@example.com")).as(d.id()).isFalse();
        }
    }

    @Test
    void the_bundled_name_lists_are_used() {
        assertThat(NAMES.bundled()).isTrue();
    }

    @Test
    void the_built_in_names_are_a_fallback_when_the_lists_are_missing() {
        PersonNames builtIn = PersonNames.load(new ClassLoader(null) { });
        assertThat(builtIn.bundled()).isFalse();
        assertThat(builtIn.firstName("Ada")).isTrue();
        assertThat(builtIn.lastName("SMITH")).isTrue();
    }

    @Test
    void column_names_are_cut_into_words() {
        assertThat(NameHint.words("firstName")).containsExactly("first", "name");
        assertThat(NameHint.words("FIRST_NAME")).containsExactly("first", "name");
        assertThat(NameHint.words("customer-e.mail")).containsExactly("customer", "e", "mail");
        assertThat(NameHint.words("ipv4Address")).containsExactly("ipv4", "address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "EMAIL_ADDRESS", "contactEmail", "e_mail"})
    void email_columns_are_hinted_as_email(String column) {
        assertThat(NameHint.of(column, JDBCType.VARCHAR)).hasValueSatisfying(h -> {
            assertThat(h.key()).isEqualTo("email");
            assertThat(h.classification()).isEqualTo(Classification.PII);
        });
    }

    @Test
    void the_longest_phrase_wins() {
        assertThat(NameHint.of("ip_address", JDBCType.VARCHAR).orElseThrow().key()).isEqualTo("ip_address");
        assertThat(NameHint.of("email_address", JDBCType.VARCHAR).orElseThrow().key()).isEqualTo("email");
        assertThat(NameHint.of("home_address", JDBCType.VARCHAR).orElseThrow().key()).isEqualTo("street_address");
        assertThat(NameHint.of("card_number", JDBCType.VARCHAR).orElseThrow().classification())
                .isEqualTo(Classification.PCI);
    }

    @Test
    void each_hint_maps_to_its_classification() {
        assertThat(NameHint.of("diagnosis", JDBCType.VARCHAR).orElseThrow().classification())
                .isEqualTo(Classification.PHI);
        assertThat(NameHint.of("icd10_code", JDBCType.VARCHAR).orElseThrow().classification())
                .isEqualTo(Classification.PHI);
        assertThat(NameHint.of("api_key", JDBCType.VARCHAR).orElseThrow().classification())
                .isEqualTo(Classification.SECRET);
        assertThat(NameHint.of("password", JDBCType.VARBINARY).orElseThrow().classification())
                .isEqualTo(Classification.SECRET);
        assertThat(NameHint.of("date_of_birth", JDBCType.DATE).orElseThrow().key()).isEqualTo("date_of_birth");
        assertThat(NameHint.of("ssn", JDBCType.CHAR).orElseThrow().key()).isEqualTo("national_id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"card_type", "email_verified", "phone_count", "card_id", "password_changed",
        "token_type", "quantity", "description"})
    void words_that_describe_the_data_cancel_the_hint(String column) {
        assertThat(NameHint.of(column, JDBCType.VARCHAR)).isEmpty();
    }

    @Test
    void a_hint_needs_a_type_that_can_hold_the_data() {
        assertThat(NameHint.of("email", JDBCType.BOOLEAN)).isEmpty();
        assertThat(NameHint.of("email", JDBCType.INTEGER)).isEmpty();
        assertThat(NameHint.of("dob", JDBCType.INTEGER)).isEmpty();
        assertThat(NameHint.of("card_number", JDBCType.BIGINT)).isPresent();
    }

    @Test
    void the_bare_word_name_is_a_weak_hint() {
        assertThat(NameHint.of("name", JDBCType.VARCHAR).orElseThrow().weak()).isTrue();
        assertThat(NameHint.of("first_name", JDBCType.VARCHAR).orElseThrow().weak()).isFalse();
    }

    @Test
    void the_card_detector_uses_the_catalogue_luhn_check() {
        assertThat(Maskers.luhnValid("4111111111111111")).isTrue();
        assertThat(is(ValueDetector.PAYMENT_CARD, "4111111111111111")).isTrue();
        assertThat(Maskers.luhnValid("4111111111111112")).isFalse();
        assertThat(is(ValueDetector.PAYMENT_CARD, "4111111111111112")).isFalse();
    }
}
