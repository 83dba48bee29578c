package io.drm.internal.data;

import io.drm.ArtifactSchemaException;
import io.drm.InvalidManifestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How an artifact's columns map to its table: for each column of the file, the table's column, its
 * value type and whether it is classified; the key columns; the load mode. Checks the manifest and
 * the file's columns against the table.
 *
 * @param table the table, or {@code null} when it does not exist yet (plan time)
 * @param header the file's columns, as written
 * @param columns the table's column for each file column ({@code null} entries when there is no table)
 * @param types the value type of each file column
 * @param classified whether each file column is classified
 * @param key indexes of the key columns in the file's columns
 * @param mode the load mode
 */
public record ColumnPlan(TableInfo table, List<String> header, List<TableInfo.Column> columns, List<ColumnType> types,
        boolean[] classified, int[] key, LoadMode mode) {

    /**
     * Builds and checks the mapping.
     *
     * @param table the table, or {@code null} when it does not exist yet
     * @param file the artifact
     * @param header the file's columns
     * @param where where the file is, for messages
     * @return the mapping
     * @throws ArtifactSchemaException if the manifest or the file names a column the table lacks, or a
     *     key column is missing from the file
     * @throws InvalidManifestException if the mode needs a key and there is none
     */
    public static ColumnPlan of(TableInfo table, ArtifactFile file, List<String> header, String where) {
        Manifest m = file.manifest();
        String tableName = table == null ? file.table() : table.name();
        if (table != null) {
            for (String named : concat(m.types().keySet(), m.classification().keySet())) {
                if (table.column(named) == null) {
                    throw schema(where, "its manifest names the column '" + named + "', which table " + tableName
                            + " does not have (it has " + names(table) + ")");
                }
            }
        }
        if (header.isEmpty()) {
            throw new io.drm.InvalidArtifactException("the artifact " + where + " has no columns. Nothing was written.");
        }
        List<TableInfo.Column> columns = new ArrayList<>();
        List<ColumnType> types = new ArrayList<>();
        boolean[] classified = new boolean[header.size()];
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            TableInfo.Column col = table == null ? null : table.column(h);
            if (table != null && col == null) {
                throw schema(where, "it has the column '" + h + "', which table " + tableName + " does not have (it"
                        + " has " + names(table) + ")");
            }
            String declared = m.types().get(h.toLowerCase(Locale.ROOT));
            columns.add(col);
            types.add(declared != null ? ColumnType.parse(declared)
                    : col != null ? ColumnType.ofJdbc(col.jdbcType(), col.typeName()) : ColumnType.TEXT);
            classified[i] = m.classified(h);
        }
        List<String> keyNames = !m.key().isEmpty() ? m.key() : table != null ? table.primaryKey() : List.of();
        int[] key = new int[keyNames.size()];
        for (int k = 0; k < key.length; k++) {
            String name = keyNames.get(k);
            if (table != null && table.column(name) == null) {
                throw schema(where, "its key column '" + name + "' is not a column of table " + tableName);
            }
            key[k] = indexOf(header, name);
            if (key[k] < 0) {
                throw schema(where, "the key column '" + name + "' is missing from the file (its columns are "
                        + header + ")");
            }
        }
        LoadMode mode = m.effectiveMode();
        if (mode != LoadMode.INSERT && key.length == 0 && (table != null || !m.key().isEmpty())) {
            throw new InvalidManifestException("the artifact " + where + " loads in " + mode.label() + " mode, which"
                    + " needs a key, but table " + tableName + " has no primary key and the manifest names no \"key\"."
                    + " Add \"key\": [\"...\"] to " + where + ".manifest.json, or use \"mode\": \"insert\".");
        }
        return new ColumnPlan(table, List.copyOf(header), columns, List.copyOf(types), classified, key, mode);
    }

    /** @return whether any key column is classified */
    public boolean keyClassified() {
        for (int k : key) {
            if (classified[k]) {
                return true;
            }
        }
        return false;
    }

    /** @return whether any column is classified */
    public boolean anyClassified() {
        for (boolean c : classified) {
            if (c) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> concat(java.util.Collection<String> a, java.util.Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String names(TableInfo table) {
        return table.columns().values().stream().map(TableInfo.Column::name).collect(Collectors.joining(", "));
    }

    private static ArtifactSchemaException schema(String where, String why) {
        return new ArtifactSchemaException("the artifact " + where + " does not fit the database: " + why
                + ". Nothing was written; fix the artifact, its manifest or the schema.");
    }
}
