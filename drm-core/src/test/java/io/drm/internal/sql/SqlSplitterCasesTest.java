package io.drm.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class SqlSplitterCasesTest {

    private static List<String> sql(String script, Dialect d) {
        return SqlSplitter.split(script, d).stream().map(SqlStatement::sql).toList();
    }

    @Test
    void statements_are_split_at_semicolons_with_lines_and_positions() {
        List<SqlStatement> s = SqlSplitter.split("CREATE TABLE a (id INT);\n\nINSERT INTO a VALUES (1);\nSELECT 1",
                Dialect.H2);
        assertThat(s).extracting(SqlStatement::sql)
                .containsExactly("CREATE TABLE a (id INT)", "INSERT INTO a VALUES (1)", "SELECT 1");
        assertThat(s).extracting(SqlStatement::line).containsExactly(1, 3, 4);
    }

    @Test
    void semicolons_in_comments_strings_and_quoted_identifiers_do_not_split() {
        String script = "-- a comment; still\nINSERT INTO \"we;ird\" VALUES ('a;b', 'it''s; ok');"
                + " /* block; comment */ DELETE FROM t WHERE x = ';';";
        assertThat(sql(script, Dialect.POSTGRESQL)).containsExactly(
                "INSERT INTO \"we;ird\" VALUES ('a;b', 'it''s; ok')", "DELETE FROM t WHERE x = ';'");
    }

    @Test
    void postgres_dollar_quotes_and_nested_comments_hold_semicolons() {
        String script = "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql;\n"
                + "/* outer /* inner; */ still comment; */ SELECT $$a;b$$;";
        assertThat(sql(script, Dialect.POSTGRESQL)).containsExactly(
                "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql",
                "SELECT $$a;b$$");
    }

    @Test
    void mysql_backticks_backslash_escapes_and_hash_comments() {
        String script = "# comment; here\nINSERT INTO `a;b` VALUES ('x\\';y', \"q;r\");\nUPDATE `t` SET v = 1;";
        assertThat(sql(script, Dialect.MYSQL)).containsExactly("INSERT INTO `a;b` VALUES ('x\\';y', \"q;r\")",
                "UPDATE `t` SET v = 1");
    }

    @Test
    void empty_statements_crlf_and_a_last_statement_without_semicolon() {
        assertThat(sql(";;\r\nSELECT 1;\r\n;\r\nSELECT 2\r\n", Dialect.H2)).containsExactly("SELECT 1", "SELECT 2");
        assertThat(SqlSplitter.split(";;\r\nSELECT 1;\r\n;\r\nSELECT 2\r\n", Dialect.H2))
                .extracting(SqlStatement::line).containsExactly(2, 4);
        assertThat(sql("  -- only a comment\n", Dialect.H2)).isEmpty();
    }
}
