package io.drm.masking.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the tables of a connection's current schema (PostgreSQL, H2) or database (MariaDB,
 * MySQL) from {@link DatabaseMetaData}: columns with their types, primary keys and the tables each
 * one references. drm's own tables ({@code drm_*}) and Flyway's history are left out.
 */
public final class SchemaReader {

    /**
     * A column.
     *
     * @param name the name as the database stores it
     * @param type its JDBC type ({@link JDBCType#OTHER} when the driver reports an unknown code)
     * @param typeName the database's type name, for example {@code varchar}
     * @param size the column size (characters, digits) as the driver reports it
     * @param scale the decimal digits
     * @param nullable whether it accepts null
     */
    public record ColumnInfo(String name, JDBCType type, String typeName, int size, int scale, boolean nullable) {
    }

    /**
     * A foreign key of a table that references the table itself (an employee's manager).
     *
     * @param columns the referencing columns, in key order
     * @param referenced the referenced columns of the same table, in the same order
     */
    public record SelfReference(List<String> columns, List<String> referenced) {
        /** Copies. */
        public SelfReference {
            columns = List.copyOf(columns);
            referenced = List.copyOf(referenced);
        }
    }

    /**
     * A table.
     *
     * @param name the name as the database stores it
     * @param columns its columns in ordinal order
     * @param primaryKey its primary key columns in key order (empty when it has none)
     * @param references the names of the tables its foreign keys reference (itself excluded)
     * @param selfReferences its foreign keys that reference the table itself
     */
    public record TableInfo(String name, List<ColumnInfo> columns, List<String> primaryKey, Set<String> references,
            List<SelfReference> selfReferences) {
        /** Copies. */
        public TableInfo {
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
            references = Set.copyOf(references);
            selfReferences = List.copyOf(selfReferences);
        }

        /**
         * @param column a column name, any case
         * @return the column
         */
        public Optional<ColumnInfo> column(String column) {
            for (ColumnInfo c : columns) {
                if (c.name().equalsIgnoreCase(column)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The tables of a schema, by lower-cased name.
     *
     * @param tables the tables
     */
    public record Schema(Map<String, TableInfo> tables) {
        /** Copies. */
        public Schema {
            tables = Map.copyOf(tables);
        }

        /**
         * @param table a table name, any case
         * @return the table
         */
        public Optional<TableInfo> table(String table) {
            return Optional.ofNullable(tables.get(table.toLowerCase(Locale.ROOT)));
        }
    }

    private SchemaReader() {
    }

    /**
     * A schema with the identifier quoting of its database.
     *
     * @param schema the user tables
     * @param names how the database quotes identifiers
     */
    public record Catalog(Schema schema, SqlNames names) {
    }

    /**
     * Reads the schema ({@link #read}) and the database's quoting.
     *
     * @param c a connection whose current schema or catalog holds the tables
     * @param purpose what the schema is read for, for the message, for example {@code "validate masking rules"}
     * @return the schema and its quoting
     * @throws io.drm.DrmException the coded metadata failure of {@link DbFailures#metadata} if the
     *     metadata cannot be read
     */
    public static Catalog readCatalog(Connection c, String purpose) {
        try {
            return new Catalog(read(c), SqlNames.of(c.getMetaData()));
        } catch (SQLException e) {
            throw DbFailures.metadata("reading the schema to " + purpose, e);
        }
    }

    /**
     * @param c a connection whose current schema or catalog holds the tables
     * @return the user tables of that schema
     * @throws SQLException if the metadata cannot be read
     */
    public static Schema read(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        boolean catalogs = isMySql(md);
        String catalog = catalogs ? c.getCatalog() : null;
        String schema = catalogs ? null : c.getSchema();
        Map<String, TableInfo> out = new TreeMap<>();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = md.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String lower = name.toLowerCase(Locale.ROOT);
                if (!lower.startsWith("drm_") && !lower.equals("flyway_schema_history")) {
                    names.add(name);
                }
            }
        }
        for (String name : names) {
            List<ColumnInfo> columns = new ArrayList<>();
            try (ResultSet rs = md.getColumns(catalog, schema, name, "%")) {
                while (rs.next()) {
                    columns.add(new ColumnInfo(rs.getString("COLUMN_NAME"), jdbcType(rs.getInt("DATA_TYPE")),
                            rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS"),
                            rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
                }
            }
            TreeMap<Short, String> pk = new TreeMap<>();
            try (ResultSet rs = md.getPrimaryKeys(catalog, schema, name)) {
                while (rs.next()) {
                    pk.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
            }
            Set<String> refs = new LinkedHashSet<>();
            // self-referencing keys by name, columns by KEY_SEQ; a key without a name starts at KEY_SEQ 1
            Map<String, TreeMap<Short, String[]>> self = new LinkedHashMap<>();
            int unnamed = 0;
            try (ResultSet rs = md.getImportedKeys(catalog, schema, name)) {
                while (rs.next()) {
                    String referenced = rs.getString("PKTABLE_NAME");
                    if (!referenced.equalsIgnoreCase(name)) {
                        refs.add(referenced);
                    } else {
                        String fk = rs.getString("FK_NAME");
                        short seq = rs.getShort("KEY_SEQ");
                        String column = rs.getString("FKCOLUMN_NAME");
                        if (fk == null && seq == 1) {
                            unnamed++;
                        }
                        self.computeIfAbsent(fk != null ? "n:" + fk : "u:" + unnamed, k -> new TreeMap<>())
                                .put(seq, new String[] {column, rs.getString("PKCOLUMN_NAME")});
                    }
                }
            }
            List<SelfReference> selfReferences = new ArrayList<>();
            for (TreeMap<Short, String[]> key : self.values()) {
                List<String> from = new ArrayList<>();
                List<String> to = new ArrayList<>();
                key.values().forEach(pair -> {
                    from.add(pair[0]);
                    to.add(pair[1]);
                });
                selfReferences.add(new SelfReference(from, to));
            }
            out.put(name.toLowerCase(Locale.ROOT), new TableInfo(name, columns, new ArrayList<>(pk.values()), refs,
                    selfReferences));
        }
        return new Schema(out);
    }

    /**
     * @param md metadata
     * @return whether the database is MySQL or MariaDB (tables live in catalogs there)
     * @throws SQLException if the product name cannot be read
     */
    public static boolean isMySql(DatabaseMetaData md) throws SQLException {
        return Dialect.of(md) == Dialect.MYSQL;
    }

    private static JDBCType jdbcType(int code) {
        try {
            return JDBCType.valueOf(code);
        } catch (IllegalArgumentException e) {
            return JDBCType.OTHER;
        }
    }
}
