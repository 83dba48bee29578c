package io.drm.internal.lint;

import io.drm.Finding.Category;
import io.drm.Finding.Severity;
import io.drm.internal.sql.ActionKind;
import io.drm.internal.sql.ClassifiedStatement;
import io.drm.internal.sql.ColumnDefinition;
import io.drm.internal.sql.Dialect;
import io.drm.internal.sql.SqlAction;
import io.drm.internal.sql.SqlWords;
import java.util.Locale;

/**
 * The statement rules: each classified action gives findings with a stable rule id; see
 * {@code docs/lint.md} for every id, its category, severity and what to do.
 */
final class Rules {
    private Rules() {
    }

    /**
     * Lints one statement.
     *
     * @param c the statement
     * @param d its dialect
     * @param release what earlier statements of the release created
     * @param e where findings go
     */
    static void lint(ClassifiedStatement c, Dialect d, ReleaseObjects release, Emitter e) {
        boolean mysqlAlgorithmGiven = d == Dialect.MYSQL && algorithmGiven(c);
        boolean newTableNoted = false;
        for (SqlAction a : c.actions()) {
            if (a.table() != null && isTableChange(a.kind()) && release.isNew(a.table())) {
                if (!newTableNoted) {
                    e.add("change-to-new-table", Severity.INFO, Category.NON_BREAKING, verb(a) + " " + name(a)
                            + ", which this release creates (" + release.createdAt(a.table()) + "): no existing"
                            + " data or reader depends on it yet.");
                    newTableNoted = true;
                }
                continue;
            }
            action(c, a, d, mysqlAlgorithmGiven, e);
        }
    }

    private static void action(ClassifiedStatement c, SqlAction a, Dialect d, boolean algorithmGiven, Emitter e) {
        String n = name(a);
        switch (a.kind()) {
            case CREATE_TABLE:
                e.add("create-table", Severity.INFO, Category.NON_BREAKING, "creates table " + n + ".");
                break;
            case CREATE_VIEW:
                e.add("create-view", Severity.INFO, Category.NON_BREAKING, "creates "
                        + (a.detail() != null ? "materialized view " : "view ") + n + ".");
                break;
            case CREATE_SEQUENCE:
                e.add("create-sequence", Severity.INFO, Category.NON_BREAKING, "creates sequence " + n + ".");
                break;
            case CREATE_OTHER:
                e.add("create-object", Severity.INFO, Category.NON_BREAKING, "creates "
                        + lower(a.detail()) + (a.table() != null ? " " + n : "") + ".");
                break;
            case ALTER_TYPE_ADD_VALUE:
                e.add("add-enum-value", Severity.INFO, Category.NON_BREAKING, "adds a value to type " + n + ".");
                break;
            case CREATE_INDEX:
                createIndex(c, a, d, algorithmGiven, e);
                break;
            case ADD_COLUMN:
                addColumn(a, d, algorithmGiven, e);
                break;
            case ADD_CONSTRAINT:
                addConstraint(a, d, e);
                break;
            case DROP_NOT_NULL:
                e.add("drop-not-null", Severity.INFO, Category.NON_BREAKING, "lets column " + col(a)
                        + " hold NULL: readers that assume a value must handle NULL.");
                break;
            case SET_DEFAULT:
            case DROP_DEFAULT:
                e.add(a.kind() == ActionKind.SET_DEFAULT ? "set-default" : "drop-default", Severity.INFO,
                        Category.NON_BREAKING, (a.kind() == ActionKind.SET_DEFAULT ? "sets" : "drops")
                        + " the default of column " + col(a) + " (existing rows keep their values).");
                break;
            case DROP_TABLE:
                e.add("drop-table", Severity.ERROR, Category.BREAKING, "drops table " + n + ": its data is lost and"
                        + " every reader and writer of it breaks. Stop using it in the application first (a"
                        + " release before), keep a safety snapshot or an undo script, and get the drop approved.");
                break;
            case DROP_COLUMN:
                e.add("drop-column", Severity.ERROR, Category.BREAKING, "drops column " + col(a) + ": its data is"
                        + " lost and code that reads or writes it breaks. Stop using it in the application first (a"
                        + " release before), and keep a safety snapshot or an undo script.");
                break;
            case RENAME_TABLE:
                e.add("rename-table", Severity.ERROR, Category.BREAKING, "renames table " + n + " to "
                        + a.detail() + ": code using the old name breaks. Expand and contract instead: add the new"
                        + " table (or a view under the new name), move the code, then remove the old name.");
                break;
            case RENAME_COLUMN:
                e.add("rename-column", Severity.ERROR, Category.BREAKING, "renames column " + col(a) + " to "
                        + a.detail() + ": code using the old name breaks. Expand and contract instead: add the"
                        + " new column, write both, backfill, move the readers, then drop the old one.");
                break;
            case ALTER_COLUMN_TYPE:
                columnType(a, d, algorithmGiven, e);
                break;
            case SET_NOT_NULL:
                e.add("set-not-null", Severity.ERROR, Category.BREAKING, "makes column " + col(a) + " NOT NULL:"
                        + " writers that leave it empty fail, and so does the statement if a row holds NULL."
                        + " Backfill first and make sure every writer sets it.");
                if (d == Dialect.POSTGRESQL) {
                    e.add("pg-set-not-null-scan", Severity.WARNING, Category.LOCKING_RISK, "SET NOT NULL on "
                            + col(a) + " scans the whole table under an ACCESS EXCLUSIVE lock, blocking reads and"
                            + " writes. On PostgreSQL 12+ add CHECK (" + a.column() + " IS NOT NULL) NOT VALID,"
                            + " VALIDATE CONSTRAINT in a later step, then SET NOT NULL (it uses the constraint).");
                }
                break;
            case DROP_CONSTRAINT:
                e.add("drop-constraint", Severity.ERROR, Category.BREAKING, "drops constraint "
                        + (a.detail() == null ? "" : a.detail() + " ") + "of table " + n + ": rows it used to refuse"
                        + " become possible, and code relying on it (ON CONFLICT, upserts, joins) may break.");
                if (d == Dialect.MYSQL && "PRIMARY KEY".equals(a.detail()) && !addsPrimaryKey(c) && !algorithmGiven) {
                    e.add("mariadb-drop-primary-key-copy", Severity.WARNING, Category.LOCKING_RISK, "dropping the"
                            + " primary key of " + n + " without adding another in the same statement cannot run"
                            + " INPLACE on MariaDB: the table is copied and writes are blocked meanwhile. Drop and"
                            + " add the new primary key in one ALTER TABLE.");
                }
                break;
            case DROP_INDEX:
                e.add("drop-index", Severity.ERROR, Category.BREAKING, "drops index " + a.detail()
                        + (a.table() != null ? " of table " + n : "") + ": queries that use it slow down, and a"
                        + " unique index no longer refuses duplicates.");
                if (d == Dialect.POSTGRESQL && !a.concurrently()) {
                    e.add("pg-drop-index-without-concurrently", Severity.WARNING, Category.LOCKING_RISK,
                            "DROP INDEX " + a.detail() + " takes an ACCESS EXCLUSIVE lock on its table. Use DROP"
                            + " INDEX CONCURRENTLY (drm runs such a step outside the release transaction).");
                }
                break;
            case DROP_VIEW:
            case DROP_SEQUENCE:
            case DROP_OTHER: {
                String what = a.kind() == ActionKind.DROP_VIEW ? (a.detail() != null ? "materialized view" : "view")
                        : a.kind() == ActionKind.DROP_SEQUENCE ? "sequence" : lower(a.detail());
                String rule = a.kind() == ActionKind.DROP_VIEW ? "drop-view"
                        : a.kind() == ActionKind.DROP_SEQUENCE ? "drop-sequence" : "drop-object";
                e.add(rule, Severity.ERROR, Category.BREAKING, "drops " + what + (a.table() != null ? " " + n : "")
                        + ": whatever uses it breaks. Stop using it first, and get the drop approved.");
                break;
            }
            case TRUNCATE:
                e.add("truncate", Severity.ERROR, Category.DATA_DESTRUCTIVE, "TRUNCATE " + n + " deletes every row."
                        + " Keep a safety snapshot or an undo script, or delete only the rows meant with a WHERE.");
                break;
            case DELETE:
            case UPDATE: {
                boolean delete = a.kind() == ActionKind.DELETE;
                if (!a.hasWhere()) {
                    e.add(delete ? "delete-without-where" : "update-without-where", Severity.ERROR,
                            Category.DATA_DESTRUCTIVE, (delete ? "DELETE" : "UPDATE") + " of " + n
                            + " has no WHERE: it " + (delete ? "deletes" : "overwrites") + " every row. Add the"
                            + " WHERE meant, or keep a safety snapshot or an undo script.");
                } else {
                    e.add("data-change", Severity.INFO, Category.NON_BREAKING, (delete ? "deletes" : "updates")
                            + " rows of " + n + " (with a WHERE).");
                }
                break;
            }
            case INSERT:
            case MERGE:
                e.add("data-change", Severity.INFO, Category.NON_BREAKING, (a.kind() == ActionKind.MERGE ? "merges"
                        : "REPLACE".equals(a.detail()) ? "replaces" : "inserts") + " rows into " + n + ".");
                break;
            case SELECT:
                e.add("select", Severity.INFO, Category.NON_BREAKING, "a query: changes nothing by itself.");
                break;
            case VACUUM:
                e.add("vacuum", Severity.INFO, Category.NON_BREAKING, "VACUUM: maintenance, run outside the release"
                        + " transaction." + (a.detail() != null && a.detail().toUpperCase(Locale.ROOT)
                        .contains("FULL") ? " VACUUM FULL rewrites tables under an ACCESS EXCLUSIVE lock." : ""));
                break;
            case OTHER:
            default:
                OtherStatements.lint(a, d, e);
                break;
        }
    }

    private static void createIndex(ClassifiedStatement c, SqlAction a, Dialect d, boolean algorithmGiven,
            Emitter e) {
        String idx = a.detail() == null ? "an index" : "index " + a.detail();
        e.add("create-index", Severity.INFO, Category.NON_BREAKING, "creates " + idx
                + (a.table() != null ? " on " + name(a) : "") + ".");
        if (d == Dialect.POSTGRESQL && !a.concurrently()) {
            e.add("pg-index-without-concurrently", Severity.WARNING, Category.LOCKING_RISK, "CREATE INDEX without"
                    + " CONCURRENTLY on existing table " + name(a) + " blocks every write to it (SHARE lock) until"
                    + " the index is built. Use CREATE INDEX CONCURRENTLY, alone in its migration (drm runs it"
                    + " outside the release transaction).");
        }
        if (d == Dialect.MYSQL && !algorithmGiven) {
            String text = a.clause() != null ? a.clause() : c.statement().sql();
            String head = text.length() > 40 ? text.substring(0, 40) : text;
            if (SqlWords.hasKeyword(head, d, "FULLTEXT") || SqlWords.hasKeyword(head, d, "SPATIAL")) {
                e.add("mariadb-fulltext-spatial-index", Severity.WARNING, Category.LOCKING_RISK, "a FULLTEXT or"
                        + " SPATIAL index on " + name(a) + " is built INPLACE but only with LOCK=SHARED on MariaDB:"
                        + " writes to the table wait until it is built. Create it in a quiet period.");
            }
        }
    }

    private static void addColumn(SqlAction a, Dialect d, boolean algorithmGiven, Emitter e) {
        ColumnDefinition def = ColumnDefinition.parse(a.detail(), d);
        if (a.column() == null) {
            e.add("unparsed-statement", Severity.WARNING, Category.BREAKING, "an ADD clause of ALTER TABLE "
                    + name(a) + " that drm cannot read: review it by hand.");
            return;
        }
        if (def.notNull() && !def.fillsExistingRows()) {
            e.add("add-column-not-null", Severity.ERROR, Category.BREAKING, "adds NOT NULL column " + col(a)
                    + " without a default: the statement fails on a table with rows, and writers that do not set"
                    + " it fail. Add it nullable (or with a default), backfill, then set NOT NULL.");
        } else {
            e.add("add-column", Severity.INFO, Category.NON_BREAKING, "adds column " + col(a)
                    + (def.notNull() ? " (NOT NULL, with a default)" : " (nullable)") + ".");
        }
        if (d == Dialect.POSTGRESQL && (def.volatileDefault() || def.storedGenerated())) {
            e.add("pg-add-column-rewrite", Severity.WARNING, Category.LOCKING_RISK, "adding column " + col(a)
                    + (def.volatileDefault() ? " with a volatile default" : " with generated or identity values")
                    + " rewrites every row of " + name(a) + " under an ACCESS EXCLUSIVE lock (a constant or stable"
                    + " default such as now() does not). Add it without the default, set the default, and"
                    + " backfill in batches.");
        }
        if (d == Dialect.MYSQL && !algorithmGiven) {
            ColumnDefinition mysql = def;
            if (mysql.generatedValues() && a.detail() != null
                    && SqlWords.hasKeyword(a.detail(), d, "AUTO_INCREMENT")) {
                e.add("mariadb-auto-increment-column", Severity.WARNING, Category.LOCKING_RISK, "adding"
                        + " AUTO_INCREMENT column " + col(a) + " cannot run with LOCK=NONE on MariaDB: writes to "
                        + name(a) + " wait while every row is numbered.");
            } else if (mysql.position() != null) {
                e.add("mariadb-add-column-position", Severity.INFO, Category.LOCKING_RISK, "adds column " + col(a)
                        + " " + mysql.position() + ": instant on MariaDB 10.4 and later, a table rebuild (writes"
                        + " allowed) on 10.3. Add it last to stay instant on every version.");
            }
        }
    }

    private static void addConstraint(SqlAction a, Dialect d, Emitter e) {
        String clause = a.clause() == null ? "" : a.clause();
        boolean foreignKey = SqlWords.hasKeyword(clause, d, "FOREIGN") || SqlWords.hasKeyword(clause, d, "REFERENCES");
        boolean check = SqlWords.hasKeyword(clause, d, "CHECK");
        String what = foreignKey ? "foreign key" : check ? "check constraint"
                : SqlWords.hasKeyword(clause, d, "PRIMARY") ? "primary key"
                : SqlWords.hasKeyword(clause, d, "UNIQUE") ? "unique constraint" : "constraint";
        e.add("add-constraint", Severity.WARNING, Category.BREAKING, "adds " + what
                + (a.detail() != null ? " " + a.detail() : "") + " to " + name(a) + ": the statement fails if existing"
                + " rows violate it, and writers that violate it fail from then on.");
        if (d == Dialect.POSTGRESQL && (foreignKey || check) && !SqlWords.hasKeyword(clause, d, "VALID")) {
            e.add("pg-constraint-validation", Severity.WARNING, Category.LOCKING_RISK, "adding a " + what + " to "
                    + name(a) + " checks every row while holding a lock that blocks writes. Add it NOT VALID, then"
                    + " VALIDATE CONSTRAINT in a later step (that takes only a SHARE UPDATE EXCLUSIVE lock).");
        }
        if (d == Dialect.POSTGRESQL && !foreignKey && !check && !SqlWords.hasKeyword(clause, d, "USING")
                && !SqlWords.hasKeyword(clause, d, "EXCLUDE")) {
            e.add("pg-constraint-index-build", Severity.WARNING, Category.LOCKING_RISK, "adding a " + what + " to "
                    + name(a) + " builds its index under an ACCESS EXCLUSIVE lock. Build a unique index CONCURRENTLY"
                    + " first, then ADD CONSTRAINT .. USING INDEX.");
        }
    }

    private static void columnType(SqlAction a, Dialect d, boolean algorithmGiven, Emitter e) {
        e.add("column-type-change", Severity.ERROR, Category.BREAKING, "changes the type (or definition) of column "
                + col(a) + ": values may not convert or may be cut, and code expecting the old type may break. Add"
                + " a new column of the new type, backfill, move the readers, then drop the old one.");
        if (d == Dialect.POSTGRESQL) {
            e.add("pg-column-type-rewrite", Severity.WARNING, Category.LOCKING_RISK, "changing the type of " + col(a)
                    + " rewrites " + name(a) + " and its indexes under an ACCESS EXCLUSIVE lock, unless the types are"
                    + " binary compatible (varchar(n) to a larger n or to text).");
        } else if (d == Dialect.MYSQL && !algorithmGiven) {
            e.add("mariadb-column-type-copy", Severity.WARNING, Category.LOCKING_RISK, "MariaDB cannot change the"
                    + " type of " + col(a) + " INPLACE in most cases (only widening a VARCHAR or an integer type can"
                    + " be instant): the table is copied and writes are blocked meanwhile. Add ALGORITHM=INPLACE (or"
                    + " INSTANT) to make MariaDB refuse a copy, or use an online schema change tool.");
        }
    }

    static boolean isTableChange(ActionKind k) {
        switch (k) {
            case DROP_TABLE:
            case RENAME_TABLE:
            case TRUNCATE:
            case ADD_COLUMN:
            case DROP_COLUMN:
            case RENAME_COLUMN:
            case ALTER_COLUMN_TYPE:
            case SET_NOT_NULL:
            case DROP_NOT_NULL:
            case SET_DEFAULT:
            case DROP_DEFAULT:
            case ADD_CONSTRAINT:
            case DROP_CONSTRAINT:
            case CREATE_INDEX:
            case DROP_INDEX:
            case DELETE:
            case UPDATE:
            case INSERT:
            case MERGE:
            case OTHER:
                return true;
            default:
                return false;
        }
    }

    private static boolean algorithmGiven(ClassifiedStatement c) {
        for (SqlAction a : c.actions()) {
            if (a.kind() == ActionKind.OTHER && a.table() != null && a.detail() != null) {
                String u = a.detail().toUpperCase(Locale.ROOT).replace(" ", "");
                if (u.startsWith("ALGORITHM=INPLACE") || u.startsWith("ALGORITHM=INSTANT")
                        || u.startsWith("ALGORITHM=NOCOPY") || u.startsWith("LOCK=NONE")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean addsPrimaryKey(ClassifiedStatement c) {
        for (SqlAction a : c.actions()) {
            if (a.kind() == ActionKind.ADD_CONSTRAINT && a.clause() != null
                    && SqlWords.hasKeyword(a.clause(), Dialect.MYSQL, "PRIMARY")) {
                return true;
            }
        }
        return false;
    }

    private static String verb(SqlAction a) {
        switch (a.kind()) {
            case DROP_TABLE:
                return "drops";
            case INSERT:
            case UPDATE:
            case DELETE:
            case MERGE:
            case TRUNCATE:
                return "writes";
            default:
                return "changes";
        }
    }

    static String name(SqlAction a) {
        String t = a.table() == null ? "?" : a.table();
        return a.schema() == null ? t : a.schema() + "." + t;
    }

    static String col(SqlAction a) {
        return name(a) + "." + (a.column() == null ? "?" : a.column());
    }

    private static String lower(String s) {
        return s == null ? "object" : s.toLowerCase(Locale.ROOT);
    }
}
