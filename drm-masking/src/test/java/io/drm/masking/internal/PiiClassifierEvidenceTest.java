package io.drm.masking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.masking.Classification;
import io.drm.masking.ColumnClassification;
import java.sql.JDBCType;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** How counts and a column's name become a classification and a confidence. */
final class PiiClassifierEvidenceTest {

    private static ColumnEvidence evidence(String column, JDBCType type, String... values) {
        ColumnEvidence e = new ColumnEvidence("t", column, type, PersonNames.standard());
        for (String v : values) {
            e.add(v);
        }
        return e;
    }

    @Test
    void values_alone_give_the_fraction_that_matched() {
        ColumnClassification c = evidence("contact", JDBCType.VARCHAR, "a@example.com", "b@example.com",
                "c@example.com", "d@example.com", "none").classify(0.8);

        assertThat(c.classification()).isEqualTo(Classification.PII);
        assertThat(c.confidence()).isEqualTo(0.8);
        assertThat(c.sampled()).isEqualTo(5);
        assertThat(c.matched()).isEqualTo(4);
    }

    @Test
    void a_name_agreeing_with_some_values_raises_the_confidence() {
        ColumnClassification c = evidence("email", JDBCType.VARCHAR, "a@example.com", "x", "y", "z").classify(0.8);

        assertThat(c.detector()).isEqualTo("email");
        assertThat(c.confidence()).isEqualTo(0.7);
    }

    @Test
    void values_of_another_kind_win_over_the_name() {
        ColumnClassification c = evidence("email", JDBCType.VARCHAR, "+44 20 7946 0958", "+44 20 7946 0959")
                .classify(0.8);

        assertThat(c.detector()).isEqualTo("phone");
        assertThat(c.confidence()).isEqualTo(1.0);
    }

    @Test
    void a_weak_name_needs_values_that_agree() {
        assertThat(evidence("name", JDBCType.VARCHAR, "Widget", "Gadget").classify(0.8).classification())
                .isEqualTo(Classification.NONE);
        // 3 of 4 known names: 0.75 alone is below the threshold, with the weak hint 0.825 is above
        ColumnClassification people = evidence("name", JDBCType.VARCHAR, "James Smith", "Mary Jones",
                "Linda Brown", "Zorblax Quux").classify(0.8);
        assertThat(people.classification()).isEqualTo(Classification.PII);
        assertThat(people.detector()).isEqualTo("person_name");
        assertThat(people.confidence()).isEqualTo(0.825);
        assertThat(evidence("holder", JDBCType.VARCHAR, "James Smith", "Mary Jones", "Linda Brown",
                "Zorblax Quux").classify(0.8).classification()).isEqualTo(Classification.NONE);
    }

    @Test
    void nothing_found_is_none_with_the_counts() {
        ColumnClassification c = evidence("note", JDBCType.VARCHAR, "ok", "late", null, " ").classify(0.8);

        assertThat(c.classification()).isEqualTo(Classification.NONE);
        assertThat(c.detector()).isEqualTo("none");
        assertThat(c.confidence()).isZero();
        assertThat(c.sampled()).isEqualTo(2);
    }

    @Test
    void a_failed_sampling_query_leaves_the_databases_text_out() {
        SQLException e = new SQLException("Data conversion error converting \"4111111111111111\"", "22018", 22018);

        String message = DbFailures.rows("sampling table customer", e).getMessage();

        assertThat(message).contains("sampling table customer", "SQLState 22018").doesNotContain("4111111111111111");
    }
}
