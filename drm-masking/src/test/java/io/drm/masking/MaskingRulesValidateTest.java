package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.drm.testing.DbKind;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.sql.Connection;

/** Rules checked against the schema of each database before anything is masked. */
final class MaskingRulesValidateTest {

    private final KeyProvider keys = TestKeys.standard();

    private static TestDatabase database(DbKind kind) {
        TestDatabase db = TestDatabase.create(kind);
        db.execute("CREATE TABLE customer (id INT PRIMARY KEY, email VARCHAR(200), card_number VARCHAR(25),"
                + " born DATE, age INT, status VARCHAR(10) NOT NULL)");
        db.execute("CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, amount DECIMAL(10,2))");
        return db;
    }

    private MaskingRules rules(String... rules) {
        return MaskingRules.fromJson("{\"version\": 1, \"rules\": [" + String.join(",", rules) + "]}", keys);
    }

    private static String rule(String table, String column, String masker, String rest) {
        return "{\"table\": \"" + table + "\", \"column\": \"" + column + "\", \"masker\": \"" + masker + "\""
                + rest + "}";
    }

    private MaskingRules good() {
        return rules(rule("customer", "email", "email", ", \"keyId\": \"pii\""),
                rule("customer", "card_number", "card", ", \"keyId\": \"pci\""),
                rule("customer", "born", "date_shift", ", \"keyId\": \"pii\", \"params\": {\"maxDays\": 30}"),
                rule("customer", "age", "age_band", ""),
                rule("orders", "amount", "noise", ", \"keyId\": \"pii\", \"params\": {\"percent\": 5}"));
    }

    @OnEachDatabase
    void rules_that_fit_the_schema_pass(DbKind kind) {
        try (TestDatabase db = database(kind)) {
            MaskingRules rules = good();

            assertThatCode(() -> rules.validate(db.dataSource())).doesNotThrowAnyException();
            assertThat(rules.problems(db.dataSource())).isEmpty();
        }
    }

    @OnEachDatabase
    void names_match_whatever_case_the_database_folds_to(DbKind kind) {
        try (TestDatabase db = database(kind)) {
            MaskingRules rules = rules(rule("Customer", "EMAIL", "email", ", \"keyId\": \"pii\""),
                    rule("ORDERS", "Amount", "noise", ", \"keyId\": \"pii\", \"params\": {\"percent\": 5}"));

            assertThatCode(() -> rules.validate(db.dataSource())).doesNotThrowAnyException();
        }
    }

    @OnEachDatabase
    void an_unknown_table_is_a_schema_mismatch(DbKind kind) {
        try (TestDatabase db = database(kind)) {
            MaskingRules rules = rules(rule("customers", "email", "redact", ""));

            SchemaMismatchException e = catchThrowableOfType(SchemaMismatchException.class,
                    () -> rules.validate(db.dataSource()));

            assertThat(e.code().id()).isEqualTo("DRM-MASK-003");
            assertThat(e.getMessage()).contains("rules[0] (customers.email): no table customers in the schema",
                    "did you mean 'customer'?");
        }
    }

    @OnEachDatabase
    void an_unknown_column_is_a_schema_mismatch(DbKind kind) {
        try (TestDatabase db = database(kind)) {
            MaskingRules rules = rules(rule("customer", "e_mail", "redact", ""));

            SchemaMismatchException e = catchThrowableOfType(SchemaMismatchException.class,
                    () -> rules.validate(db.dataSource()));

            assertThat(e.getMessage()).containsIgnoringCase("table customer has no column e_mail")
                    .containsIgnoringCase("did you mean 'email'?");
        }
    }

    @OnEachDatabase
    void a_masker_that_cannot_mask_the_columns_type_is_a_schema_mismatch(DbKind kind) {
        try (TestDatabase db = database(kind)) {
            MaskingRules rules = rules(rule("customer", "age", "email", ", \"keyId\": \"pii\""));

            SchemaMismatchException e = catchThrowableOfType(SchemaMismatchException.class,
                    () -> rules.validate(db.dataSource()));

            assertThat(e.getMessage()).contains("rules[0] (customer.age): masker 'email' cannot mask INTEGER columns");
        }
    }

    @OnEachDatabase
    void nullify_on_a_not_null_column_is_a_schema_mismatch(DbKind kind) {
        try (TestDatabase db = database(kind)) {
            MaskingRules rules = rules(rule("customer", "status", "nullify", ""));

            SchemaMismatchException e = catchThrowableOfType(SchemaMismatchException.class,
                    () -> rules.validate(db.dataSource()));

            assertThat(e.getMessage()).contains("rules[0] (customer.status):", "is NOT NULL, so 'nullify' cannot mask");
        }
    }

    @OnEachDatabase
    void every_mismatch_is_listed_in_one_message(DbKind kind) {
        try (TestDatabase db = database(kind)) {
            MaskingRules rules = rules(rule("customers", "email", "redact", ""),
                    rule("customer", "e_mail", "redact", ""),
                    rule("customer", "email", "email", ", \"keyId\": \"pii\""),
                    rule("customer", "born", "card", ", \"keyId\": \"pci\""),
                    rule("customer", "status", "nullify", ""));

            SchemaMismatchException e = catchThrowableOfType(SchemaMismatchException.class,
                    () -> rules.validate(db.dataSource()));

            assertThat(e.getMessage()).contains("4 problems", "rules[0]", "rules[1]", "rules[3]", "rules[4]")
                    .doesNotContain("rules[2]");
            assertThat(rules.problems(db.dataSource())).hasSize(4);
        }
    }

    @OnEachDatabase
    void a_name_holding_the_databases_quote_character_is_unsafe(DbKind kind) {
        try (TestDatabase db = database(kind)) {
            String quote = kind == DbKind.MARIADB ? "`" : "\\\"";
            MaskingRules rules = rules(rule("customer", "email" + quote + "; DROP TABLE orders; --", "redact", ""));

            UnsafeIdentifierException e = catchThrowableOfType(UnsafeIdentifierException.class,
                    () -> rules.validate(db.dataSource()));

            assertThat(e.code().id()).isEqualTo("DRM-MASK-004");
            assertThat(e.getMessage()).contains("rules[0]", "the column name is unsafe", "cannot be quoted safely");
            assertThat(db.tableExists("orders")).isTrue();
        }
    }

    @OnEachDatabase
    void a_name_with_a_control_character_is_unsafe_and_other_problems_are_listed_too(DbKind kind) {
        try (TestDatabase db = database(kind)) {
            MaskingRules rules = rules(rule("customer\\u0000", "email", "redact", ""),
                    rule("customer", "e_mail", "redact", ""));

            UnsafeIdentifierException e = catchThrowableOfType(UnsafeIdentifierException.class,
                    () -> rules.validate(db.dataSource()));

            assertThat(e.getMessage()).contains("2 problems", "the table name is unsafe", "control character",
                    "has no column e_mail");
        }
    }

    @OnEachDatabase
    void validate_on_a_connection_leaves_it_open(DbKind kind) throws Exception {
        try (TestDatabase db = database(kind); Connection c = db.dataSource().getConnection()) {
            good().validate(c);

            assertThat(c.isClosed()).isFalse();
        }
    }
}
