package io.drm.internal;

import io.drm.InvalidMigrationNameException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.callback.Event;

/**
 * What a file's name says it is, by Flyway's default naming: {@code V<version>__<desc>.sql},
 * {@code R__<desc>.sql}, {@code U<version>__<desc>.sql}, SQL callbacks such as
 * {@code beforeMigrate.sql}, or a file that is not SQL at all.
 *
 * @param type the type
 * @param version the normalised version (dots), or {@code null}
 * @param description the description with spaces, or {@code null}
 */
public record MigrationName(Type type, String version, String description) {

    /** What a file is. */
    public enum Type {
        /** A versioned SQL migration. */
        VERSIONED,
        /** A repeatable SQL migration. */
        REPEATABLE,
        /** An undo script. */
        UNDO,
        /** A Flyway SQL callback. */
        CALLBACK,
        /** Anything else that is not a {@code .sql} file (Java classes, manifests, other files). */
        OTHER,
        /** A versioned data artifact ({@code V<version>__<name>.csv}, {@code .json}, {@code .ndjson}). */
        DATA,
        /** A versioned configuration document ({@code V<version>__<name>.config.json} or {@code .config.yaml}). */
        CONFIG
    }

    private static final Pattern VERSIONED = Pattern.compile("([VU])(\\d+(?:[._]\\d+)*)__(.*)\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");
    private static final Set<String> CALLBACKS = callbackIds();

    /**
     * Classifies a file name.
     *
     * @param fileName the name without directories
     * @param where where the file is, for the error message
     * @return what the name says
     * @throws InvalidMigrationNameException if the file is a {@code .sql} file that matches no form
     */
    public static MigrationName of(String fileName, String where) {
        if (!fileName.toLowerCase(Locale.ROOT).endsWith(".sql")) {
            io.drm.internal.data.ArtifactName artifact = io.drm.internal.data.ArtifactName.parse(fileName);
            if (artifact != null) {
                return new MigrationName(artifact.format().config() ? Type.CONFIG : Type.DATA, artifact.version(),
                        artifact.description());
            }
            return new MigrationName(Type.OTHER, null, null);
        }
        Matcher m = VERSIONED.matcher(fileName);
        if (m.matches()) {
            Type type = m.group(1).equals("V") ? Type.VERSIONED : Type.UNDO;
            return new MigrationName(type, m.group(2).replace('_', '.'), m.group(3).replace('_', ' '));
        }
        m = REPEATABLE.matcher(fileName);
        if (m.matches()) {
            return new MigrationName(Type.REPEATABLE, null, m.group(1).replace('_', ' '));
        }
        String base = fileName.substring(0, fileName.length() - 4);
        int sep = base.indexOf("__");
        if (CALLBACKS.contains(sep < 0 ? base : base.substring(0, sep))) {
            return new MigrationName(Type.CALLBACK, null, base);
        }
        throw new InvalidMigrationNameException("the SQL file " + where + " is not named like a migration, so it"
                + " would never run. Rename it to V<version>__<description>.sql (for example V3__add_index.sql),"
                + " R__<description>.sql for a repeatable migration, U<version>__<description>.sql for an undo"
                + " script, or move it out of the location.");
    }

    private static Set<String> callbackIds() {
        Set<String> ids = new HashSet<>();
        for (Event event : Event.values()) {
            ids.add(event.getId());
        }
        return Set.copyOf(ids);
    }
}
