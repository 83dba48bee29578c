package io.drm.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Classifies statements into actions. */
public final class StatementClassifier {

    private StatementClassifier() {
    }

    /**
     * @param s the statement
     * @param d its dialect
     * @return what it does
     */
    public static ClassifiedStatement classify(SqlStatement s, Dialect d) {
        List<Tok> t = Tok.lex(s.sql(), d);
        List<SqlAction> actions = new ArrayList<>();
        if (t.isEmpty()) {
            return new ClassifiedStatement(s, actions);
        }
        String w0 = t.get(0).upper();
        int i;
        switch (w0) {
            case "CREATE" -> {
                i = 1;
                boolean unique = false;
                while (i < t.size() && List.of("OR", "REPLACE", "GLOBAL", "LOCAL", "TEMPORARY", "TEMP", "UNLOGGED",
                        "MEMORY", "CACHED", "UNIQUE", "FORCE").contains(t.get(i).upper())) {
                    unique |= t.get(i).upper().equals("UNIQUE");
                    i++;
                }
                String what = i < t.size() ? t.get(i).upper() : "";
                i++;
                boolean conc = false;
                if (i < t.size() && t.get(i).upper().equals("CONCURRENTLY")) {
                    conc = true;
                    i++;
                }
                boolean ifNot = false;
                if (i + 2 < t.size() && t.get(i).upper().equals("IF") && t.get(i + 1).upper().equals("NOT")) {
                    ifNot = true;
                    i += 3;
                }
                switch (what) {
                    case "TABLE" -> {
                        Name n = Name.at(t, i);
                        actions.add(new SqlAction(ActionKind.CREATE_TABLE, n.schema, n.name, null, null, false, false, ifNot));
                    }
                    case "VIEW" -> {
                        Name n = Name.at(t, i);
                        actions.add(new SqlAction(ActionKind.CREATE_VIEW, n.schema, n.name, null, null, false, false, ifNot));
                    }
                    case "SEQUENCE" -> {
                        Name n = Name.at(t, i);
                        actions.add(new SqlAction(ActionKind.CREATE_SEQUENCE, n.schema, n.name, null, null, false, false,
                                ifNot));
                    }
                    case "INDEX" -> {
                        String index = null;
                        if (i < t.size() && !t.get(i).upper().equals("ON")) {
                            index = Name.at(t, i).name;
                            i = Name.at(t, i).next;
                        }
                        while (i < t.size() && !t.get(i).upper().equals("ON")) {
                            i++;
                        }
                        i++;
                        if (i < t.size() && t.get(i).upper().equals("ONLY")) {
                            i++;
                        }
                        Name n = Name.at(t, i);
                        actions.add(new SqlAction(ActionKind.CREATE_INDEX, n.schema, n.name, null, index, false, conc,
                                ifNot));
                    }
                    default -> actions.add(new SqlAction(ActionKind.CREATE_OTHER, null, null, null, what, false, false,
                            false));
                }
            }
            case "DROP" -> {
                String what = t.size() > 1 ? t.get(1).upper() : "";
                i = 2;
                boolean conc = false;
                if (i < t.size() && t.get(i).upper().equals("CONCURRENTLY")) {
                    conc = true;
                    i++;
                }
                boolean ifExists = false;
                if (i + 1 < t.size() && t.get(i).upper().equals("IF") && t.get(i + 1).upper().equals("EXISTS")) {
                    ifExists = true;
                    i += 2;
                }
                ActionKind kind = switch (what) {
                    case "TABLE" -> ActionKind.DROP_TABLE;
                    case "VIEW" -> ActionKind.DROP_VIEW;
                    case "INDEX" -> ActionKind.DROP_INDEX;
                    case "SEQUENCE" -> ActionKind.DROP_SEQUENCE;
                    default -> ActionKind.DROP_OTHER;
                };
                while (i < t.size()) {
                    Name n = Name.at(t, i);
                    actions.add(new SqlAction(kind, n.schema, n.name, null, null, false, conc, ifExists));
                    i = n.next;
                    if (i < t.size() && t.get(i).text.equals(",")) {
                        i++;
                    } else {
                        break;
                    }
                }
            }
            case "TRUNCATE" -> {
                i = 1;
                if (i < t.size() && t.get(i).upper().equals("TABLE")) {
                    i++;
                }
                while (i < t.size()) {
                    if (t.get(i).upper().equals("ONLY")) {
                        i++;
                    }
                    Name n = Name.at(t, i);
                    actions.add(new SqlAction(ActionKind.TRUNCATE, n.schema, n.name, null, null, false, false, false));
                    i = n.next;
                    if (i < t.size() && t.get(i).text.equals(",")) {
                        i++;
                    } else {
                        break;
                    }
                }
            }
            case "DELETE" -> {
                i = 1;
                if (i < t.size() && t.get(i).upper().equals("FROM")) {
                    i++;
                }
                if (i < t.size() && t.get(i).upper().equals("ONLY")) {
                    i++;
                }
                Name n = Name.at(t, i);
                actions.add(new SqlAction(ActionKind.DELETE, n.schema, n.name, null, null, topLevel(t, "WHERE"), false,
                        false));
            }
            case "UPDATE" -> {
                i = 1;
                if (i < t.size() && t.get(i).upper().equals("ONLY")) {
                    i++;
                }
                Name n = Name.at(t, i);
                actions.add(new SqlAction(ActionKind.UPDATE, n.schema, n.name, null, null, topLevel(t, "WHERE"), false,
                        false));
            }
            case "INSERT", "REPLACE", "MERGE" -> {
                i = 1;
                while (i < t.size() && List.of("INTO", "IGNORE", "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY")
                        .contains(t.get(i).upper())) {
                    i++;
                }
                Name n = Name.at(t, i);
                actions.add(new SqlAction(w0.equals("MERGE") ? ActionKind.MERGE : ActionKind.INSERT, n.schema, n.name,
                        null, null, false, false, false));
            }
            case "SELECT", "WITH", "VALUES", "SHOW", "EXPLAIN", "SET", "CALL" -> actions.add(new SqlAction(
                    ActionKind.SELECT, null, null, null, null, false, false, false));
            case "VACUUM" -> actions.add(new SqlAction(ActionKind.VACUUM, null, null, null, null, false, false, false));
            case "REINDEX" -> actions.add(new SqlAction(ActionKind.OTHER, null, null, null, "REINDEX", false,
                    t.stream().anyMatch(x -> x.upper().equals("CONCURRENTLY")), false));
            case "ALTER" -> alter(t, d, actions);
            default -> actions.add(new SqlAction(ActionKind.OTHER, null, null, null, w0, false, false, false));
        }
        return new ClassifiedStatement(s, actions);
    }

    private static void alter(List<Tok> t, Dialect d, List<SqlAction> actions) {
        if (t.size() < 3 || !t.get(1).upper().equals("TABLE")) {
            boolean addValue = t.size() > 1 && t.get(1).upper().equals("TYPE")
                    && t.stream().anyMatch(x -> x.upper().equals("VALUE"));
            actions.add(new SqlAction(addValue ? ActionKind.ALTER_TYPE_ADD_VALUE : ActionKind.OTHER, null, null, null,
                    t.size() > 1 ? t.get(1).upper() : null, false, false, false));
            return;
        }
        int i = 2;
        if (i + 1 < t.size() && t.get(i).upper().equals("IF") && t.get(i + 1).upper().equals("EXISTS")) {
            i += 2;
        }
        if (i < t.size() && t.get(i).upper().equals("ONLY")) {
            i++;
        }
        Name table = Name.at(t, i);
        i = table.next;
        // clauses separated by top-level commas
        List<List<Tok>> clauses = new ArrayList<>();
        List<Tok> cur = new ArrayList<>();
        for (; i < t.size(); i++) {
            Tok k = t.get(i);
            if (k.text.equals(",") && k.depth == 0) {
                clauses.add(cur);
                cur = new ArrayList<>();
            } else {
                cur.add(k);
            }
        }
        clauses.add(cur);
        for (List<Tok> c : clauses) {
            if (c.isEmpty()) {
                continue;
            }
            String a = c.get(0).upper();
            int j = 1;
            switch (a) {
                case "ADD" -> {
                    if (j < c.size() && c.get(j).upper().equals("COLUMN")) {
                        j++;
                    }
                    if (j < c.size() && List.of("CONSTRAINT", "PRIMARY", "FOREIGN", "UNIQUE", "CHECK", "INDEX", "KEY")
                            .contains(c.get(j).upper())) {
                        String name = c.get(j).upper().equals("CONSTRAINT") && j + 1 < c.size() ? c.get(j + 1).name() : null;
                        actions.add(new SqlAction(ActionKind.ADD_CONSTRAINT, table.schema, table.name, null, name, false,
                                false, false));
                        continue;
                    }
                    if (j + 2 < c.size() && c.get(j).upper().equals("IF") && c.get(j + 1).upper().equals("NOT")) {
                        j += 3;
                    }
                    if (j < c.size()) {
                        actions.add(new SqlAction(ActionKind.ADD_COLUMN, table.schema, table.name, c.get(j).name(),
                                rest(c, j + 1), false, false, false));
                    }
                }
                case "DROP" -> {
                    if (j < c.size() && List.of("CONSTRAINT", "PRIMARY", "FOREIGN", "INDEX", "KEY", "CHECK")
                            .contains(c.get(j).upper())) {
                        actions.add(new SqlAction(ActionKind.DROP_CONSTRAINT, table.schema, table.name, null,
                                j + 1 < c.size() ? c.get(j + 1).name() : null, false, false, false));
                        continue;
                    }
                    if (j < c.size() && c.get(j).upper().equals("COLUMN")) {
                        j++;
                    }
                    boolean ifExists = false;
                    if (j + 1 < c.size() && c.get(j).upper().equals("IF") && c.get(j + 1).upper().equals("EXISTS")) {
                        ifExists = true;
                        j += 2;
                    }
                    for (; j < c.size(); j++) {
                        Tok k = c.get(j);
                        if (k.isName() && !List.of("CASCADE", "RESTRICT").contains(k.upper())) {
                            actions.add(new SqlAction(ActionKind.DROP_COLUMN, table.schema, table.name, k.name(), null,
                                    false, false, ifExists));
                            if (k.depth == 0) {
                                break;
                            }
                        }
                    }
                }
                case "ALTER" -> {
                    if (j < c.size() && c.get(j).upper().equals("COLUMN")) {
                        j++;
                    }
                    if (j >= c.size()) {
                        continue;
                    }
                    String col = c.get(j).name();
                    j++;
                    String next = j < c.size() ? c.get(j).upper() : "";
                    String after = j + 1 < c.size() ? c.get(j + 1).upper() : "";
                    ActionKind kind;
                    if (next.equals("SET") && after.equals("NOT")) {
                        kind = ActionKind.SET_NOT_NULL;
                    } else if (next.equals("DROP") && after.equals("NOT")) {
                        kind = ActionKind.DROP_NOT_NULL;
                    } else if (next.equals("SET") && after.equals("DEFAULT")) {
                        kind = ActionKind.SET_DEFAULT;
                    } else if (next.equals("DROP") && after.equals("DEFAULT")) {
                        kind = ActionKind.DROP_DEFAULT;
                    } else if (next.equals("TYPE") || next.equals("SET") && after.equals("DATA")
                            || d != Dialect.POSTGRESQL && !next.equals("SET") && !next.equals("DROP")
                            && !next.equals("RENAME") && !next.isEmpty()) {
                        kind = ActionKind.ALTER_COLUMN_TYPE;
                    } else if (next.equals("RENAME")) {
                        kind = ActionKind.RENAME_COLUMN;
                    } else {
                        kind = ActionKind.OTHER;
                    }
                    actions.add(new SqlAction(kind, table.schema, table.name, col, rest(c, j), false, false, false));
                }
                case "MODIFY" -> {
                    if (j < c.size() && c.get(j).upper().equals("COLUMN")) {
                        j++;
                    }
                    if (j < c.size()) {
                        actions.add(new SqlAction(ActionKind.ALTER_COLUMN_TYPE, table.schema, table.name,
                                c.get(j).name(), rest(c, j + 1), false, false, false));
                    }
                }
                case "CHANGE" -> {
                    if (j < c.size() && c.get(j).upper().equals("COLUMN")) {
                        j++;
                    }
                    if (j + 1 < c.size()) {
                        actions.add(new SqlAction(ActionKind.ALTER_COLUMN_TYPE, table.schema, table.name,
                                c.get(j).name(), rest(c, j + 1), false, false, false));
                    }
                }
                case "RENAME" -> {
                    boolean column = j < c.size() && c.get(j).upper().equals("COLUMN");
                    actions.add(new SqlAction(column ? ActionKind.RENAME_COLUMN : ActionKind.RENAME_TABLE,
                            table.schema, table.name, column && j + 1 < c.size() ? c.get(j + 1).name() : null, rest(c, j),
                            false, false, false));
                }
                default -> actions.add(new SqlAction(ActionKind.OTHER, table.schema, table.name, null, a, false, false,
                        false));
            }
        }
    }

    private static String rest(List<Tok> c, int from) {
        StringBuilder b = new StringBuilder();
        for (int k = from; k < c.size(); k++) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(c.get(k).text);
        }
        return b.toString();
    }

    private static boolean topLevel(List<Tok> t, String word) {
        for (Tok k : t) {
            if (k.depth == 0 && k.kind == 'w' && k.upper().equals(word)) {
                return true;
            }
        }
        return false;
    }

    /** A possibly qualified name at a position. */
    private record Name(String schema, String name, int next) {
        static Name at(List<Tok> t, int i) {
            if (i >= t.size()) {
                return new Name(null, null, i);
            }
            String first = t.get(i).name();
            if (i + 2 < t.size() && t.get(i + 1).text.equals(".")) {
                return new Name(first, t.get(i + 2).name(), i + 3);
            }
            return new Name(null, first, i + 1);
        }
    }

    /** A token: a word, a quoted identifier, a string, a number or punctuation, with its paren depth. */
    record Tok(String text, char kind, int depth) {

        String upper() {
            return kind == 'w' ? text.toUpperCase(Locale.ROOT) : "";
        }

        boolean isName() {
            return kind == 'w' || kind == 'q';
        }

        String name() {
            if (kind == 'q') {
                String inner = text.substring(1, text.length() - 1);
                char q = text.charAt(0);
                return inner.replace("" + q + q, "" + q);
            }
            return text;
        }

        static List<Tok> lex(String sql, Dialect d) {
            List<Tok> out = new ArrayList<>();
            int n = sql.length();
            int depth = 0;
            int i = 0;
            while (i < n) {
                char ch = sql.charAt(i);
                if (Character.isWhitespace(ch)) {
                    i++;
                } else if (ch == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || ch == '#' && d == Dialect.MYSQL) {
                    while (i < n && sql.charAt(i) != '\n') {
                        i++;
                    }
                } else if (ch == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                    int end = sql.indexOf("*/", i + 2);
                    i = end < 0 ? n : end + 2;
                } else if (ch == '\'' || ch == '"' && d == Dialect.MYSQL) {
                    int j = i + 1;
                    while (j < n) {
                        char c = sql.charAt(j);
                        if (d == Dialect.MYSQL && c == '\\') {
                            j += 2;
                            continue;
                        }
                        if (c == ch) {
                            if (j + 1 < n && sql.charAt(j + 1) == ch) {
                                j += 2;
                                continue;
                            }
                            break;
                        }
                        j++;
                    }
                    out.add(new Tok(sql.substring(i, Math.min(n, j + 1)), 's', depth));
                    i = j + 1;
                } else if (ch == '"' || ch == '`') {
                    int j = i + 1;
                    while (j < n) {
                        if (sql.charAt(j) == ch) {
                            if (j + 1 < n && sql.charAt(j + 1) == ch) {
                                j += 2;
                                continue;
                            }
                            break;
                        }
                        j++;
                    }
                    out.add(new Tok(sql.substring(i, Math.min(n, j + 1)), 'q', depth));
                    i = j + 1;
                } else if (ch == '$' && d != Dialect.MYSQL) {
                    int j = i + 1;
                    while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
                        j++;
                    }
                    if (j < n && sql.charAt(j) == '$') {
                        String tag = sql.substring(i, j + 1);
                        int end = sql.indexOf(tag, j + 1);
                        int stop = end < 0 ? n : end + tag.length();
                        out.add(new Tok(sql.substring(i, stop), 's', depth));
                        i = stop;
                    } else {
                        out.add(new Tok("$", 'p', depth));
                        i++;
                    }
                } else if (Character.isLetter(ch) || ch == '_') {
                    int j = i;
                    while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_'
                            || sql.charAt(j) == '$')) {
                        j++;
                    }
                    out.add(new Tok(sql.substring(i, j), 'w', depth));
                    i = j;
                } else if (Character.isDigit(ch)) {
                    int j = i;
                    while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '.')) {
                        j++;
                    }
                    out.add(new Tok(sql.substring(i, j), 'n', depth));
                    i = j;
                } else {
                    if (ch == '(') {
                        out.add(new Tok("(", 'p', depth));
                        depth++;
                    } else if (ch == ')') {
                        depth = Math.max(0, depth - 1);
                        out.add(new Tok(")", 'p', depth));
                    } else {
                        out.add(new Tok(String.valueOf(ch), 'p', depth));
                    }
                    i++;
                }
            }
            return out;
        }
    }

    /**
     * @param script a script
     * @param d its dialect
     * @return every statement, classified
     */
    public static List<ClassifiedStatement> classifyScript(String script, Dialect d) {
        List<ClassifiedStatement> out = new ArrayList<>();
        for (SqlStatement s : SqlSplitter.split(script, d)) {
            out.add(classify(s, d));
        }
        return out;
    }
}
