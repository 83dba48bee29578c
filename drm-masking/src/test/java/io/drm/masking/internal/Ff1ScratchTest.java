package io.drm.masking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The per-thread buffers: reused while they fit, grown when not, never kept past the cap. */
final class Ff1ScratchTest {

    @Test
    void numerals_are_reused_while_they_fit_and_grown_when_not() {
        Ff1Scratch scratch = new Ff1Scratch();
        int[] small = scratch.numerals(5);
        assertThat(small.length).isGreaterThanOrEqualTo(5);
        assertThat(scratch.numerals(small.length)).isSameAs(small);
        int[] grown = scratch.numerals(small.length + 1);
        assertThat(grown.length).isGreaterThan(small.length);
        assertThat(scratch.numerals(3)).isSameAs(grown);
    }

    @Test
    void chars_are_reused_while_they_fit_and_grown_when_not() {
        Ff1Scratch scratch = new Ff1Scratch();
        char[] small = scratch.chars(5);
        assertThat(small.length).isGreaterThanOrEqualTo(5);
        assertThat(scratch.chars(small.length)).isSameAs(small);
        char[] grown = scratch.chars(small.length + 1);
        assertThat(grown.length).isGreaterThan(small.length);
        assertThat(scratch.chars(3)).isSameAs(grown);
    }

    @Test
    void buffers_longer_than_the_cap_are_handed_out_fresh_and_not_kept() {
        Ff1Scratch scratch = new Ff1Scratch();
        int[] numerals = scratch.numerals(100);
        char[] chars = scratch.chars(100);
        int[] hugeNumerals = scratch.numerals(Ff1Scratch.MAX_KEPT + 1);
        char[] hugeChars = scratch.chars(Ff1Scratch.MAX_KEPT + 1);
        assertThat(hugeNumerals.length).isEqualTo(Ff1Scratch.MAX_KEPT + 1);
        assertThat(hugeChars.length).isEqualTo(Ff1Scratch.MAX_KEPT + 1);
        assertThat(scratch.numerals(Ff1Scratch.MAX_KEPT + 1)).isNotSameAs(hugeNumerals);
        assertThat(scratch.numerals(100)).isSameAs(numerals);
        assertThat(scratch.chars(100)).isSameAs(chars);
    }

    @Test
    void buffers_up_to_the_cap_are_kept() {
        Ff1Scratch scratch = new Ff1Scratch();
        int[] numerals = scratch.numerals(Ff1Scratch.MAX_KEPT);
        char[] chars = scratch.chars(Ff1Scratch.MAX_KEPT);
        assertThat(numerals.length).isEqualTo(Ff1Scratch.MAX_KEPT);
        assertThat(chars.length).isEqualTo(Ff1Scratch.MAX_KEPT);
        assertThat(scratch.numerals(Ff1Scratch.MAX_KEPT)).isSameAs(numerals);
        assertThat(scratch.chars(Ff1Scratch.MAX_KEPT)).isSameAs(chars);
    }

    @Test
    void a_tweak_has_exactly_the_length_asked_for_and_is_reused_at_that_length() {
        Ff1Scratch scratch = new Ff1Scratch();
        byte[] ten = scratch.tweak(10);
        assertThat(ten).hasSize(10);
        assertThat(scratch.tweak(10)).isSameAs(ten);
        assertThat(scratch.tweak(4)).hasSize(4);
        assertThat(scratch.tweak(0)).isEmpty();
    }
}
