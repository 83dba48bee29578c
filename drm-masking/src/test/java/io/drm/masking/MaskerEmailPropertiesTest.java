package io.drm.masking;

import static io.drm.masking.MaskerFixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The email masker gives valid addresses, with the domain kept or replaced. */
final class MaskerEmailPropertiesTest {

    /** RFC 5321 dot-atom local part and a host name. */
    private static final Pattern VALID = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@(?=.{1,253}$)[\\p{L}\\p{Nd}](?:[\\p{L}\\p{Nd}-]{0,61}[\\p{L}\\p{Nd}])?"
            + "(\\.[\\p{L}\\p{Nd}](?:[\\p{L}\\p{Nd}-]{0,61}[\\p{L}\\p{Nd}])?)*");

    private static final TypedMasker KEEP = Maskers.email(KEY, null);
    private static final TypedMasker REPLACE = Maskers.email(KEY, "example.invalid");

    @Property(tries = 500)
    void kept_domain_output_is_a_valid_address_with_the_same_domain(@ForAll("addresses") String address) {
        String masked = (String) KEEP.mask(address);
        assertThat(masked).matches(VALID);
        assertThat(masked.substring(masked.indexOf('@') + 1)).isEqualTo(address.substring(address.lastIndexOf('@') + 1));
        assertThat(masked).matches("[a-z0-9]{16}@.+");
    }

    @Property(tries = 500)
    void replaced_domain_output_is_a_valid_address_at_the_replacement(@ForAll("addresses") String address) {
        String masked = (String) REPLACE.mask(address);
        assertThat(masked).matches(VALID).matches("[a-z0-9]{16}@example\\.invalid");
    }

    @Property(tries = 200)
    void quoted_and_odd_local_parts_still_give_valid_addresses(@ForAll("oddLocalParts") String local) {
        assertThat((String) KEEP.mask(local + "@mail.example.com")).matches(VALID).endsWith("@mail.example.com");
        assertThat((String) REPLACE.mask(local + "@x")).matches(VALID);
    }

    @Test
    void the_local_part_does_not_leak_and_addresses_stay_distinct() {
        Set<Object> kept = new HashSet<>();
        Set<Object> replaced = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String address = "user" + i + "@d" + (i % 7) + ".example";
            String masked = (String) KEEP.mask(address);
            assertThat(masked).doesNotContain("user" + i);
            kept.add(masked);
            replaced.add(REPLACE.mask(address));
        }
        assertThat(kept).hasSize(20_000);
        // With the domain replaced the token covers the whole address, so user1@a and user1@b stay apart.
        assertThat(replaced).hasSize(20_000);
    }

    @Test
    void an_internationalised_domain_is_kept() {
        assertThat((String) KEEP.mask("jürgen@bücher.example")).endsWith("@bücher.example").matches(VALID);
    }

    @Provide
    Arbitrary<String> addresses() {
        Arbitrary<String> local = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABC0123456789._+-")
                .ofMinLength(1).ofMaxLength(64);
        Arbitrary<String> label = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789")
                .ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> domain = label.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
        return Combinators.combine(local, domain).as((l, d) -> l + "@" + d);
    }

    @Provide
    Arbitrary<String> oddLocalParts() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(40).map(s -> "\"" + s + "\"");
    }
}
