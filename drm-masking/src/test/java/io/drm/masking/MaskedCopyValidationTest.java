package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.testing.DbKind;
import io.drm.testing.TestDatabase;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A copy whose tables, columns or rules do not fit either side is refused with the target still empty. */
final class MaskedCopyValidationTest {

    private TestDatabase source;
    private TestDatabase target;

    @BeforeEach
    void createDatabases() {
        source = TestDatabase.create(DbKind.H2);
        target = TestDatabase.create(DbKind.H2);
        JobFixtures.customers(source, 10);
        JobFixtures.orders(source, 10, 2);
        JobFixtures.customerTable(target);
        JobFixtures.ordersTable(target);
    }

    @AfterEach
    void dropDatabases() {
        source.close();
        target.close();
    }

    private ThrowingCallable copy(MaskingRules rules) {
        return () -> MaskedCopy.from(source.dataSource()).to(target.dataSource()).rules(rules).build().run();
    }

    private void assertTargetEmpty() {
        assertThat(target.queryLong("SELECT COUNT(*) FROM customer")).isZero();
        assertThat(target.queryLong("SELECT COUNT(*) FROM orders")).isZero();
    }

    @Test
    void an_unknown_table_in_the_rules_is_refused() {
        MaskingRules rules = MaskingRules.builder().column("client", "email", TestMaskers.email()).build();

        assertThatThrownBy(copy(rules)).isInstanceOf(SchemaMismatchException.class)
                .hasMessageContainingAll("no table client in the source", "Nothing was written");
        assertTargetEmpty();
    }

    @Test
    void an_unknown_column_is_refused() {
        MaskingRules rules = MaskingRules.builder().column("customer", "mail", TestMaskers.email()).build();

        assertThatThrownBy(copy(rules)).isInstanceOf(SchemaMismatchException.class)
                .hasMessageContaining("table CUSTOMER has no column mail");
        assertTargetEmpty();
    }

    @Test
    void an_unsupported_column_type_is_refused() {
        MaskingRules rules = MaskingRules.builder().column("orders", "amount", TestMaskers.token()).build();

        assertThatThrownBy(copy(rules)).isInstanceOf(SchemaMismatchException.class)
                .hasMessageContainingAll("masker 'test-token' cannot mask DECIMAL columns", "ORDERS.AMOUNT");
        assertTargetEmpty();
    }

    @Test
    void a_table_missing_from_the_target_is_refused() {
        source.execute("CREATE TABLE extra (id INT PRIMARY KEY)");

        assertThatThrownBy(copy(MaskingRules.builder().build())).isInstanceOf(SchemaMismatchException.class)
                .hasMessageContainingAll("table EXTRA does not exist in the target", "release the schema");
        assertTargetEmpty();
    }

    @Test
    void a_column_missing_from_the_target_is_refused() {
        target.execute("ALTER TABLE customer DROP COLUMN city");

        assertThatThrownBy(copy(MaskingRules.builder().build())).isInstanceOf(SchemaMismatchException.class)
                .hasMessageContaining("column CUSTOMER.CITY does not exist in the target table CUSTOMER");
        assertTargetEmpty();
    }

    @Test
    void an_unknown_table_to_copy_is_refused() {
        assertThatThrownBy(() -> MaskedCopy.from(source.dataSource()).to(target.dataSource())
                .rules(MaskingRules.builder().build()).tables("customer", "invoices").build().run())
                .isInstanceOf(SchemaMismatchException.class)
                .hasMessageContaining("table invoices (to copy) does not exist in the source");
        assertTargetEmpty();
    }

    @Test
    void a_target_table_with_rows_is_refused() {
        target.execute("INSERT INTO customer VALUES (99, 'x@y.test', 'X', 'Y')");

        assertThatThrownBy(copy(MaskingRules.builder().build())).isInstanceOf(MaskingJobException.class)
                .hasMessageContainingAll("CUSTOMER", "already have rows", "Nothing was written");
        assertThat(target.queryLong("SELECT COUNT(*) FROM customer")).isEqualTo(1);
        assertThat(target.queryLong("SELECT COUNT(*) FROM orders")).isZero();
    }

    @Test
    void the_builder_needs_a_target_and_rules() {
        assertThatThrownBy(() -> MaskedCopy.from(source.dataSource()).rules(MaskingRules.builder().build()).build())
                .isInstanceOf(JobConfigurationException.class).hasMessageContainingAll("DRM-MASK-007", "to(dataSource)");
        assertThatThrownBy(() -> MaskedCopy.from(source.dataSource()).to(target.dataSource()).build())
                .isInstanceOf(JobConfigurationException.class).hasMessageContaining("rules");
        assertThatThrownBy(() -> MaskedCopy.from(source.dataSource()).to(source.dataSource())
                .rules(MaskingRules.builder().build()).build()).isInstanceOf(JobConfigurationException.class)
                .hasMessageContaining("MaskingJob.inPlace");
        assertThatThrownBy(() -> MaskedCopy.from(source.dataSource()).parallelism(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MaskedCopy.from(source.dataSource()).tables())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
