package io.drm.masking;

import static io.drm.masking.MaskerFixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.masking.internal.ColumnMasker;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The token and fpe maskers work over code points: an alphabet with supplementary code points
 * (emoji) gives valid Unicode whose code points are all from the alphabet, never a split
 * surrogate pair.
 */
final class MaskerCodePointPropertiesTest {

    @Property(tries = 300)
    void token_output_is_valid_unicode_of_alphabet_code_points(@ForAll("alphabets") List<Integer> alphabet,
            @ForAll("anyText") String value, @ForAll @IntRange(min = 1, max = 64) int length) {
        TypedMasker token = Maskers.token(KEY, length, text(alphabet));
        String masked = (String) token.mask(value);
        if (value.isEmpty()) {
            assertThat(masked).isEmpty();
            return;
        }
        assertValidUnicode(masked);
        assertThat(masked.codePointCount(0, masked.length())).isEqualTo(length);
        assertThat(masked.codePoints().boxed().collect(Collectors.toSet())).isSubsetOf(Set.copyOf(alphabet));
        assertThat(token.mask(value)).as("deterministic").isEqualTo(masked);
    }

    @Property(tries = 200)
    void fpe_output_is_valid_unicode_keeping_the_other_code_points(@ForAll("alphabets") List<Integer> alphabet,
            @ForAll("numerals") List<Integer> numerals, @ForAll("anyText") String others) {
        TypedMasker fpe = Maskers.fpe(KEY, text(alphabet));
        String value = interleave(alphabet, numerals, others);
        String masked = (String) fpe.mask(value);
        assertValidUnicode(masked);
        int[] in = value.codePoints().toArray();
        int[] out = masked.codePoints().toArray();
        assertThat(out).hasSameSizeAs(in);
        for (int i = 0; i < in.length; i++) {
            if (alphabet.contains(in[i])) {
                assertThat(alphabet).contains(out[i]);
            } else {
                assertThat(out[i]).as("code point %d is kept", i).isEqualTo(in[i]);
            }
        }
    }

    @Property(tries = 200)
    void fpe_over_supplementary_code_points_is_ff1_over_their_numerals(@ForAll("alphabets") List<Integer> alphabet,
            @ForAll("numerals") List<Integer> numerals) {
        int radix = alphabet.size();
        List<Integer> bmp = new ArrayList<>();
        for (int i = 0; i < radix; i++) {
            bmp.add(0x4E00 + i);
        }
        String masked = (String) Maskers.fpe(KEY, text(alphabet)).mask(interleave(alphabet, numerals, ""));
        String reference = (String) Maskers.fpe(KEY, text(bmp)).mask(interleave(bmp, numerals, ""));
        int[] got = masked.codePoints().map(alphabet::indexOf).toArray();
        int[] want = reference.codePoints().map(bmp::indexOf).toArray();
        assertThat(got).isEqualTo(want);
    }

    @Property(tries = 50)
    void fpe_masks_a_column_as_it_masks_each_value(@ForAll("alphabets") List<Integer> alphabet,
            @ForAll("numerals") List<Integer> numerals, @ForAll("anyText") String others) {
        TypedMasker fpe = Maskers.fpe(KEY, text(alphabet));
        String value = interleave(alphabet, numerals, others);
        String shorter = interleave(alphabet, numerals.subList(0, 20), "");
        Object[][] rows = {{value}, {null}, {shorter}, {""}};
        ((ColumnMasker) fpe).maskColumn(rows, 0, rows.length);
        assertThat(new Object[] {rows[0][0], rows[1][0], rows[2][0], rows[3][0]})
                .containsExactly(fpe.mask(value), null, fpe.mask(shorter), "");
    }

    @Example
    void an_alphabet_with_an_unpaired_surrogate_is_refused_at_build_time() {
        assertThatThrownBy(() -> Maskers.token(KEY, 8, "ab\uD83D"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token: alphabet has the unpaired surrogate U+D83D at position 2");
        assertThatThrownBy(() -> Maskers.fpe(KEY, "0123456789\uDE00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fpe: alphabet has the unpaired surrogate U+DE00 at position 10");
    }

    @Example
    void emoji_sharing_a_high_surrogate_are_distinct_code_points() {
        // U+1F600 and U+1F601 share the high surrogate U+D83D: as chars they repeated one.
        TypedMasker token = Maskers.token(KEY, 12, "\uD83D\uDE00\uD83D\uDE01");
        String masked = (String) token.mask("alice");
        assertValidUnicode(masked);
        assertThat(masked.codePoints()).hasSize(12).allMatch(cp -> cp == 0x1F600 || cp == 0x1F601);
        assertThatThrownBy(() -> Maskers.token(KEY, 4, "\uD83D\uDE00a\uD83D\uDE00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeats the character U+1F600 (positions 0 and 2)");
    }

    @Provide
    Arbitrary<List<Integer>> alphabets() {
        Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x1F300, 0x1FAFF)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x20, 0x7E)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x80, 0xD7FF)));
        return codePoints.list().uniqueElements().ofMinSize(2).ofMaxSize(300);
    }

    @Provide
    Arbitrary<List<Integer>> numerals() {
        // Indices into the alphabet, reduced modulo its size; 20 of them exceed FF1's minimum for radix 2.
        return Arbitraries.integers().between(0, 299).list().ofMinSize(20).ofMaxSize(40);
    }

    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0x20, 0x7E)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x1F300, 0x1FAFF)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xA0, 0xD7FF)));
        return codePoints.list().ofMaxSize(12).map(MaskerCodePointPropertiesTest::text);
    }

    /** The alphabet's code points of {@code numerals}, with the code points of {@code others} among them. */
    private static String interleave(List<Integer> alphabet, List<Integer> numerals, String others) {
        int[] other = others.codePoints().filter(cp -> !alphabet.contains(cp)).toArray();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < numerals.size(); i++) {
            s.appendCodePoint(alphabet.get(numerals.get(i) % alphabet.size()));
            if (i < other.length) {
                s.appendCodePoint(other[i]);
            }
        }
        return s.toString();
    }

    private static String text(List<Integer> codePoints) {
        StringBuilder s = new StringBuilder();
        codePoints.forEach(s::appendCodePoint);
        return s.toString();
    }

    /** Every high surrogate is followed by a low one and every low one preceded by a high one. */
    private static void assertValidUnicode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                        .as("the high surrogate at %d is paired", i).isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(c)).as("the char at %d is an unpaired low surrogate", i).isFalse();
            }
        }
    }
}
