package io.drm.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link StatementClassifier#classifyScript} lexes a script once, splitting it and tokenising each
 * statement in the same pass; this checks that every statement gets exactly the tokens (type, text,
 * parenthesis depth) and the classification that lexing its text again gives.
 */
final class OnePassTokensTest {

    private static final String[] PIECES = {"select", "x", "1", "1.5e3", "'a;b'", "'it''s'", "\"q;\"\"x\"", "`b;t`",
        "E'\\';'", "$$ a; b $$", "$tag$ ; $tag$", "$1", "(", ")", "((", "))", ",", "=", "drop", "table", "where",
        "'--'", "'/*'", "a.b", "-- c; x\n", "# h;\n", "// s;\n", "/* a /* b; */ c; */", "\n", "\r\n", "ALTER", "TABLE",
        "t", "ADD", "COLUMN", "c", "INT", "RENAME", "TO", "u", "CREATE", "INDEX", "CONCURRENTLY", "ON", "BEGIN",
        "END", "DELIMITER", "\u00e9t\u00e9", "\u00a0", ";"};

    @Provide
    Arbitrary<String> scripts() {
        return Arbitraries.of(PIECES).list().ofMaxSize(40).map(l -> String.join(" ", l));
    }

    @Property(tries = 2000)
    void randomScriptsGetTheTokensOfTheirStatements(@ForAll("scripts") String script) {
        for (Dialect d : Dialect.values()) {
            check(script, d);
        }
    }

    @Test
    void mysqlDelimiterBlocksGetTheTokensOfTheirStatements() {
        String script = "DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; UPDATE t SET a = ';' WHERE (b = 1); END//\n"
                + "DELIMITER ;\nDROP TABLE t;\nDELIMITER $$\nCREATE TRIGGER x BEFORE INSERT ON t FOR EACH ROW"
                + " BEGIN SET NEW.a = 1; END$$\nDELIMITER ;\nSELECT 2";
        check(script, Dialect.MYSQL);
        assertThat(StatementClassifier.classifyScript(script, Dialect.MYSQL)).hasSize(4);
    }

    @Test
    void corpusStatementsGetTheTokensOfTheirStatements() throws IOException {
        for (String resource : List.of("/sql-corpus/statements.tsv", "/lint-corpus/statements.tsv")) {
            try (InputStream in = OnePassTokensTest.class.getResourceAsStream(resource)) {
                StringBuilder[] byDialect = new StringBuilder[Dialect.values().length];
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.startsWith("#") || line.isBlank()) {
                        continue;
                    }
                    String[] f = line.split("\t", -1);
                    Dialect d = Dialect.valueOf(f[0]);
                    String sql = f[1].replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t");
                    check(sql, d);
                    int i = d.ordinal();
                    if (byDialect[i] == null) {
                        byDialect[i] = new StringBuilder();
                    }
                    byDialect[i].append(sql).append(";\n-- next\n");
                }
                for (Dialect d : Dialect.values()) {
                    if (byDialect[d.ordinal()] != null) {
                        check(byDialect[d.ordinal()].toString(), d);
                    }
                }
            }
        }
    }

    private static void check(String script, Dialect d) {
        List<SqlStatement> split = SqlSplitter.split(script, d);
        List<Tokens> onePass = new ArrayList<>();
        List<SqlStatement> statements = new ArrayList<>();
        SqlSplitter.split(script, d, new Tokens.Buffer(), (s, t) -> {
            statements.add(s);
            onePass.add(t);
        });
        assertThat(statements).as("statements of %s", script).isEqualTo(split);
        List<ClassifiedStatement> classified = StatementClassifier.classifyScript(script, d);
        assertThat(classified).extracting(ClassifiedStatement::statement).isEqualTo(split);
        for (int i = 0; i < split.size(); i++) {
            Tokens again = Tokens.of(split.get(i).sql(), d);
            Tokens once = onePass.get(i);
            assertThat(once.size()).as("token count of %s", split.get(i).sql()).isEqualTo(again.size());
            for (int k = 0; k < again.size(); k++) {
                assertThat(once.type(k)).as("type of token %d of %s", k, split.get(i).sql()).isEqualTo(again.type(k));
                assertThat(once.text(k, k + 1)).as("text of token %d", k).isEqualTo(again.text(k, k + 1));
                assertThat(once.depth(k)).as("depth of token %d", k).isEqualTo(again.depth(k));
            }
            assertThat(classified.get(i)).isEqualTo(StatementClassifier.classify(split.get(i), d));
        }
    }
}
