package io.drm.internal.sql;

import java.util.List;

/** Classifies the clauses of {@code ALTER TABLE} in H2, PostgreSQL and MySQL/MariaDB syntax. */
final class AlterTable {
    private final Tokens t;
    private final Dialect d;
    private final List<SqlAction> out;
    private final String schema;
    private final String table;
    private final boolean tableIfExists;
    /** The text of the clause being classified. */
    private String clause;

    private AlterTable(Tokens t, Dialect d, List<SqlAction> out, String schema, String table, boolean ifExists) {
        this.t = t;
        this.d = d;
        this.out = out;
        this.schema = schema;
        this.table = table;
        this.tableIfExists = ifExists;
    }

    /** Classifies {@code ALTER TABLE} whose name starts at token p. */
    static void classify(Tokens t, Dialect d, int p, List<SqlAction> out) {
        int i = p;
        boolean ifExists = t.is(i, "IF") && t.is(i + 1, "EXISTS");
        if (ifExists) {
            i += 2;
        }
        if (t.is(i, "ONLY")) {
            i++;
        }
        Names n = new Names();
        if (!n.read(t, i)) {
            out.add(StatementClassifier.other("ALTER TABLE"));
            return;
        }
        i = t.isPunct(n.next, '*') ? n.next + 1 : n.next;
        AlterTable a = new AlterTable(t, d, out, n.schema, n.name, ifExists);
        boolean lastWasDropColumn = false;
        int clause = i;
        for (int j = i; j <= t.size(); j++) {
            if (j == t.size() || (t.depth(j) == 0 && t.isPunct(j, ','))) {
                if (clause < j) {
                    a.clause = t.text(clause, j);
                    lastWasDropColumn = a.clause(clause, j, lastWasDropColumn);
                }
                clause = j + 1;
            }
        }
    }

    private void add(ActionKind kind, String column, String detail, boolean ifExists) {
        out.add(new SqlAction(kind, schema, table, column, detail, false, false, ifExists || tableIfExists, clause));
    }

    /** Classifies tokens [a, b); returns whether it was a DROP COLUMN (H2 allows "DROP COLUMN a, b"). */
    private boolean clause(int a, int b, boolean afterDropColumn) {
        String verb = t.upper(a);
        switch (verb) {
            case "ADD":
                add(a + 1, b);
                return false;
            case "DROP":
                return drop(a + 1, b);
            case "ALTER":
                alterColumn(t.is(a + 1, "COLUMN") ? a + 2 : a + 1, b);
                return false;
            case "MODIFY":
                modify(t.is(a + 1, "COLUMN") ? a + 2 : a + 1, b);
                return false;
            case "CHANGE":
                change(t.is(a + 1, "COLUMN") ? a + 2 : a + 1, b);
                return false;
            case "RENAME":
                rename(a + 1, b);
                return false;
            default:
                if (afterDropColumn && t.ident(a) != null && a + 1 == b) {
                    add(ActionKind.DROP_COLUMN, t.ident(a), null, false);
                    return true;
                }
                boolean concurrently = t.find(a, b, "CONCURRENTLY", 0) >= 0;
                out.add(new SqlAction(ActionKind.OTHER, schema, table, null, t.text(a, b), false, concurrently,
                        tableIfExists, clause));
                return false;
        }
    }

    private void add(int i, int b) {
        String w = t.upper(i);
        switch (w) {
            case "CONSTRAINT": {
                String name = t.ident(i + 1);
                add(ActionKind.ADD_CONSTRAINT, null, name, false);
                return;
            }
            case "UNIQUE": {
                int j = t.is(i + 1, "INDEX") || t.is(i + 1, "KEY") ? i + 2 : i + 1;
                add(ActionKind.ADD_CONSTRAINT, null, t.isPunct(j, '(') || t.is(j, "NULLS") ? null : t.ident(j), false);
                return;
            }
            case "PRIMARY":
            case "FOREIGN":
            case "CHECK":
            case "EXCLUDE":
                add(ActionKind.ADD_CONSTRAINT, null, null, false);
                return;
            case "INDEX":
            case "KEY":
            case "FULLTEXT":
            case "SPATIAL": {
                int j = i + 1;
                if (t.is(j, "INDEX") || t.is(j, "KEY")) {
                    j++;
                }
                add(ActionKind.CREATE_INDEX, null, t.isPunct(j, '(') ? null : t.ident(j), false);
                return;
            }
            default:
                break;
        }
        int j = t.is(i, "COLUMN") ? i + 1 : i;
        boolean ine = t.is(j, "IF") && t.is(j + 1, "NOT") && t.is(j + 2, "EXISTS");
        if (ine) {
            j += 3;
        }
        if (t.isPunct(j, '(')) {
            int level = t.depth(j) + 1;
            int start = j + 1;
            for (int k = j + 1; k < b; k++) {
                boolean close = t.isPunct(k, ')') && t.depth(k) == level - 1;
                if (close || (t.isPunct(k, ',') && t.depth(k) == level)) {
                    if (start < k) {
                        add(ActionKind.ADD_COLUMN, t.ident(start), t.text(start + 1, k), ine);
                    }
                    start = k + 1;
                    if (close) {
                        break;
                    }
                }
            }
            return;
        }
        add(ActionKind.ADD_COLUMN, t.ident(j), t.text(j + 1, b), ine);
    }

    private boolean drop(int i, int b) {
        String w = t.upper(i);
        switch (w) {
            case "CONSTRAINT": {
                int j = i + 1;
                boolean ie = t.is(j, "IF") && t.is(j + 1, "EXISTS");
                if (ie) {
                    j += 2;
                }
                add(ActionKind.DROP_CONSTRAINT, null, t.ident(j), ie);
                return false;
            }
            case "PRIMARY":
                add(ActionKind.DROP_CONSTRAINT, null, "PRIMARY KEY", false);
                return false;
            case "FOREIGN":
            case "CHECK": {
                int j = t.is(i + 1, "KEY") ? i + 2 : i + 1;
                boolean ie = t.is(j, "IF") && t.is(j + 1, "EXISTS");
                add(ActionKind.DROP_CONSTRAINT, null, t.ident(ie ? j + 2 : j), ie);
                return false;
            }
            case "INDEX":
            case "KEY": {
                int j = i + 1;
                boolean ie = t.is(j, "IF") && t.is(j + 1, "EXISTS");
                add(ActionKind.DROP_INDEX, null, t.ident(ie ? j + 2 : j), ie);
                return false;
            }
            case "PARTITION":
            case "DEFAULT":
                out.add(new SqlAction(ActionKind.OTHER, schema, table, null, t.text(i - 1, b), false, false,
                        tableIfExists, clause));
                return false;
            default:
                break;
        }
        int j = t.is(i, "COLUMN") ? i + 1 : i;
        boolean ie = t.is(j, "IF") && t.is(j + 1, "EXISTS");
        if (ie) {
            j += 2;
        }
        if (t.isPunct(j, '(')) {
            for (int k = j + 1; k < b && !t.isPunct(k, ')'); k++) {
                if (t.ident(k) != null) {
                    add(ActionKind.DROP_COLUMN, t.ident(k), null, ie);
                }
            }
            return true;
        }
        add(ActionKind.DROP_COLUMN, t.ident(j), null, ie);
        return true;
    }

    private void alterColumn(int i, int b) {
        String column = t.ident(i);
        int j = i + 1;
        if (t.is(j, "TYPE")) {
            typeChange(column, j + 1, b);
        } else if (t.is(j, "SET") && t.is(j + 1, "DATA") && t.is(j + 2, "TYPE")) {
            typeChange(column, j + 3, b);
        } else if (t.is(j, "SET") && t.is(j + 1, "NOT") && t.is(j + 2, "NULL")) {
            add(ActionKind.SET_NOT_NULL, column, null, false);
        } else if ((t.is(j, "DROP") && t.is(j + 1, "NOT") && t.is(j + 2, "NULL"))
                || (t.is(j, "SET") && t.is(j + 1, "NULL"))) {
            add(ActionKind.DROP_NOT_NULL, column, null, false);
        } else if (t.is(j, "SET") && t.is(j + 1, "DEFAULT")) {
            add(ActionKind.SET_DEFAULT, column, t.text(j + 2, b), false);
        } else if (t.is(j, "DROP") && t.is(j + 1, "DEFAULT")) {
            add(ActionKind.DROP_DEFAULT, column, null, false);
        } else if (t.is(j, "RENAME") && t.is(j + 1, "TO")) {
            add(ActionKind.RENAME_COLUMN, column, t.ident(j + 2), false);
        } else if (d == Dialect.H2 && t.type(j) == SqlLexer.WORD && !isAlterColumnKeyword(t.upper(j))) {
            add(ActionKind.ALTER_COLUMN_TYPE, column, t.text(j, b), false);
        } else {
            out.add(new SqlAction(ActionKind.OTHER, schema, table, column, t.text(j, b), false, false,
                    tableIfExists, clause));
        }
    }

    private static boolean isAlterColumnKeyword(String w) {
        switch (w) {
            case "SET":
            case "DROP":
            case "ADD":
            case "RESET":
            case "RESTART":
            case "SELECTIVITY":
            case "OPTIONS":
                return true;
            default:
                return false;
        }
    }

    private void typeChange(String column, int j, int b) {
        int using = t.find(j, b, "USING", 0);
        add(ActionKind.ALTER_COLUMN_TYPE, column, t.text(j, using < 0 ? b : using), false);
    }

    private void modify(int i, int b) {
        add(ActionKind.ALTER_COLUMN_TYPE, t.ident(i), t.text(i + 1, b), false);
    }

    private void change(int i, int b) {
        String old = t.ident(i);
        String renamed = t.ident(i + 1);
        add(ActionKind.ALTER_COLUMN_TYPE, old, t.text(i + 2, b), false);
        if (old != null && renamed != null && !old.equalsIgnoreCase(renamed)) {
            add(ActionKind.RENAME_COLUMN, old, renamed, false);
        }
    }

    private void rename(int i, int b) {
        if (t.is(i, "TO") || t.is(i, "AS")) {
            Names n = new Names();
            n.read(t, i + 1);
            add(ActionKind.RENAME_TABLE, null, n.name, false);
        } else if (t.is(i, "COLUMN")) {
            add(ActionKind.RENAME_COLUMN, t.ident(i + 1), t.ident(i + 3), false);
        } else if (t.is(i, "CONSTRAINT") || t.is(i, "INDEX") || t.is(i, "KEY")) {
            out.add(new SqlAction(ActionKind.OTHER, schema, table, null, t.text(i - 1, b), false, false,
                    tableIfExists, clause));
        } else if (t.is(i + 1, "TO")) {
            add(ActionKind.RENAME_COLUMN, t.ident(i), t.ident(i + 2), false);
        } else {
            Names n = new Names();
            n.read(t, i);
            add(ActionKind.RENAME_TABLE, null, n.name, false);
        }
    }
}
