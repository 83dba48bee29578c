package io.drm.internal.lint;

import io.drm.Finding;
import io.drm.Finding.Category;
import io.drm.Finding.Severity;
import io.drm.internal.sql.ActionKind;
import io.drm.internal.sql.ClassifiedStatement;
import io.drm.internal.sql.Dialect;
import io.drm.internal.sql.SqlAction;
import io.drm.internal.sql.StatementClassifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Lints the statements of pending SQL migrations: every statement gives at least one finding with a
 * stable rule id (see {@code docs/lint.md}), in script order and line order. When the scripts drop,
 * rename or retype a table or column that exists before the release, the live catalog is asked once,
 * for all of those tables, which views, foreign keys and indexes depend on them.
 *
 * <pre>{@code
 * List<Finding> findings = Linter.lint(List.of(new Script("3", "db/V3__x.sql", sql)), Dialect.POSTGRESQL, null);
 * }</pre>
 */
public final class Linter {

    /** Reads the live catalog; the linter calls it at most once per lint. */
    @FunctionalInterface
    public interface CatalogSource {
        /**
         * Loads what depends on the given tables.
         *
         * @param tables the table names, lower case, without schema
         * @return the dependencies
         * @throws CatalogUnavailableException if the catalog cannot be read
         */
        Catalog load(Set<String> tables);
    }

    /** The catalog could not be read; the lint goes on without dependency findings. */
    public static final class CatalogUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message why, without any value from the data
         * @param cause the cause
         */
        public CatalogUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Linter() {
    }

    /**
     * Lints scripts in release order.
     *
     * @param scripts the pending SQL migrations, in the order they run
     * @param d their dialect
     * @param catalog the live catalog, or {@code null} to lint without a database (no dependency findings)
     * @return the findings, by script then line
     */
    public static List<Finding> lint(List<Script> scripts, Dialect d, CatalogSource catalog) {
        Objects.requireNonNull(scripts, "scripts");
        Objects.requireNonNull(d, "d");
        List<List<ClassifiedStatement>> classified = new ArrayList<>(scripts.size());
        for (Script s : scripts) {
            classified.add(StatementClassifier.classifyScript(s.text(), d));
        }
        List<Finding> out = new ArrayList<>();
        Catalog live = null;
        if (catalog != null) {
            Set<String> targets = targets(scripts, classified);
            if (!targets.isEmpty()) {
                try {
                    live = catalog.load(targets);
                } catch (CatalogUnavailableException e) {
                    Script first = scripts.get(0);
                    out.add(new Finding("dependency-check-skipped", Severity.WARNING, Category.DEPENDENCY,
                            first.step(), first.file(), 0, "drm could not read the database catalog to find the"
                            + " views, foreign keys and indexes that the drops and renames of the release break ("
                            + e.getMessage() + "). Check them by hand."));
                }
            }
        }
        ReleaseObjects objects = new ReleaseObjects();
        Emitter e = new Emitter(out);
        for (int i = 0; i < scripts.size(); i++) {
            Script s = scripts.get(i);
            for (ClassifiedStatement c : classified.get(i)) {
                e.at(s.step(), s.file(), c.statement().line());
                Rules.lint(c, d, objects, e);
                if (live != null) {
                    Dependencies.lint(c, d, objects, live, e);
                }
                record(c, objects, s.file(), c.statement().line());
            }
        }
        return out;
    }

    /** The live tables the scripts drop, rename or retype (or whose columns they do). */
    private static Set<String> targets(List<Script> scripts, List<List<ClassifiedStatement>> classified) {
        Set<String> targets = new LinkedHashSet<>();
        ReleaseObjects objects = new ReleaseObjects();
        for (int i = 0; i < scripts.size(); i++) {
            for (ClassifiedStatement c : classified.get(i)) {
                for (SqlAction a : c.actions()) {
                    if (Dependencies.needsCatalog(a.kind()) && a.table() != null && !objects.isNew(a.table())) {
                        targets.add(ReleaseObjects.key(a.table()));
                    }
                }
                record(c, objects, null, 0);
            }
        }
        return targets;
    }

    /** Records what a statement creates, drops and renames; {@code file} null: no location for created tables. */
    private static void record(ClassifiedStatement c, ReleaseObjects objects, String file, int line) {
        Set<String> dropped = null;
        for (SqlAction a : c.actions()) {
            switch (a.kind()) {
                case CREATE_TABLE:
                    objects.created(a.table(), file == null ? "" : fileName(file) + " line " + line);
                    break;
                case DROP_TABLE:
                    if (dropped == null) {
                        dropped = new HashSet<>();
                    }
                    dropped.add(a.table());
                    break;
                case RENAME_TABLE:
                    objects.renamed(a.table(), a.detail());
                    break;
                case DROP_VIEW:
                    objects.droppedView(a.table());
                    break;
                case DROP_CONSTRAINT:
                    objects.droppedConstraint(a.detail());
                    break;
                case DROP_INDEX:
                    objects.droppedIndex(a.detail());
                    break;
                default:
                    break;
            }
        }
        if (dropped != null) {
            dropped.forEach(objects::droppedTable);
        }
    }

    private static String fileName(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? file : file.substring(slash + 1);
    }

    /**
     * Tells whether an action could need the live catalog.
     *
     * @param kind the action kind
     * @return {@code true} for drops, renames and type changes of tables and columns
     */
    static boolean isTarget(ActionKind kind) {
        return Dependencies.needsCatalog(kind);
    }
}
