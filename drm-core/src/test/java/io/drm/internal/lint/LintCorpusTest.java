package io.drm.internal.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.Finding;
import io.drm.internal.sql.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every script of lint-corpus/statements.tsv gives the findings its row lists, rule, category and line. */
final class LintCorpusTest {

    record Row(int line, Dialect dialect, String script, List<String> expected) {
        @Override
        public String toString() {
            return line + ": " + dialect + " " + script.replace("\n", "\\n");
        }
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = LintCorpusTest.class.getResourceAsStream("/lint-corpus/statements.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].startsWith("#") || lines[i].isBlank()) {
                    continue;
                }
                String[] f = lines[i].split("\t", -1);
                String script = f[1].replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t");
                List<String> expected = Arrays.stream(f[2].trim().split(" +"))
                        .map(e -> e.contains("@") ? e : e + "@1").collect(Collectors.toList());
                rows.add(new Row(i + 1, Dialect.valueOf(f[0]), script, expected));
            }
        }
        return rows;
    }

    static Stream<Row> corpus() throws IOException {
        return rows().stream();
    }

    private static List<Finding> lint(Row row) {
        return Linter.lint(List.of(new Script("1", "db/V1__corpus.sql", row.script())), row.dialect(), null);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void findsWhatTheRowSays(Row row) {
        List<Finding> findings = lint(row);
        assertThat(findings).extracting(f -> f.rule() + ":" + f.category() + "@" + f.line())
                .containsExactlyElementsOf(row.expected());
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.step()).isEqualTo("1");
            assertThat(f.file()).isEqualTo("db/V1__corpus.sql");
            assertThat(f.message()).isNotBlank();
        });
    }

    @Test
    void everyRuleHasOneSeverityAndCategory() throws IOException {
        Map<String, String> seen = new HashMap<>();
        for (Row row : rows()) {
            for (Finding f : lint(row)) {
                String kind = f.severity() + "/" + f.category();
                assertThat(seen.putIfAbsent(f.rule(), kind)).as(f.rule()).isIn(null, kind);
            }
        }
        assertThat(seen).containsEntry("drop-column", "ERROR/BREAKING")
                .containsEntry("truncate", "ERROR/DATA_DESTRUCTIVE")
                .containsEntry("pg-index-without-concurrently", "WARNING/LOCKING_RISK")
                .containsEntry("create-table", "INFO/NON_BREAKING")
                .containsEntry("unparsed-statement", "WARNING/BREAKING");
    }

    @Test
    void corpusIsLargeAndCoversEveryDialect() throws IOException {
        List<Row> rows = rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(120);
        for (Dialect d : Dialect.values()) {
            assertThat(rows).filteredOn(r -> r.dialect() == d).hasSizeGreaterThanOrEqualTo(30);
        }
    }

    @Test
    void messagesNeverQuoteLiteralsOrDefaults() throws IOException {
        for (Row row : rows()) {
            for (Finding f : lint(row)) {
                assertThat(f.message()).as(row.toString()).doesNotContain("'").doesNotContain("$$");
            }
        }
    }
}
