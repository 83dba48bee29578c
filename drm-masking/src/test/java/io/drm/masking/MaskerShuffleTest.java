package io.drm.masking;

import static io.drm.masking.MaskerFixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** shuffle permutes a window deterministically under its key, moving every row's value. */
final class MaskerShuffleTest {

    private static final WindowMasker SHUFFLE = Maskers.shuffle(KEY);

    @Test
    void a_window_is_permuted_and_no_row_keeps_its_value() {
        for (int size = 2; size < 300; size += 7) {
            List<Object> window = numbers(size);
            List<Object> masked = SHUFFLE.maskWindow(window, size);
            assertThat(masked).hasSize(size).containsExactlyInAnyOrderElementsOf(window);
            for (int i = 0; i < size; i++) {
                assertThat(masked.get(i)).as("row %d of %d", i, size).isNotEqualTo(window.get(i));
            }
        }
    }

    @Test
    void the_same_window_shuffles_the_same_way_and_another_window_or_key_differently() {
        List<Object> window = numbers(50);
        List<Object> masked = SHUFFLE.maskWindow(window, 3);
        assertThat(Maskers.shuffle(KEY.clone()).maskWindow(window, 3)).isEqualTo(masked);
        assertThat(SHUFFLE.maskWindow(window, 4)).isNotEqualTo(masked);
        assertThat(Maskers.shuffle(MaskerFixtures.OTHER_KEY).maskWindow(window, 3)).isNotEqualTo(masked);
    }

    @Test
    void every_cyclic_order_of_a_small_window_turns_up_across_windows() {
        // Sattolo's algorithm yields each of the (n-1)! cyclic permutations: 6 for n = 4.
        Set<List<Object>> seen = new HashSet<>();
        for (long w = 0; w < 500; w++) {
            seen.add(SHUFFLE.maskWindow(numbers(4), w));
        }
        assertThat(seen).hasSize(6);
    }

    @Test
    void small_windows_and_the_result_list() {
        assertThat(SHUFFLE.maskWindow(List.of(), 0)).isEmpty();
        assertThat(SHUFFLE.maskWindow(List.of("only"), 0)).containsExactly("only");
        assertThat(SHUFFLE.maskWindow(List.of("a", "b"), 0)).containsExactly("b", "a");
        List<Object> result = SHUFFLE.maskWindow(numbers(3), 0);
        assertThatThrownBy(() -> result.add(1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> SHUFFLE.maskWindow(null, 0)).isInstanceOf(NullPointerException.class);
    }

    private static List<Object> numbers(int n) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return list;
    }
}
