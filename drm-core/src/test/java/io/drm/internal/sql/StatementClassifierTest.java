package io.drm.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.internal.DatabaseKind;
import java.util.List;
import org.junit.jupiter.api.Test;

final class StatementClassifierTest {

    private static ClassifiedStatement c(String sql, Dialect d) {
        return StatementClassifier.classify(new SqlStatement(sql, 1, 0), d);
    }

    @Test
    void dialectOfKind() {
        assertThat(Dialect.of(DatabaseKind.POSTGRESQL)).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialect.of(DatabaseKind.MYSQL)).isEqualTo(Dialect.MYSQL);
        assertThat(Dialect.of(DatabaseKind.H2)).isEqualTo(Dialect.H2);
        assertThat(Dialect.of(DatabaseKind.OTHER)).isEqualTo(Dialect.H2);
    }

    @Test
    void alterTableWithSeveralClausesGivesSeveralActions() {
        ClassifiedStatement s = c("ALTER TABLE app.t ADD COLUMN a int DEFAULT now(), DROP COLUMN b, ALTER COLUMN c TYPE bigint USING c::bigint",
                Dialect.POSTGRESQL);
        assertThat(s.actions()).containsExactly(
                new SqlAction(ActionKind.ADD_COLUMN, "app", "t", "a", "int DEFAULT now()", false, false, false,
                        "ADD COLUMN a int DEFAULT now()"),
                new SqlAction(ActionKind.DROP_COLUMN, "app", "t", "b", null, false, false, false, "DROP COLUMN b"),
                new SqlAction(ActionKind.ALTER_COLUMN_TYPE, "app", "t", "c", "bigint", false, false, false,
                        "ALTER COLUMN c TYPE bigint USING c::bigint"));
        assertThat(s.destructive()).isTrue();
    }

    @Test
    void whereOnlyCountsAtTopLevel() {
        assertThat(c("DELETE FROM t WHERE a = 1", Dialect.H2).destructive()).isFalse();
        assertThat(c("DELETE FROM t", Dialect.H2).destructive()).isTrue();
        assertThat(c("UPDATE t SET a = (SELECT b FROM u WHERE u.id = 1)", Dialect.H2).destructive()).isTrue();
        assertThat(c("UPDATE t SET a = 'where'", Dialect.MYSQL).destructive()).isTrue();
        assertThat(c("DELETE FROM t /* where */", Dialect.POSTGRESQL).destructive()).isTrue();
    }

    @Test
    void quotedIdentifiersKeepCaseAndQuotesAreUndone() {
        assertThat(c("DROP TABLE \"My \"\"Table\"\"\"", Dialect.POSTGRESQL).actions().get(0).table()).isEqualTo("My \"Table\"");
        assertThat(c("DROP TABLE `weird``name`", Dialect.MYSQL).actions().get(0).table()).isEqualTo("weird`name");
        assertThat(c("DROP TABLE MixedCase", Dialect.H2).actions().get(0).table()).isEqualTo("MixedCase");
    }

    @Test
    void nonTransactionalOnPostgresOnly() {
        assertThat(c("CREATE INDEX CONCURRENTLY i ON t (a)", Dialect.POSTGRESQL).transactional(Dialect.POSTGRESQL)).isFalse();
        assertThat(c("CREATE INDEX i ON t (a)", Dialect.POSTGRESQL).transactional(Dialect.POSTGRESQL)).isTrue();
        assertThat(c("VACUUM t", Dialect.POSTGRESQL).transactional(Dialect.POSTGRESQL)).isFalse();
        assertThat(c("CREATE DATABASE x", Dialect.MYSQL).transactional(Dialect.MYSQL)).isTrue();
    }

    @Test
    void alterTypeAddValueDependsOnServerVersion() {
        ClassifiedStatement s = c("ALTER TYPE mood ADD VALUE 'x'", Dialect.POSTGRESQL);
        assertThat(s.transactional(Dialect.POSTGRESQL)).isTrue();
        assertThat(s.transactional(Dialect.POSTGRESQL, 11)).isFalse();
        assertThat(s.transactional(Dialect.POSTGRESQL, 12)).isTrue();
        assertThat(s.actions().get(0).detail()).isEqualTo("x");
    }

    @Test
    void classifyScriptKeepsLinesAndOrder() {
        List<ClassifiedStatement> all = StatementClassifier.classifyScript(
                "CREATE TABLE a (x int);\n\nDROP TABLE a;\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;",
                Dialect.POSTGRESQL);
        assertThat(all).extracting(x -> x.actions().get(0).kind())
                .containsExactly(ActionKind.CREATE_TABLE, ActionKind.DROP_TABLE, ActionKind.CREATE_OTHER);
        assertThat(all).extracting(x -> x.statement().line()).containsExactly(1, 3, 4);
    }

    @Test
    void garbageNeverThrows() {
        for (String s : List.of("", "(", ")))", "ALTER", "ALTER TABLE", "ALTER TABLE t", "DROP", "CREATE INDEX",
                "ALTER TABLE t ADD", "ALTER TABLE t DROP COLUMN", "RENAME TABLE", "TRUNCATE", "DELETE", "UPDATE",
                "WITH x AS (", "ALTER TABLE t CHANGE", "ALTER TYPE x ADD VALUE")) {
            for (Dialect d : Dialect.values()) {
                assertThat(c(s, d).actions()).isNotEmpty();
            }
        }
    }
}
