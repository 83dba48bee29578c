package io.drm.internal.lint;

import io.drm.Finding.Category;
import io.drm.Finding.Severity;
import io.drm.internal.sql.Dialect;
import io.drm.internal.sql.SqlAction;
import java.util.Locale;
import java.util.Set;

/**
 * The rules for what the classifier keeps as text ({@code OTHER} actions): statements it does not
 * model, and {@code ALTER TABLE} clauses it does not break down.
 */
final class OtherStatements {
    /** Leading keywords of statements the classifier does not model but that are ordinary in migrations. */
    private static final Set<String> KNOWN_OTHER = Set.of("GRANT", "REVOKE", "COMMENT", "SET", "DO", "CALL",
            "ANALYZE", "ANALYSE", "REINDEX", "BEGIN", "COMMIT", "END", "ROLLBACK", "START", "SAVEPOINT", "RELEASE",
            "LOCK", "UNLOCK", "CLUSTER", "REFRESH", "NOTIFY", "LISTEN", "SECURITY", "USE", "SHOW", "EXPLAIN",
            "CHECKPOINT", "RUNSCRIPT", "SCRIPT", "DECLARE", "EXECUTE", "PREPARE", "DEALLOCATE", "OPTIMIZE",
            "FLUSH", "INSTALL", "IMPORT", "COPY", "VALUES", "TABLE", "DISCARD", "RESET", "ALTER SEQUENCE",
            "ALTER USER", "ALTER ROLE", "ALTER DEFAULT", "ALTER SCHEMA", "ALTER DATABASE", "ALTER EXTENSION",
            "ALTER FUNCTION", "ALTER PROCEDURE", "ALTER SYSTEM", "ALTER INDEX", "ALTER VIEW", "ALTER DOMAIN",
            "ALTER TYPE", "ALTER TRIGGER", "ALTER EVENT", "ALTER POLICY", "ALTER MATERIALIZED", "ALTER PUBLICATION",
            "ALTER SUBSCRIPTION", "ALTER AGGREGATE", "ALTER OPERATOR", "ALTER COLLATION", "ALTER LANGUAGE",
            "ALTER LARGE", "ALTER STATISTICS", "ALTER TABLESPACE", "ALTER SERVER", "ALTER OWNER",
            "ALTER FOREIGN", "ALTER TEXT", "ALTER ALIAS", "ALTER SYNONYM");

    private OtherStatements() {
    }

    /**
     * Lints an {@code OTHER} action.
     *
     * @param a the action
     * @param d the dialect
     * @param e where findings go
     */
    static void lint(SqlAction a, Dialect d, Emitter e) {
        String detail = a.detail() == null ? "" : a.detail();
        String upper = detail.toUpperCase(Locale.ROOT);
        if (a.table() != null) {
            // a clause of ALTER TABLE the classifier keeps as text
            if (d == Dialect.MYSQL && upper.startsWith("CONVERT") && upper.contains("CHARACTER")) {
                e.add("mariadb-convert-charset-copy", Severity.WARNING, Category.LOCKING_RISK, "CONVERT TO"
                        + " CHARACTER SET rewrites every text column of " + Rules.name(a) + ": MariaDB copies the"
                        + " table and blocks writes meanwhile.");
                return;
            }
            e.add("alter-table-other", Severity.INFO, Category.NON_BREAKING, "ALTER TABLE " + Rules.name(a) + " "
                    + firstWords(detail) + ": not a change the lint judges; review it by hand.");
            return;
        }
        if (KNOWN_OTHER.contains(upper) || KNOWN_OTHER.contains(firstWord(upper))) {
            e.add("other-statement", Severity.INFO, Category.NON_BREAKING, upper.isEmpty() ? "a statement"
                    : upper + " statement: not a schema change the lint judges; review it by hand.");
            return;
        }
        e.add("unparsed-statement", Severity.WARNING, Category.BREAKING, "the SQL classifier does not recognise this"
                + " statement" + (upper.isEmpty() ? "" : " (" + firstWords(upper) + ")") + ": review it by hand.");
    }

    private static String firstWord(String s) {
        int sp = s.indexOf(' ');
        return sp < 0 ? s : s.substring(0, sp);
    }

    /** The first words of a clause, for a message (never a literal: it stops at a quote or digit). */
    private static String firstWords(String s) {
        StringBuilder b = new StringBuilder();
        int words = 0;
        for (int i = 0; i < s.length() && b.length() < 40; i++) {
            char ch = s.charAt(i);
            if (ch == '\'' || ch == '"' || ch == '$' || ch == '(' || Character.isDigit(ch) && b.length() == 0) {
                break;
            }
            if (Character.isWhitespace(ch)) {
                if (++words >= 3) {
                    break;
                }
                b.append(' ');
                while (i + 1 < s.length() && Character.isWhitespace(s.charAt(i + 1))) {
                    i++;
                }
            } else {
                b.append(ch);
            }
        }
        return b.toString().strip();
    }
}
