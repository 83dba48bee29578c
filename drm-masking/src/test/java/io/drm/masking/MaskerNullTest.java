package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** null masks to null, in every masker; nullify masks everything to null. */
final class MaskerNullTest {

    @Test
    void every_masker_masks_null_to_null() {
        for (TypedMasker masker : MaskerCatalogue.all(MaskerFixtures.KEY)) {
            assertThat(masker.mask(null)).as(masker.name()).isNull();
        }
    }

    @Test
    void shuffle_keeps_nulls_in_their_rows() {
        List<Object> window = Arrays.asList(null, "a", null, "b", "c", null);
        List<Object> masked = Maskers.shuffle(MaskerFixtures.KEY).maskWindow(window, 0);
        assertThat(masked.get(0)).isNull();
        assertThat(masked.get(2)).isNull();
        assertThat(masked.get(5)).isNull();
        assertThat(masked).containsExactlyInAnyOrderElementsOf(window);
    }

    @Test
    void a_window_of_nulls_stays_a_window_of_nulls() {
        List<Object> window = Arrays.asList(null, null, null);
        assertThat(Maskers.shuffle(MaskerFixtures.KEY).maskWindow(window, 7)).containsExactly(null, null, null);
    }

    @Test
    void nullify_masks_every_value_and_accepts_every_type() {
        TypedMasker nullify = Maskers.nullify();
        for (Object value : new Object[] {"x", 1, 2.5, java.time.LocalDate.now(), new byte[3], Boolean.TRUE}) {
            assertThat(nullify.mask(value)).isNull();
        }
        assertThat(java.sql.JDBCType.values()).allMatch(nullify::supports);
    }

    @Test
    void shuffle_refuses_a_single_value() {
        assertThatThrownBy(() -> Maskers.shuffle(MaskerFixtures.KEY).mask("x"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("shuffle");
    }
}
