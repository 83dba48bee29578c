package io.drm.masking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.masking.Maskers;
import io.drm.masking.TypedMasker;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The column path of the FF1 maskers (rounds of many values in lockstep) and of the AES-CMAC
 * ones (email and the fakes: tags of many values in lockstep), {@link ColumnMasker}, gives
 * exactly what {@code mask} gives value by value: nulls, empty strings, values of mixed lengths and
 * layouts, more rows than one lockstep group, and the same error for the first bad value.
 */
final class MaskerColumnTest {

    private static final byte[] KEY = new byte[32];

    static {
        new Random(5).nextBytes(KEY);
    }

    @Test
    void fpe_masks_a_column_as_it_masks_each_value() {
        assertColumnMatches(Maskers.fpe(KEY, "0123456789"), r -> r.nextInt(4) == 0
                ? digits(r, 6 + r.nextInt(30)) : digits(r, 3) + "-" + digits(r, 2) + "-" + digits(r, 4));
        assertColumnMatches(Maskers.fpe(KEY, "abcdefghijklmnopqrstuvwxyz0123456789"),
                r -> "ID-" + text(r, "abcdefghijklmnopqrstuvwxyz0123456789", 4 + r.nextInt(20)));
    }

    @Test
    void phone_masks_a_column_as_it_masks_each_value() {
        assertColumnMatches(Maskers.phone(KEY), r -> r.nextBoolean() ? "+44 " + digits(r, 4) + " " + digits(r, 6)
                : "(" + digits(r, 3) + ") " + digits(r, 3) + "-" + digits(r, 4));
    }

    @Test
    void card_masks_a_column_as_it_masks_each_value_with_and_without_keeping_bin_and_last_4() {
        for (boolean keep : new boolean[] {false, true}) {
            assertColumnMatches(Maskers.paymentCard(KEY, keep), r -> {
                String number = digits(r, 12 + r.nextInt(8));
                return r.nextInt(3) == 0 ? number.substring(0, 4) + " " + number.substring(4) : number;
            });
        }
    }

    @Test
    void email_masks_a_column_as_it_masks_each_value() {
        java.util.function.Function<Random, String> addresses = r -> switch (r.nextInt(4)) {
            case 0 -> text(r, "abc.xyz", 1 + r.nextInt(60)) + "@" + text(r, "abc", 1 + r.nextInt(10)) + ".example";
            case 1 -> "Zo\u00eb" + r.nextInt(1000) + "@b\u00fccher.example";
            case 2 -> "a@b.io";
            default -> "user" + r.nextInt(1_000_000) + "@corp.example";
        };
        assertColumnMatches(Maskers.email(KEY, null), addresses);
        assertColumnMatches(Maskers.email(KEY, "example.invalid"), addresses);
    }

    @Test
    void the_fakes_mask_a_column_as_they_mask_each_value() {
        java.util.function.Function<Random, String> names = r -> switch (r.nextInt(5)) {
            case 0 -> "  Ann Smith ";
            case 1 -> "\u0130LKER \u00c7EL\u0130K";
            case 2 -> "   ";
            case 3 -> text(r, "abcXYZ ", 1 + r.nextInt(70));
            default -> "Given" + r.nextInt(997) + " FAMILY" + r.nextInt(991);
        };
        for (TypedMasker fake : List.of(Maskers.firstName(KEY), Maskers.lastName(KEY), Maskers.fullName(KEY),
                Maskers.streetAddress(KEY), Maskers.city(KEY))) {
            assertColumnMatches(fake, names);
        }
    }

    @Test
    void drawing_from_fixed_bytes_says_when_they_do_not_suffice() {
        TokenAlphabet base36 = new TokenAlphabet("abcdefghijklmnopqrstuvwxyz0123456789", "email");
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) 0xFF); // every unit at or above 252 is skipped
        bytes[3] = 0;
        bytes[7] = 37;
        char[] out = new char[2];
        assertThat(base36.fillFrom(bytes, 0, 32, out, 0, 2)).isTrue();
        assertThat(out).containsExactly('a', 'b');
        assertThat(base36.fillFrom(bytes, 0, 32, new char[3], 0, 3)).isFalse();
        assertThat(base36.fillFrom(bytes, 4, 8, out, 0, 1)).isTrue();
        assertThat(out[0]).isEqualTo('b');
    }

    @Test
    void the_first_bad_value_fails_the_column_with_the_message_mask_gives() {
        TypedMasker card = Maskers.paymentCard(KEY, false);
        Object[][] rows = column(List.of("4111111111111111", "4111-1111-1111-111x", "12"));
        String expected = message(() -> card.mask("4111-1111-1111-111x"));
        assertThatThrownBy(() -> ((ColumnMasker) card).maskColumn(rows, 1, rows.length))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(expected);
        TypedMasker fpe = Maskers.fpe(KEY, "0123456789");
        Object[][] short5 = column(List.of("123456", "12-345"));
        assertThatThrownBy(() -> ((ColumnMasker) fpe).maskColumn(short5, 1, short5.length))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message(() -> fpe.mask("12-345")));
        TypedMasker email = Maskers.email(KEY, null);
        Object[][] badEmail = column(List.of("a@b.io", "no-at-sign"));
        assertThatThrownBy(() -> ((ColumnMasker) email).maskColumn(badEmail, 1, badEmail.length))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message(() -> email.mask("no-at-sign")));
        Object[][] notText = column(List.of("123456"));
        notText[0][1] = 42;
        assertThatThrownBy(() -> ((ColumnMasker) fpe).maskColumn(notText, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message(() -> fpe.mask(42)));
    }

    private static void assertColumnMatches(TypedMasker masker, java.util.function.Function<Random, String> values) {
        assertThat(masker).isInstanceOf(ColumnMasker.class);
        Random random = new Random(masker.name().hashCode());
        for (int size : new int[] {1, 5, Ff1Column.CHUNK, Ff1Column.CHUNK + 1, 1000}) {
            List<Object> column = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                int kind = random.nextInt(20);
                column.add(kind == 0 ? null : kind == 1 ? "" : values.apply(random));
            }
            Object[][] rows = column(column);
            long nonNull = column.stream().filter(v -> v != null).count();
            // a used prefix of the batch: rows past size stay as they are
            Object[][] batch = java.util.Arrays.copyOf(rows, rows.length + 2);
            batch[rows.length] = new Object[] {"x", "unused"};
            batch[rows.length + 1] = new Object[] {"x", "unused"};
            assertThat(((ColumnMasker) masker).maskColumn(batch, 1, size)).isEqualTo(nonNull);
            for (int i = 0; i < size; i++) {
                assertThat(batch[i][1]).as("%s row %d of %d", masker, i, size).isEqualTo(masker.mask(column.get(i)));
                assertThat(batch[i][0]).isEqualTo("k" + i);
            }
            assertThat(batch[rows.length][1]).isEqualTo("unused");
        }
    }

    private static Object[][] column(List<?> values) {
        Object[][] rows = new Object[values.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[] {"k" + i, values.get(i)};
        }
        return rows;
    }

    private static String digits(Random r, int n) {
        return text(r, "0123456789", n);
    }

    private static String text(Random r, String alphabet, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = alphabet.charAt(r.nextInt(alphabet.length()));
        }
        return new String(c);
    }

    private static String message(Runnable action) {
        try {
            action.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected an IllegalArgumentException");
    }
}
