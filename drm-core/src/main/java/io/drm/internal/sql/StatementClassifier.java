package io.drm.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Classifies statements: which objects they create, drop, alter or write, and how. Recognises H2,
 * PostgreSQL and MySQL/MariaDB syntax (see {@code docs/sql-classifier.md}); what it does not
 * recognise becomes {@link ActionKind#OTHER}. Never throws on odd SQL.
 */
public final class StatementClassifier {
    private static final Set<String> KINDS = Set.of("TABLE", "INDEX", "VIEW", "SEQUENCE", "DATABASE",
            "SCHEMA", "FUNCTION", "PROCEDURE", "TRIGGER", "TYPE", "EXTENSION", "TABLESPACE", "ROLE", "USER",
            "DOMAIN", "ALIAS", "CONSTANT", "SYNONYM", "EVENT", "AGGREGATE", "OPERATOR", "POLICY", "RULE",
            "PUBLICATION", "SUBSCRIPTION", "SERVER", "COLLATION", "CAST", "MATERIALIZED", "LANGUAGE",
            "GROUP", "STATISTICS");
    private static final Set<String> MAIN_VERBS = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE");

    private StatementClassifier() {
    }

    /**
     * Classifies one statement.
     *
     * @param s the statement
     * @param d its dialect
     * @return the statement with at least one action
     */
    public static ClassifiedStatement classify(SqlStatement s, Dialect d) {
        Objects.requireNonNull(s, "s");
        Objects.requireNonNull(d, "d");
        return classify(s, Tokens.of(s.sql(), d), d);
    }

    private static ClassifiedStatement classify(SqlStatement s, Tokens t, Dialect d) {
        List<SqlAction> out = new ArrayList<>(2);
        classify(t, d, out);
        if (out.isEmpty()) {
            out.add(other(t.size() == 0 ? null : t.upper(0)));
        }
        return new ClassifiedStatement(s, out);
    }

    /**
     * Splits and classifies a script.
     *
     * @param script the script
     * @param d its dialect
     * @return one classified statement per statement, in order
     */
    public static List<ClassifiedStatement> classifyScript(String script, Dialect d) {
        List<ClassifiedStatement> out = new ArrayList<>();
        // One pass of the lexer splits the script and gives each statement its tokens.
        SqlSplitter.split(script, d, new Tokens.Buffer(), (s, t) -> out.add(classify(s, t, d)));
        return out;
    }

    static SqlAction other(String detail) {
        return new SqlAction(ActionKind.OTHER, null, null, null, detail, false, false, false);
    }

    private static void classify(Tokens t, Dialect d, List<SqlAction> out) {
        int p = 0;
        if (t.is(0, "WITH")) {
            p = -1;
            for (int i = 1; i < t.size(); i++) {
                if (t.depth(i) == 0 && t.isPunct(i - 1, ')') && MAIN_VERBS.contains(t.upper(i))) {
                    p = i;
                    break;
                }
            }
            if (p < 0) {
                out.add(new SqlAction(ActionKind.SELECT, null, null, null, null, false, false, false));
                return;
            }
        }
        String verb = t.upper(p);
        switch (verb) {
            case "CREATE":
                create(t, p + 1, out);
                break;
            case "DROP":
                drop(t, p + 1, out);
                break;
            case "ALTER":
                alter(t, d, p + 1, out);
                break;
            case "RENAME":
                renameTables(t, p + 1, out);
                break;
            case "TRUNCATE":
                truncate(t, p + 1, out);
                break;
            case "DELETE":
            case "UPDATE":
                deleteOrUpdate(t, p, verb, out);
                break;
            case "INSERT":
            case "REPLACE":
            case "MERGE":
                insert(t, p, verb, out);
                break;
            case "SELECT":
                out.add(new SqlAction(ActionKind.SELECT, null, null, null, null, false, false, false));
                break;
            case "VACUUM":
                out.add(new SqlAction(ActionKind.VACUUM, null, null, null, t.text(p + 1, t.size()),
                        false, false, false));
                break;
            case "REINDEX":
                out.add(new SqlAction(ActionKind.OTHER, null, null, null, "REINDEX", false,
                        t.find(p + 1, t.size(), "CONCURRENTLY", 1) >= 0
                                || t.find(p + 1, t.size(), "CONCURRENTLY", 0) >= 0, false));
                break;
            default:
                out.add(other(verb.isEmpty() ? null : verb));
                break;
        }
    }

    /** Finds the object-kind keyword after CREATE/DROP, skipping modifiers (OR REPLACE, TEMP, UNIQUE, DEFINER=..). */
    private static int kindAt(Tokens t, int p) {
        for (int i = p; i < t.size() && i < p + 16 && t.depth(i) == 0; i++) {
            if (t.type(i) == SqlLexer.WORD && KINDS.contains(t.upper(i))) {
                return i;
            }
        }
        return -1;
    }

    private static void create(Tokens t, int p, List<SqlAction> out) {
        int k = kindAt(t, p);
        if (k < 0) {
            out.add(new SqlAction(ActionKind.CREATE_OTHER, null, null, null, t.upper(p), false, false, false));
            return;
        }
        String kind = t.upper(k);
        int i = k + 1;
        if (kind.equals("MATERIALIZED") && t.is(i, "VIEW")) {
            i++;
        }
        boolean concurrently = t.is(i, "CONCURRENTLY");
        if (concurrently) {
            i++;
        }
        boolean ifNotExists = t.is(i, "IF") && t.is(i + 1, "NOT") && t.is(i + 2, "EXISTS");
        if (ifNotExists) {
            i += 3;
        }
        Names n = new Names();
        if (kind.equals("INDEX")) {
            String index = null;
            String indexSchema = null;
            if (!t.is(i, "ON") && n.read(t, i)) {
                index = n.name;
                indexSchema = n.schema;
                i = n.next;
            }
            String schema = indexSchema;
            String table = null;
            int on = t.find(i, t.size(), "ON", 0);
            if (on >= 0) {
                int j = t.is(on + 1, "ONLY") ? on + 2 : on + 1;
                if (n.read(t, j)) {
                    schema = n.schema;
                    table = n.name;
                }
            }
            out.add(new SqlAction(ActionKind.CREATE_INDEX, schema, table, null, index, false, concurrently,
                    ifNotExists));
            return;
        }
        n.read(t, i);
        ActionKind ak;
        String detail = null;
        switch (kind) {
            case "TABLE":
                ak = ActionKind.CREATE_TABLE;
                break;
            case "VIEW":
                ak = ActionKind.CREATE_VIEW;
                break;
            case "MATERIALIZED":
                ak = ActionKind.CREATE_VIEW;
                detail = "MATERIALIZED VIEW";
                break;
            case "SEQUENCE":
                ak = ActionKind.CREATE_SEQUENCE;
                break;
            default:
                ak = ActionKind.CREATE_OTHER;
                detail = kind;
                break;
        }
        out.add(new SqlAction(ak, n.schema, n.name, null, detail, false, false, ifNotExists));
    }

    private static void drop(Tokens t, int p, List<SqlAction> out) {
        int k = kindAt(t, p);
        if (k < 0) {
            out.add(new SqlAction(ActionKind.DROP_OTHER, null, null, null, t.upper(p), false, false, false));
            return;
        }
        String kind = t.upper(k);
        int i = k + 1;
        if (kind.equals("MATERIALIZED") && t.is(i, "VIEW")) {
            i++;
        }
        boolean concurrently = t.is(i, "CONCURRENTLY");
        if (concurrently) {
            i++;
        }
        boolean ifExists = t.is(i, "IF") && t.is(i + 1, "EXISTS");
        if (ifExists) {
            i += 2;
        }
        ActionKind ak;
        String detail = null;
        switch (kind) {
            case "TABLE":
                ak = ActionKind.DROP_TABLE;
                break;
            case "VIEW":
                ak = ActionKind.DROP_VIEW;
                break;
            case "MATERIALIZED":
                ak = ActionKind.DROP_VIEW;
                detail = "MATERIALIZED VIEW";
                break;
            case "SEQUENCE":
                ak = ActionKind.DROP_SEQUENCE;
                break;
            case "INDEX":
                ak = ActionKind.DROP_INDEX;
                break;
            default:
                ak = ActionKind.DROP_OTHER;
                detail = kind;
                break;
        }
        Names n = new Names();
        if (ak == ActionKind.DROP_INDEX) {
            String tableSchema = null;
            String table = null;
            int on = t.find(i, t.size(), "ON", 0);
            if (on >= 0 && n.read(t, on + 1)) {
                tableSchema = n.schema;
                table = n.name;
            }
            while (n.read(t, i)) {
                out.add(new SqlAction(ak, table != null ? tableSchema : n.schema, table, null, n.name, false,
                        concurrently, ifExists));
                if (!t.isPunct(n.next, ',')) {
                    break;
                }
                i = n.next + 1;
            }
            return;
        }
        boolean any = false;
        while (n.read(t, i)) {
            any = true;
            out.add(new SqlAction(ak, n.schema, n.name, null, detail, false, false, ifExists));
            if (!t.isPunct(n.next, ',')) {
                break;
            }
            i = n.next + 1;
        }
        if (!any) {
            out.add(new SqlAction(ak, null, null, null, detail, false, false, ifExists));
        }
    }

    private static void alter(Tokens t, Dialect d, int p, List<SqlAction> out) {
        int i = p;
        while (t.is(i, "IGNORE") || t.is(i, "ONLINE")) {
            i++;
        }
        if (t.is(i, "TABLE")) {
            AlterTable.classify(t, d, i + 1, out);
            return;
        }
        if (t.is(i, "TYPE")) {
            Names n = new Names();
            if (n.read(t, i + 1) && t.is(n.next, "ADD") && t.is(n.next + 1, "VALUE")) {
                int j = n.next + 2;
                boolean ine = t.is(j, "IF") && t.is(j + 1, "NOT") && t.is(j + 2, "EXISTS");
                if (ine) {
                    j += 3;
                }
                out.add(new SqlAction(ActionKind.ALTER_TYPE_ADD_VALUE, n.schema, n.name, null, t.literal(j),
                        false, false, ine));
                return;
            }
        }
        out.add(other(t.upper(i).isEmpty() ? "ALTER" : "ALTER " + t.upper(i)));
    }

    private static void renameTables(Tokens t, int p, List<SqlAction> out) {
        int i = t.is(p, "TABLE") || t.is(p, "TABLES") ? p + 1 : p;
        Names n = new Names();
        while (n.read(t, i) && t.is(n.next, "TO")) {
            int to = n.next + 1;
            String schema = n.schema;
            String table = n.name;
            Names m = new Names();
            m.read(t, to);
            out.add(new SqlAction(ActionKind.RENAME_TABLE, schema, table, null, m.name, false, false, false));
            if (!t.isPunct(m.next, ',')) {
                return;
            }
            i = m.next + 1;
        }
        if (out.isEmpty()) {
            out.add(other("RENAME"));
        }
    }

    private static void truncate(Tokens t, int p, List<SqlAction> out) {
        int i = t.is(p, "TABLE") ? p + 1 : p;
        Names n = new Names();
        while (true) {
            if (t.is(i, "ONLY")) {
                i++;
            }
            if (!n.read(t, i)) {
                break;
            }
            out.add(new SqlAction(ActionKind.TRUNCATE, n.schema, n.name, null, null, false, false, false));
            int j = t.isPunct(n.next, '*') ? n.next + 1 : n.next;
            if (!t.isPunct(j, ',')) {
                break;
            }
            i = j + 1;
        }
        if (out.isEmpty()) {
            out.add(new SqlAction(ActionKind.TRUNCATE, null, null, null, null, false, false, false));
        }
    }

    private static void deleteOrUpdate(Tokens t, int p, String verb, List<SqlAction> out) {
        int i = p + 1;
        while (t.is(i, "LOW_PRIORITY") || t.is(i, "QUICK") || t.is(i, "IGNORE")) {
            i++;
        }
        if (verb.equals("DELETE") && t.is(i, "FROM")) {
            i++;
        } else if (verb.equals("DELETE")) {
            int from = t.find(i, t.size(), "FROM", 0);
            i = from >= 0 ? from + 1 : i;
        }
        if (t.is(i, "ONLY")) {
            i++;
        }
        Names n = new Names();
        n.read(t, i);
        boolean where = t.find(i, t.size(), "WHERE", 0) >= 0;
        ActionKind kind = verb.equals("DELETE") ? ActionKind.DELETE : ActionKind.UPDATE;
        out.add(new SqlAction(kind, n.schema, n.name, null, null, where, false, false));
    }

    private static void insert(Tokens t, int p, String verb, List<SqlAction> out) {
        int i = p + 1;
        while (t.is(i, "IGNORE") || t.is(i, "LOW_PRIORITY") || t.is(i, "DELAYED") || t.is(i, "HIGH_PRIORITY")) {
            i++;
        }
        if (t.is(i, "INTO")) {
            i++;
        }
        Names n = new Names();
        n.read(t, i);
        ActionKind kind = verb.equals("MERGE") ? ActionKind.MERGE : ActionKind.INSERT;
        out.add(new SqlAction(kind, n.schema, n.name, null, verb.equals("REPLACE") ? "REPLACE" : null, false,
                false, false));
    }
}
