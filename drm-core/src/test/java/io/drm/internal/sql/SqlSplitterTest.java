package io.drm.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class SqlSplitterTest {

    private static List<String> sql(String script, Dialect d) {
        return SqlSplitter.split(script, d).stream().map(SqlStatement::sql).toList();
    }

    @Test
    void splitsAtSemicolonsWithLinesAndIndexes() {
        List<SqlStatement> s = SqlSplitter.split("create table a(x int);\n\n  insert into a values (1) ;\nselect 1", Dialect.H2);
        assertThat(s).containsExactly(
                new SqlStatement("create table a(x int)", 1, 0),
                new SqlStatement("insert into a values (1)", 3, 1),
                new SqlStatement("select 1", 4, 2));
    }

    @Test
    void dropsEmptyStatementsAndCommentOnlyTails() {
        assertThat(sql(";;  ;\n-- only a comment\n;select 1; /* tail */ ;\n-- end", Dialect.POSTGRESQL))
                .containsExactly("select 1");
    }

    @Test
    void lineCommentsAndBlockCommentsDoNotSplit() {
        List<SqlStatement> s = SqlSplitter.split("-- a; b\n/* c;\n d; */ select 1 -- x;y\n; select 2", Dialect.H2);
        assertThat(s).extracting(SqlStatement::sql).containsExactly("select 1", "select 2");
        assertThat(s.get(0).line()).isEqualTo(3);
        assertThat(s.get(1).line()).isEqualTo(4);
    }

    @Test
    void commentsBetweenTokensAreKept() {
        assertThat(sql("select /* ; */ 1;", Dialect.H2)).containsExactly("select /* ; */ 1");
    }

    @Test
    void postgresNestsBlockCommentsOthersDoNot() {
        assertThat(sql("/* a /* b; */ c; */ select 1; select 2", Dialect.POSTGRESQL))
                .containsExactly("select 1", "select 2");
        assertThat(sql("/* a /* b */ select 1; select 2", Dialect.MYSQL)).containsExactly("select 1", "select 2");
    }

    @Test
    void singleQuotedStringsWithDoubledQuotes() {
        assertThat(sql("insert into t values ('it''s; fine'); select ';'", Dialect.POSTGRESQL))
                .containsExactly("insert into t values ('it''s; fine')", "select ';'");
    }

    @Test
    void mysqlBackslashEscapesAndDoubleQuotedStrings() {
        assertThat(sql("insert into t values ('a\\';b'); insert into t values (\"x\\\";y\"); select 1", Dialect.MYSQL))
                .containsExactly("insert into t values ('a\\';b')", "insert into t values (\"x\\\";y\")", "select 1");
        // In PostgreSQL a backslash is an ordinary character in a plain string.
        assertThat(sql("select 'a\\'; select 2", Dialect.POSTGRESQL)).containsExactly("select 'a\\'", "select 2");
    }

    @Test
    void postgresEscapeStrings() {
        assertThat(sql("select E'a\\';b'; select 2", Dialect.POSTGRESQL)).containsExactly("select E'a\\';b'", "select 2");
    }

    @Test
    void quotedIdentifiers() {
        assertThat(sql("create table \"a;\"\"b\" (x int); select 1", Dialect.POSTGRESQL))
                .containsExactly("create table \"a;\"\"b\" (x int)", "select 1");
        assertThat(sql("create table `a;``b` (x int); select 1", Dialect.MYSQL))
                .containsExactly("create table `a;``b` (x int)", "select 1");
    }

    @Test
    void dollarQuotedBodies() {
        String f = "create function f() returns int as $$ begin return 1; end; $$ language plpgsql";
        String g = "create function g() returns text as $body$ select 'x;$$'; $body$ language sql";
        assertThat(sql(f + ";\n" + g + ";\nselect $1", Dialect.POSTGRESQL)).containsExactly(f, g, "select $1");
    }

    @Test
    void h2DollarBodies() {
        String f = "create alias f as $$ String f() { return \"a;b\"; } $$";
        assertThat(sql(f + "; select 1", Dialect.H2)).containsExactly(f, "select 1");
    }

    @Test
    void mysqlDelimiterWithBeginEnd() {
        String script = "DELIMITER //\ncreate procedure p()\nbegin\n  select 1;\n  select 2;\nend//\nDELIMITER ;\nselect 3;\n"
                + "DELIMITER $$\ncreate trigger t before insert on x for each row begin set new.a = 1; END$$\ndelimiter ;\nselect 4";
        List<SqlStatement> s = SqlSplitter.split(script, Dialect.MYSQL);
        assertThat(s).extracting(SqlStatement::sql).containsExactly(
                "create procedure p()\nbegin\n  select 1;\n  select 2;\nend",
                "select 3",
                "create trigger t before insert on x for each row begin set new.a = 1; END",
                "select 4");
        assertThat(s).extracting(SqlStatement::line).containsExactly(2, 8, 10, 12);
        assertThat(s).extracting(SqlStatement::index).containsExactly(0, 1, 2, 3);
    }

    @Test
    void beginEndWithoutDelimiterSplitsAtSemicolons() {
        assertThat(sql("begin; select 1; end;", Dialect.MYSQL)).containsExactly("begin", "select 1", "end");
    }

    @Test
    void mysqlHashCommentsAndDashDashNeedsASpace() {
        assertThat(sql("# a; b\nselect 1; -- c; d\nselect 2", Dialect.MYSQL)).containsExactly("select 1", "select 2");
        assertThat(sql("select 5--1; select 2", Dialect.MYSQL)).containsExactly("select 5--1", "select 2");
    }

    @Test
    void crlfLineEndings() {
        List<SqlStatement> s = SqlSplitter.split("select 1;\r\n\r\nselect\r\n 2\r\n;\r\n", Dialect.H2);
        assertThat(s).containsExactly(new SqlStatement("select 1", 1, 0), new SqlStatement("select\r\n 2", 3, 1));
    }

    @Test
    void linesCountNewlinesInsideStringsCommentsAndBodies() {
        String script = "select 'a\nb';\n/* x\ny */\nselect $$\n;\n$$;\nselect 3";
        assertThat(SqlSplitter.split(script, Dialect.POSTGRESQL)).extracting(SqlStatement::line).containsExactly(1, 5, 8);
    }

    @Test
    void lastStatementWithoutSemicolonAndUnterminatedString() {
        assertThat(sql("select 1; select 'open; x", Dialect.H2)).containsExactly("select 1", "select 'open; x");
        assertThat(sql("", Dialect.H2)).isEmpty();
    }

    @Test
    void keywordsInsideStringsAndCommentsAreText() {
        assertThat(sql("insert into t values ('drop table x; delete from y'); -- truncate z;\nselect 1", Dialect.H2))
                .containsExactly("insert into t values ('drop table x; delete from y')", "select 1");
    }
}
