package io.drm.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class StatementClassifierCasesTest {

    private static ClassifiedStatement classify(String sql, Dialect d) {
        return StatementClassifier.classify(new SqlStatement(sql, 1, 0), d);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        H2         | DROP TABLE customer                                       | DROP_TABLE:customer:        | true
        POSTGRESQL | DROP TABLE IF EXISTS app.customer CASCADE                 | DROP_TABLE:customer:        | true
        MYSQL      | DROP TABLE a, `b`                                         | DROP_TABLE:a:,DROP_TABLE:b: | true
        H2         | ALTER TABLE customer DROP COLUMN email                    | DROP_COLUMN:customer:email  | true
        MYSQL      | ALTER TABLE customer DROP email                           | DROP_COLUMN:customer:email  | true
        POSTGRESQL | ALTER TABLE ONLY customer DROP COLUMN IF EXISTS email     | DROP_COLUMN:customer:email  | true
        POSTGRESQL | ALTER TABLE t ALTER COLUMN c TYPE varchar(10) USING c::varchar | ALTER_COLUMN_TYPE:t:c  | true
        POSTGRESQL | ALTER TABLE t ALTER COLUMN c SET DATA TYPE int            | ALTER_COLUMN_TYPE:t:c       | true
        H2         | ALTER TABLE t ALTER COLUMN c VARCHAR(10)                  | ALTER_COLUMN_TYPE:t:c       | true
        MYSQL      | ALTER TABLE t MODIFY COLUMN c VARCHAR(10) NOT NULL        | ALTER_COLUMN_TYPE:t:c       | true
        MYSQL      | ALTER TABLE t CHANGE c d INT                              | ALTER_COLUMN_TYPE:t:c,RENAME_COLUMN:t:c | true
        POSTGRESQL | TRUNCATE TABLE a, b                                       | TRUNCATE:a:,TRUNCATE:b:     | true
        H2         | DELETE FROM t                                             | DELETE:t:                   | true
        H2         | DELETE FROM t WHERE id = 1                                | DELETE:t:                   | false
        POSTGRESQL | DELETE FROM t USING u WHERE t.id = u.id                   | DELETE:t:                   | false
        H2         | DELETE FROM t WHERE id IN (SELECT id FROM u)              | DELETE:t:                   | false
        H2         | UPDATE t SET v = (SELECT max(v) FROM u WHERE u.id = 1)    | UPDATE:t:                   | true
        H2         | UPDATE t SET v = 'WHERE'                                  | UPDATE:t:                   | true
        H2         | UPDATE t SET v = 1 WHERE id = 2                           | UPDATE:t:                   | false
        H2         | CREATE TABLE t (id INT PRIMARY KEY)                       | CREATE_TABLE:t:             | false
        POSTGRESQL | CREATE TABLE IF NOT EXISTS "My Table" (id int)            | CREATE_TABLE:My Table:      | false
        H2         | ALTER TABLE t ADD email VARCHAR(200)                      | ADD_COLUMN:t:email          | false
        POSTGRESQL | ALTER TABLE t ADD COLUMN a int, DROP COLUMN b             | ADD_COLUMN:t:a,DROP_COLUMN:t:b | true
        H2         | CREATE INDEX ix_a ON t (a)                                | CREATE_INDEX:t:             | false
        H2         | INSERT INTO t (id) VALUES (1)                             | INSERT:t:                   | false
        POSTGRESQL | SELECT 'DROP TABLE x'                                     | SELECT::                    | false
        H2         | -- DROP TABLE x\\nSELECT 1                                | SELECT::                    | false
        """)
    void statements_are_classified(Dialect d, String sql, String expected, boolean destructive) {
        ClassifiedStatement c = classify(sql.replace("\\n", "\n"), d);
        List<String> actions = c.actions().stream().map(a -> a.kind() + ":" + (a.table() == null ? "" : a.table()) + ":"
                + (a.column() == null ? "" : a.column())).toList();
        assertThat(String.join(",", actions)).isEqualTo(expected);
        assertThat(c.destructive()).isEqualTo(destructive);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        CREATE INDEX CONCURRENTLY ix ON t (a)       | false
        DROP INDEX CONCURRENTLY IF EXISTS ix        | false
        REINDEX INDEX CONCURRENTLY ix               | false
        VACUUM ANALYZE t                            | false
        CREATE INDEX ix ON t (a)                    | true
        INSERT INTO t VALUES ('CONCURRENTLY')       | true
        """)
    void non_transactional_postgres_statements_are_found(String sql, boolean transactional) {
        assertThat(classify(sql, Dialect.POSTGRESQL).transactional(Dialect.POSTGRESQL)).isEqualTo(transactional);
        assertThat(classify(sql, Dialect.MYSQL).transactional(Dialect.MYSQL)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        CREATE INDEX ix_a ON t (a)             | ix_a
        CREATE UNIQUE INDEX "Ix B" ON t (b)    | Ix B
        CREATE INDEX IF NOT EXISTS ix_c ON t (c) | ix_c
        """)
    void index_names_are_read(String sql, String name) {
        assertThat(classify(sql, Dialect.POSTGRESQL).actions()).singleElement()
                .satisfies(a -> assertThat(a.detail()).isEqualTo(name));
    }
}
