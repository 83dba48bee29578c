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
 * The FF1 maskers' column path ({@link ColumnMasker}, the rounds of many values in lockstep) gives
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
