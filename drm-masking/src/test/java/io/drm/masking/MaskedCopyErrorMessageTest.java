package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.testing.DbKind;
import io.drm.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A database error that quotes the offending value reaches the caller without the value. */
final class MaskedCopyErrorMessageTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("io.drm.masking.MaskedCopyTest#pairs")
    void a_duplicate_key_error_does_not_quote_the_value(DbKind from, DbKind to) {
        try (TestDatabase source = TestDatabase.create(from); TestDatabase target = TestDatabase.create(to)) {
            JobFixtures.customers(source, 12);
            JobFixtures.customerTable(target);
            target.execute("CREATE UNIQUE INDEX customer_city ON customer (city)");

            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> MaskedCopy.from(source.dataSource())
                    .to(target.dataSource()).rules(MaskingRules.builder().build()).tables("customer").build().run());

            assertThat(thrown).isInstanceOf(MaskingJobException.class)
                    .hasMessageContainingAll("failed on table", "while writing the target", "SQLState 23");
            assertThat(thrown.getMessage()).doesNotContain("City ", "corp.test", "Name ");
        }
    }
}
