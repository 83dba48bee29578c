package io.drm.internal.lint;

import io.drm.Finding.Category;
import io.drm.Finding.Severity;
import io.drm.internal.sql.ActionKind;
import io.drm.internal.sql.ClassifiedStatement;
import io.drm.internal.sql.Dialect;
import io.drm.internal.sql.SqlAction;
import java.util.HashSet;
import java.util.Set;

/** The dependency rules: drops, renames and type changes that break objects of the live catalog. */
final class Dependencies {

    private Dependencies() {
    }

    static boolean needsCatalog(ActionKind kind) {
        switch (kind) {
            case DROP_TABLE:
            case RENAME_TABLE:
            case DROP_COLUMN:
            case RENAME_COLUMN:
            case ALTER_COLUMN_TYPE:
                return true;
            default:
                return false;
        }
    }

    static void lint(ClassifiedStatement c, Dialect d, ReleaseObjects objects, Catalog live, Emitter e) {
        Set<String> droppedHere = new HashSet<>();
        for (SqlAction a : c.actions()) {
            if (a.kind() == ActionKind.DROP_TABLE && a.table() != null) {
                droppedHere.add(ReleaseObjects.key(a.table()));
            }
        }
        for (SqlAction a : c.actions()) {
            if (!needsCatalog(a.kind()) || a.table() == null || objects.isNew(a.table())) {
                continue;
            }
            boolean tableLevel = a.kind() == ActionKind.DROP_TABLE || a.kind() == ActionKind.RENAME_TABLE;
            if (!tableLevel && a.column() == null) {
                continue;
            }
            for (Catalog.Dependency dep : live.on(a.schema(), a.table(), tableLevel ? null : a.column())) {
                if (gone(dep, objects, droppedHere, a)) {
                    continue;
                }
                finding(a, dep, d, e);
            }
        }
    }

    /** Tells whether the dependent object is already dropped by the release, or goes with the table. */
    private static boolean gone(Catalog.Dependency dep, ReleaseObjects objects, Set<String> droppedHere,
            SqlAction a) {
        switch (dep.kind()) {
            case VIEW:
                return objects.viewDropped(dep.name());
            case FOREIGN_KEY:
                if (objects.constraintDropped(dep.name()) || dep.ownerTable() == null) {
                    return objects.constraintDropped(dep.name());
                }
                return objects.tableDropped(dep.ownerTable())
                        || droppedHere.contains(ReleaseObjects.key(dep.ownerTable()))
                        || (a.kind() == ActionKind.DROP_TABLE && dep.ownerTable().equalsIgnoreCase(a.table()));
            case INDEX:
            default:
                // indexes of a dropped or renamed table go with it
                return objects.indexDropped(dep.name()) || a.kind() == ActionKind.DROP_TABLE
                        || a.kind() == ActionKind.RENAME_TABLE;
        }
    }

    private static void finding(SqlAction a, Catalog.Dependency dep, Dialect d, Emitter e) {
        String target = a.kind() == ActionKind.DROP_TABLE || a.kind() == ActionKind.RENAME_TABLE
                ? "table " + Rules.name(a) : "column " + Rules.col(a);
        String doing;
        boolean error;
        switch (a.kind()) {
            case DROP_TABLE:
            case DROP_COLUMN:
                doing = "dropping " + target;
                error = true;
                break;
            case ALTER_COLUMN_TYPE:
                doing = "changing the type of " + target;
                error = dep.kind() != Catalog.Kind.VIEW || d == Dialect.POSTGRESQL;
                if (dep.kind() == Catalog.Kind.INDEX) {
                    return;
                }
                break;
            default:
                doing = "renaming " + target;
                // PostgreSQL binds views to the table's columns, not their names; H2 and MariaDB keep the text
                error = dep.kind() == Catalog.Kind.VIEW && d != Dialect.POSTGRESQL;
                break;
        }
        Severity severity = error ? Severity.ERROR : Severity.WARNING;
        switch (dep.kind()) {
            case VIEW:
                e.add("dependent-view", severity, Category.DEPENDENCY, "view " + dep.name() + " in the database"
                        + " uses " + target + ": " + doing + (error ? " fails, or (with CASCADE) drops the view, or"
                        + " leaves it invalid." : " leaves the view working under the new name, but its"
                        + " definition now reads differently.") + " Drop or redefine the view in this release first.");
                break;
            case FOREIGN_KEY:
                e.add("dependent-foreign-key", severity, Category.DEPENDENCY, "foreign key " + dep.name() + " of"
                        + " table " + dep.ownerTable() + " in the database references " + target + ": " + doing
                        + (error ? " fails, or (with CASCADE) drops the constraint. Drop the foreign key (or change"
                        + " the referencing column) in this release first."
                        : " keeps the constraint, which follows the rename; code naming it may not."));
                break;
            case INDEX:
            default:
                e.add("dependent-index", severity, Category.DEPENDENCY, "index " + dep.name() + " of table "
                        + dep.ownerTable() + " in the database covers " + target + ": " + doing
                        + (error ? " drops the index or changes what it covers, and queries relying on it slow"
                        + " down. Drop or replace the index in this release first."
                        : " keeps the index, which follows the rename; index hints and expression or partial"
                        + " index definitions naming the column read differently."));
                break;
        }
    }
}
