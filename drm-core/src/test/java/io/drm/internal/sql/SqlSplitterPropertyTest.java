package io.drm.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Joining random statements with ';' and random comments/whitespace and splitting gives them back. */
final class SqlSplitterPropertyTest {

    private static final String[] PIECES = {"select", "x", "1", "'a;b'", "'it''s'", "\"q;\"\"x\"", "(", ")", ",", "=",
        "drop", "table", "where", "'--'", "'/*'", "a.b"};

    @Provide
    Arbitrary<String> statement() {
        return Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(8).map(l -> "select " + String.join(" ", l));
    }

    @Provide
    Arbitrary<String> gap() {
        return Arbitraries.of(" ", "\n", "\r\n", "\t", "-- c; x\n", "/* c; */", "/* a\n b; */", ";", "").list()
                .ofMaxSize(4).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<List<String[]>> scripts() {
        return Combinators.combine(statement(), gap(), gap()).as((s, a, b) -> new String[] {s, a, b}).list().ofMaxSize(10);
    }

    @Property(tries = 300)
    void splitGivesTheStatementsBack(@ForAll("scripts") List<String[]> parts) {
        for (Dialect d : Dialect.values()) {
            StringBuilder script = new StringBuilder();
            List<String> expected = new ArrayList<>();
            for (String[] p : parts) {
                String stmt = d == Dialect.MYSQL ? p[0].replace("\"q;\"\"x\"", "`q;``x`") : p[0];
                script.append(p[1]).append(stmt).append(p[2]).append(";");
                expected.add(stmt);
            }
            List<SqlStatement> got = SqlSplitter.split(script.toString(), d);
            assertThat(got).extracting(SqlStatement::sql).containsExactlyElementsOf(expected);
            for (SqlStatement s : got) {
                String[] lines = script.toString().split("\n", -1);
                assertThat(lines[s.line() - 1]).contains(s.sql().split("\r?\n")[0]);
            }
        }
    }
}
