package io.drm.internal;

import io.drm.ExistingSchemaException;
import io.drm.LiquibaseImportException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Decides how a release treats a schema without Flyway history: an empty (or drm-only) schema is
 * migrated from scratch; a schema with other objects is baselined at {@code baseline(...)}'s
 * version or after a Liquibase import, and refused with the objects named when neither is
 * configured.
 */
final class Takeover {

    /** How many objects the refusal names. */
    static final int NAMED = 10;

    private Takeover() {
    }

    /**
     * Decides, for a schema without Flyway history.
     *
     * @param c a connection to the schema
     * @param kind the database kind
     * @param adoption the adoption settings
     * @return the baseline or import to perform, or {@code null} when every migration runs
     * @throws ExistingSchemaException if the schema holds objects and nothing says what they are
     * @throws LiquibaseImportException if an import is configured but there is no changelog to import
     * @throws SQLException if the schema cannot be inspected
     */
    static HistoryAction decide(Connection c, DatabaseKind kind, Adoption adoption) throws SQLException {
        List<String> objects = SchemaProbe.foreignObjects(c, kind);
        if (objects.isEmpty()) {
            return null;
        }
        if (adoption.liquibaseVersion() != null) {
            if (LiquibaseImport.table(objects) == null) {
                throw new LiquibaseImportException("importLiquibase(\"" + adoption.liquibaseVersion() + "\") was"
                        + " configured, but the schema has no DATABASECHANGELOG table, only " + describe(objects)
                        + ". Point drm at the schema Liquibase migrated, or use baseline(version, description) for"
                        + " a schema without Liquibase history.");
            }
            return new HistoryAction(HistoryAction.Kind.IMPORT_LIQUIBASE, adoption.liquibaseVersion(),
                    Adoption.LIQUIBASE_DESCRIPTION, 0, null, null);
        }
        if (adoption.baselineVersion() != null) {
            return new HistoryAction(HistoryAction.Kind.BASELINE, adoption.baselineVersion(),
                    adoption.baselineDescription(), 0, null, null);
        }
        boolean liquibase = LiquibaseImport.table(objects) != null;
        throw new ExistingSchemaException("the schema holds " + describe(objects) + " but has no Flyway history"
                + " (flyway_schema_history), so drm cannot tell which migrations it already holds and applies"
                + " none. " + (liquibase
                        ? "It was migrated by Liquibase (DATABASECHANGELOG): switch with importLiquibase(version),"
                                + " version being the drm migration that stands for what Liquibase applied."
                        : "If the objects are what your migrations up to some version create, configure"
                                + " baseline(version, description): only the migrations above it will run.")
                + " Or release to an empty schema.");
    }

    /**
     * Names the first objects and the count.
     *
     * @param objects the objects
     * @return for example {@code "3 objects: TABLE a, TABLE b, VIEW c"}
     */
    static String describe(List<String> objects) {
        String named = objects.stream().limit(NAMED).collect(Collectors.joining(", "));
        return objects.size() + (objects.size() == 1 ? " object: " : " objects: ") + named
                + (objects.size() > NAMED ? ", and " + (objects.size() - NAMED) + " more" : "");
    }

    /**
     * Tells whether an object list names a table, case-insensitively.
     *
     * @param objects {@code "<type> <name>"} entries
     * @param table the table
     * @return the name as the database spells it, or {@code null}
     */
    static String find(List<String> objects, String table) {
        for (String object : objects) {
            String name = object.substring(object.indexOf(' ') + 1);
            if (name.toLowerCase(Locale.ROOT).equals(table.toLowerCase(Locale.ROOT))) {
                return name;
            }
        }
        return null;
    }
}
