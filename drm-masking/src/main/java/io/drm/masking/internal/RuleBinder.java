package io.drm.masking.internal;

import io.drm.masking.MaskingRules;
import io.drm.masking.MaskingRules.ColumnRule;
import io.drm.masking.SchemaMismatchException;
import io.drm.masking.TypedMasker;
import io.drm.masking.UnsafeIdentifierException;
import io.drm.masking.internal.SchemaReader.ColumnInfo;
import io.drm.masking.internal.SchemaReader.Schema;
import io.drm.masking.internal.SchemaReader.TableInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks masking rules against the database before a job writes anything: every table and column
 * exists (matched case-insensitively, then used as the database stores it), every masker supports
 * its column's type, every name can be quoted, and in place every table has a primary key that is
 * not itself masked. All problems are reported at once.
 */
public final class RuleBinder {

    private static final int MAX_LISTED = 20;

    private RuleBinder() {
    }

    /**
     * Binds rules for masking in place.
     *
     * @param schema the database's tables
     * @param names the database's quoting
     * @param rules the rules
     * @param where the database, for messages
     * @return one bound table per table with rules, in the order the rules name them
     * @throws SchemaMismatchException if the rules do not fit the schema
     * @throws UnsafeIdentifierException if a name cannot be quoted safely
     */
    public static List<BoundTable> forInPlace(Schema schema, SqlNames names, MaskingRules rules, String where) {
        List<String> problems = new ArrayList<>();
        List<BoundTable> out = new ArrayList<>();
        for (String ruled : rules.tables()) {
            Map<String, ColumnRule> columnRules = rules.columns(ruled);
            String written = columnRules.values().iterator().next().table();
            Optional<TableInfo> found = schema.table(ruled);
            if (found.isEmpty()) {
                problems.add("table " + written + " does not exist" + known(schema));
                continue;
            }
            TableInfo table = found.get();
            check(names, table.name(), null);
            if (table.primaryKey().isEmpty()) {
                problems.add("table " + table.name() + " has no primary key; masking in place finds rows by"
                        + " their key (add a primary key, or use MaskedCopy)");
            }
            List<ColumnInfo> key = new ArrayList<>();
            for (String k : table.primaryKey()) {
                ColumnInfo c = table.column(k).orElseThrow();
                check(names, table.name(), c.name());
                key.add(c);
            }
            List<ColumnInfo> columns = new ArrayList<>();
            List<TypedMasker> maskers = new ArrayList<>();
            for (ColumnRule rule : columnRules.values()) {
                Optional<ColumnInfo> column = bindColumn(table, rule, problems);
                if (column.isEmpty()) {
                    continue;
                }
                ColumnInfo c = column.get();
                check(names, table.name(), c.name());
                if (table.primaryKey().stream().anyMatch(k -> k.equals(c.name()))) {
                    problems.add("column " + table.name() + "." + c.name() + " is part of the primary key; masking"
                            + " in place cannot change the key it finds rows by (use MaskedCopy to mask keys)");
                    continue;
                }
                columns.add(c);
                maskers.add(rule.masker());
            }
            out.add(new BoundTable(table, table.name(), columns,
                    columns.stream().map(ColumnInfo::name).collect(Collectors.toList()), maskers, key, false));
        }
        if (!problems.isEmpty()) {
            throw mismatch(where, problems);
        }
        return out;
    }

    /**
     * Binds rules for a masked copy.
     *
     * @param source the source's tables
     * @param sourceNames the source's quoting
     * @param target the target's tables
     * @param targetNames the target's quoting
     * @param rules the rules
     * @param tables the tables to copy as given (any case); empty for every table of the source
     * @param where the source and target, for messages
     * @return one bound table per copied table, sorted by name (ordering is the scheduler's job)
     * @throws SchemaMismatchException if the rules or the tables do not fit either schema
     * @throws UnsafeIdentifierException if a name cannot be quoted safely
     */
    public static List<BoundTable> forCopy(Schema source, SqlNames sourceNames, Schema target, SqlNames targetNames,
            MaskingRules rules, List<String> tables, String where) {
        List<String> problems = new ArrayList<>();
        Map<String, TableInfo> copied = new LinkedHashMap<>();
        if (tables.isEmpty()) {
            source.tables().values().stream().sorted((a, b) -> a.name().compareTo(b.name()))
                    .forEach(t -> copied.put(fold(t.name()), t));
        } else {
            for (String name : tables) {
                Optional<TableInfo> t = source.table(name);
                if (t.isEmpty()) {
                    problems.add("table " + name + " (to copy) does not exist in the source" + known(source));
                } else {
                    copied.putIfAbsent(fold(t.get().name()), t.get());
                }
            }
        }
        for (String ruled : rules.tables()) {
            if (source.table(ruled).isEmpty()) {
                problems.add("table " + rules.columns(ruled).values().iterator().next().table()
                        + " (in the rules) does not exist in the source" + known(source));
            }
        }
        List<BoundTable> out = new ArrayList<>();
        for (TableInfo table : copied.values()) {
            check(sourceNames, table.name(), null);
            Map<String, ColumnRule> columnRules = rules.columns(table.name());
            for (ColumnRule rule : columnRules.values()) {
                bindColumn(table, rule, problems);
            }
            Optional<TableInfo> inTarget = target.table(table.name());
            if (inTarget.isEmpty()) {
                problems.add("table " + table.name() + " does not exist in the target; release the schema to the"
                        + " target first" + known(target));
                continue;
            }
            TableInfo t = inTarget.get();
            check(targetNames, t.name(), null);
            List<ColumnInfo> columns = new ArrayList<>();
            List<String> targetColumns = new ArrayList<>();
            List<TypedMasker> maskers = new ArrayList<>();
            for (ColumnInfo c : table.columns()) {
                check(sourceNames, table.name(), c.name());
                Optional<ColumnInfo> tc = t.column(c.name());
                if (tc.isEmpty()) {
                    problems.add("column " + table.name() + "." + c.name() + " does not exist in the target table "
                            + t.name());
                    continue;
                }
                check(targetNames, t.name(), tc.get().name());
                ColumnRule rule = columnRules.get(fold(c.name()));
                columns.add(c);
                targetColumns.add(tc.get().name());
                maskers.add(rule == null ? null : rule.masker());
            }
            List<ColumnInfo> key = table.primaryKey().stream().map(k -> table.column(k).orElseThrow())
                    .collect(Collectors.toList());
            out.add(new BoundTable(table, t.name(), columns, targetColumns, maskers, key,
                    !t.selfReferences().isEmpty()));
        }
        if (!problems.isEmpty()) {
            throw mismatch(where, problems);
        }
        return out;
    }

    private static Optional<ColumnInfo> bindColumn(TableInfo table, ColumnRule rule, List<String> problems) {
        Optional<ColumnInfo> column = table.column(rule.column());
        if (column.isEmpty()) {
            problems.add("column " + table.name() + "." + rule.column() + " does not exist (columns of "
                    + table.name() + ": " + table.columns().stream().map(ColumnInfo::name)
                    .collect(Collectors.joining(", ")) + ")");
            return Optional.empty();
        }
        ColumnInfo c = column.get();
        if (!rule.masker().supports(c.type())) {
            problems.add("masker " + rule.masker().name() + " does not support column " + table.name() + "."
                    + c.name() + " of type " + c.type() + " (" + c.typeName() + "); choose a masker for that type");
            return Optional.empty();
        }
        return column;
    }

    private static void check(SqlNames names, String table, String column) {
        try {
            names.check(table);
        } catch (UnsafeIdentifierException e) {
            throw new UnsafeIdentifierException("a table name: " + Failures.message(e) + ". Nothing was written.", e);
        }
        if (column != null) {
            try {
                names.check(column);
            } catch (UnsafeIdentifierException e) {
                throw new UnsafeIdentifierException("a column of table " + table + ": " + Failures.message(e)
                        + ". Nothing was written.", e);
            }
        }
    }

    private static String known(Schema schema) {
        List<String> names = schema.tables().values().stream().map(TableInfo::name).sorted()
                .collect(Collectors.toList());
        if (names.isEmpty()) {
            return " (the schema has no tables)";
        }
        String listed = names.stream().limit(MAX_LISTED).collect(Collectors.joining(", "));
        return " (tables: " + listed + (names.size() > MAX_LISTED ? ", ..." : "") + ")";
    }

    private static SchemaMismatchException mismatch(String where, List<String> problems) {
        StringBuilder message = new StringBuilder("the masking job does not fit ").append(where).append(": ");
        for (int i = 0; i < Math.min(problems.size(), MAX_LISTED); i++) {
            message.append(i == 0 ? "" : "; ").append(problems.get(i));
        }
        if (problems.size() > MAX_LISTED) {
            message.append("; and ").append(problems.size() - MAX_LISTED).append(" more");
        }
        return new SchemaMismatchException(message.append(". Nothing was written.").toString());
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
