package io.drm.masking;

import static io.drm.masking.MaskerFixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fake maskers draw deterministic values from the lists bundled in the jar. */
final class MaskerFakesTest {

    @Test
    void the_bundled_lists_are_where_the_classifier_expects_them_and_hold_hundreds_of_distinct_values()
            throws Exception {
        for (String file : List.of("first-names.txt", "last-names.txt", "streets.txt", "cities.txt")) {
            List<String> values = read(file);
            assertThat(values).as(file).hasSizeGreaterThanOrEqualTo(250).doesNotHaveDuplicates()
                    .allMatch(v -> v.equals(v.strip()) && !v.isEmpty());
        }
    }

    @Test
    void first_and_last_names_come_from_their_lists() throws Exception {
        Set<String> first = new HashSet<>(read("first-names.txt"));
        Set<String> last = new HashSet<>(read("last-names.txt"));
        TypedMasker firstName = Maskers.firstName(KEY);
        TypedMasker lastName = Maskers.lastName(KEY);
        TypedMasker fullName = Maskers.fullName(KEY);
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String value = "Customer " + i;
            assertThat(first).contains((String) firstName.mask(value));
            assertThat(last).contains((String) lastName.mask(value));
            String[] full = ((String) fullName.mask(value)).split(" ");
            assertThat(full).hasSize(2);
            assertThat(first).contains(full[0]);
            assertThat(last).contains(full[1]);
            seen.add(firstName.mask(value));
        }
        // 2000 values over 268 names: nearly every name turns up.
        assertThat(seen).hasSizeGreaterThan(250);
    }

    @Test
    void street_addresses_and_cities_come_from_their_lists() throws Exception {
        Set<String> streets = new HashSet<>(read("streets.txt"));
        Set<String> cities = new HashSet<>(read("cities.txt"));
        for (int i = 0; i < 1000; i++) {
            String address = (String) Maskers.streetAddress(KEY).mask(i + " Real Road");
            int space = address.indexOf(' ');
            assertThat(Integer.parseInt(address.substring(0, space))).isBetween(1, 999);
            assertThat(streets).contains(address.substring(space + 1));
            assertThat(cities).contains((String) Maskers.city(KEY).mask("Real Town " + i));
        }
    }

    @Test
    void case_and_surrounding_spaces_do_not_change_the_fake_but_the_case_is_followed() {
        TypedMasker name = Maskers.fullName(KEY);
        String mixed = (String) name.mask("Ann Example");
        assertThat(name.mask("ann example")).isEqualTo(mixed.toLowerCase(java.util.Locale.ROOT));
        assertThat(name.mask("ANN EXAMPLE ")).isEqualTo(mixed.toUpperCase(java.util.Locale.ROOT));
        assertThat(name.mask("  aNN eXAMPLE")).isEqualTo(mixed);
    }

    @Test
    void first_name_and_full_name_do_not_correlate() {
        TypedMasker first = Maskers.firstName(KEY);
        TypedMasker full = Maskers.fullName(KEY);
        int same = 0;
        for (int i = 0; i < 2000; i++) {
            String value = "Customer " + i;
            same += ((String) full.mask(value)).startsWith(first.mask(value) + " ") ? 1 : 0;
        }
        // Independent choices agree about 1 time in 268.
        assertThat(same).isLessThan(30);
    }

    @Test
    void blank_values_stay_blank() {
        assertThat(Maskers.city(KEY).mask("")).isEqualTo("");
        assertThat(Maskers.firstName(KEY).mask("   ")).isEqualTo("   ");
    }

    private static List<String> read(String file) throws Exception {
        try (InputStream in = MaskerFakesTest.class.getResourceAsStream("/io/drm/masking/fakes/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        }
    }
}
