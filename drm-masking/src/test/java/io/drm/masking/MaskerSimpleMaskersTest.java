package io.drm.masking;

import static io.drm.masking.MaskerFixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.JDBCType;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Examples of redact, partial, age_band, postcode_prefix, and the column types each masker accepts. */
final class MaskerSimpleMaskersTest {

    private static final Set<JDBCType> STRINGS = EnumSet.of(JDBCType.CHAR, JDBCType.VARCHAR, JDBCType.LONGVARCHAR,
            JDBCType.NCHAR, JDBCType.NVARCHAR, JDBCType.LONGNVARCHAR, JDBCType.CLOB, JDBCType.NCLOB);
    private static final Set<JDBCType> NUMERICS = EnumSet.of(JDBCType.TINYINT, JDBCType.SMALLINT, JDBCType.INTEGER,
            JDBCType.BIGINT, JDBCType.DECIMAL, JDBCType.NUMERIC, JDBCType.REAL, JDBCType.FLOAT, JDBCType.DOUBLE);
    private static final Set<JDBCType> DATES = EnumSet.of(JDBCType.DATE, JDBCType.TIMESTAMP,
            JDBCType.TIMESTAMP_WITH_TIMEZONE);

    @Test
    void redact_replaces_every_string() {
        TypedMasker redact = Maskers.redact("[redacted]");
        assertThat(redact.mask("Ann")).isEqualTo("[redacted]");
        assertThat(redact.mask("")).isEqualTo("[redacted]");
        assertThat(redact.mask(new StringBuilder("x"))).isEqualTo("[redacted]");
        assertThat(redact.name()).isEqualTo("redact");
    }

    @Test
    void partial_keeps_the_ends_and_the_length() {
        assertThat(Maskers.partial(0, 4, '*').mask("4111111111111111")).isEqualTo("************1111");
        assertThat(Maskers.partial(1, 1, 'x').mask("secret")).isEqualTo("sxxxxt");
        assertThat(Maskers.partial(2, 2, '*').mask("abcd")).isEqualTo("****");
        assertThat(Maskers.partial(2, 2, '*').mask("")).isEqualTo("");
        assertThat(Maskers.partial(1, 0, '*').mask("a\uD83D\uDE00b")).isEqualTo("a***");
    }

    @Test
    void age_band_gives_the_lower_bound_in_the_same_type() {
        TypedMasker band = Maskers.ageBand(10);
        assertThat(band.mask(37)).isEqualTo(30);
        assertThat(band.mask(40)).isEqualTo(40);
        assertThat(band.mask(-1)).isEqualTo(-10);
        assertThat(band.mask(37L)).isEqualTo(30L);
        assertThat(band.mask((short) 99)).isEqualTo((short) 90);
        assertThat(band.mask((byte) 9)).isEqualTo((byte) 0);
        assertThat(band.mask(BigInteger.valueOf(123))).isEqualTo(BigInteger.valueOf(120));
        assertThat(band.mask(new BigDecimal("37.25"))).isEqualTo(new BigDecimal("30.00"));
        assertThat(band.mask(37.9)).isEqualTo(30.0);
        assertThat(band.mask(37.9f)).isEqualTo(30.0f);
        assertThat(band.mask("37")).isEqualTo("30-39");
        assertThat(band.mask(" 7 ")).isEqualTo("0-9");
        assertThat(Maskers.ageBand(5).mask("37")).isEqualTo("35-39");
    }

    @Test
    void postcode_prefix_keeps_the_first_characters() {
        assertThat(Maskers.postcodePrefix(4).mask("SW1A 1AA")).isEqualTo("SW1A");
        assertThat(Maskers.postcodePrefix(5).mask("SW1A 1AA")).isEqualTo("SW1A 1");
        assertThat(Maskers.postcodePrefix(3).mask("94105-1234")).isEqualTo("941");
        assertThat(Maskers.postcodePrefix(3).mask("  75001")).isEqualTo("750");
        assertThat(Maskers.postcodePrefix(8).mask(" AB1 ")).isEqualTo("AB1");
        assertThat(Maskers.postcodePrefix(2).mask("")).isEqualTo("");
    }

    @Test
    void empty_strings_stay_empty_in_the_format_preserving_maskers() {
        for (TypedMasker masker : new TypedMasker[] {Maskers.token(KEY, 8, "ab"), Maskers.fpe(KEY, "01"),
                Maskers.email(KEY, null), Maskers.phone(KEY), Maskers.paymentCard(KEY, true)}) {
            assertThat(masker.mask("")).as(masker.name()).isEqualTo("");
        }
    }

    @Test
    void each_masker_accepts_the_column_types_of_its_kind() {
        for (TypedMasker masker : MaskerCatalogue.all(KEY)) {
            Set<JDBCType> expected = switch (masker.name()) {
                case "nullify" -> EnumSet.allOf(JDBCType.class);
                case "noise" -> NUMERICS;
                case "date_shift" -> DATES;
                case "age_band" -> union(NUMERICS, STRINGS);
                default -> STRINGS;
            };
            for (JDBCType type : JDBCType.values()) {
                assertThat(masker.supports(type)).as(masker.name() + " " + type).isEqualTo(expected.contains(type));
            }
            assertThat(masker.supports(null)).isFalse();
        }
        assertThat(JDBCType.values()).allMatch(Maskers.shuffle(KEY)::supports);
    }

    @Test
    void names_match_the_rules_file_vocabulary() {
        assertThat(MaskerCatalogue.all(KEY)).extracting(TypedMasker::name).containsExactly("redact", "nullify",
                "partial", "token", "fpe", "email", "email", "phone", "card", "card", "first_name", "last_name",
                "full_name", "street_address", "city", "noise", "date_shift", "age_band", "postcode_prefix", "encrypt",
                "encrypt_deterministic");
        assertThat(Maskers.shuffle(KEY).name()).isEqualTo("shuffle");
        assertThat(Maskers.decrypt(MaskerCatalogue.keyring(KEY)).name()).isEqualTo("decrypt");
    }

    @Test
    void only_the_bijective_maskers_claim_to_preserve_uniqueness() {
        assertThat(Maskers.fpe(KEY, "01").preservesUniqueness()).isTrue();
        assertThat(Maskers.phone(KEY).preservesUniqueness()).isTrue();
        assertThat(Maskers.shuffle(KEY).preservesUniqueness()).isTrue();
        assertThat(Maskers.token(KEY, 16, "ab").preservesUniqueness()).isFalse();
        assertThat(Maskers.paymentCard(KEY, false).preservesUniqueness()).isFalse();
        assertThat(Maskers.firstName(KEY).preservesUniqueness()).isFalse();
        // encryption is reversible, so distinct values stay distinct
        assertThat(Maskers.encrypt(MaskerCatalogue.keyring(KEY)).preservesUniqueness()).isTrue();
        assertThat(Maskers.encryptDeterministic(MaskerCatalogue.keyring(KEY)).preservesUniqueness()).isTrue();
        assertThat(MaskerCatalogue.all(KEY)).filteredOn(m -> !m.name().equals("encrypt"))
                .allMatch(TypedMasker::deterministic);
        assertThat(Maskers.encrypt(MaskerCatalogue.keyring(KEY)).deterministic()).isFalse();
    }

    private static Set<JDBCType> union(Set<JDBCType> a, Set<JDBCType> b) {
        EnumSet<JDBCType> both = EnumSet.copyOf(a);
        both.addAll(b);
        return both;
    }
}
