package io.drm.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every statement of sql-corpus/statements.tsv classifies as its row says, alone and within a script. */
final class SqlCorpusTest {

    record Row(int line, Dialect dialect, String sql, String actions, boolean destructive, boolean transactional) {
        @Override
        public String toString() {
            return line + ": " + sql;
        }
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = SqlCorpusTest.class.getResourceAsStream("/sql-corpus/statements.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].startsWith("#") || lines[i].isBlank()) {
                    continue;
                }
                String[] f = lines[i].split("\t", -1);
                rows.add(new Row(i + 1, Dialect.valueOf(f[0]), f[1], f[2], f[3].equals("yes"), f[4].equals("yes")));
            }
        }
        return rows;
    }

    static Stream<Row> corpus() throws IOException {
        return rows().stream();
    }

    static String encode(ClassifiedStatement c) {
        StringJoiner j = new StringJoiner(" && ");
        for (SqlAction a : c.actions()) {
            String flags = (a.hasWhere() ? "W" : "") + (a.concurrently() ? "C" : "") + (a.ifExists() ? "I" : "");
            j.add(a.kind() + "/" + n(a.schema()) + "/" + n(a.table()) + "/" + n(a.column()) + "/" + n(a.detail())
                    + "/" + flags);
        }
        return j.toString();
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void classifiesAsExpected(Row row) {
        ClassifiedStatement c = StatementClassifier.classify(new SqlStatement(row.sql(), 1, 0), row.dialect());
        assertThat(encode(c)).isEqualTo(row.actions());
        assertThat(c.destructive()).as("destructive").isEqualTo(row.destructive());
        assertThat(c.transactional(row.dialect())).as("transactional").isEqualTo(row.transactional());
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void scriptSplitGivesTheStatementBack(Row row) {
        // MySQL rows run under DELIMITER // so that procedure bodies with ';' stay one statement.
        boolean mysql = row.dialect() == Dialect.MYSQL;
        String script = (mysql ? "DELIMITER //\n" : "") + "-- before\n" + row.sql() + "\n" + (mysql ? "//\nDELIMITER ;\n" : ";\n")
                + "/* after */ SELECT 2";
        List<ClassifiedStatement> all = StatementClassifier.classifyScript(script, row.dialect());
        assertThat(all).hasSize(2);
        SqlStatement first = all.get(0).statement();
        assertThat(first.index()).isZero();
        assertThat(first.line()).isEqualTo(mysql ? 3 : 2);
        // Leading and trailing comments are not part of a statement; everything else is.
        assertThat(row.sql()).contains(first.sql());
        assertThat(SqlSplitter.split(row.sql().replace(first.sql(), ""), row.dialect())).isEmpty();
        assertThat(encode(all.get(0))).isEqualTo(row.actions());
        assertThat(all.get(1).statement().sql()).isEqualTo("SELECT 2");
    }

    @org.junit.jupiter.api.Test
    void corpusIsLargeAndCoversEveryDialect() throws IOException {
        List<Row> rows = rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(120);
        for (Dialect d : Dialect.values()) {
            assertThat(rows).filteredOn(r -> r.dialect() == d).hasSizeGreaterThanOrEqualTo(40);
        }
    }
}
