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
 * Binds masking rules to the database before a job writes anything. The rules themselves are
 * checked by {@link RulesValidator}, the same check {@code MaskingRules.validate} runs (tables and
 * columns exist, matched case-insensitively, maskers support the column types, no {@code nullify}
 * on a NOT NULL column, names can be quoted); this class adds what the kind of job needs (in place:
 * a primary key that is not itself masked; a copy: every table and column in the target, and the
 * target column accepting what the masker writes, and long enough for the ciphertexts of a column
 * encryption masker). All problems are reported at once.
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
        List<String> unsafe = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        RulesValidator.collect(schema, names, rules, "the schema", unsafe, problems);
        List<BoundTable> out = new ArrayList<>();
        for (String ruled : rules.tables()) {
            Map<String, ColumnRule> columnRules = rules.columns(ruled);
            Optional<TableInfo> found = schema.table(ruled);
            if (found.isEmpty()) {
                continue; // reported by the rules check
            }
            TableInfo table = found.get();
            if (table.primaryKey().isEmpty()) {
                problems.add("table " + table.name() + " has no primary key; masking in place finds rows by"
                        + " their key (add a primary key, or use MaskedCopy)");
            }
            List<ColumnInfo> key = new ArrayList<>();
            for (String k : table.primaryKey()) {
                ColumnInfo c = table.column(k).orElseThrow();
                safe(names, table.name(), c.name(), unsafe);
                key.add(c);
            }
            List<ColumnInfo> columns = new ArrayList<>();
            List<TypedMasker> maskers = new ArrayList<>();
            for (ColumnRule rule : columnRules.values()) {
                Optional<ColumnInfo> column = table.column(rule.column());
                if (column.isEmpty() || RulesValidator.columnProblem(rule, table.name(), column.get()) != null) {
                    continue; // reported by the rules check
                }
                ColumnInfo c = column.get();
                String length = RulesValidator.lengthProblem(rule, table.name(), c, c);
                if (length != null) {
                    problems.add(RulesValidator.where(rules, rule) + ": " + length);
                    continue;
                }
                if (table.primaryKey().stream().anyMatch(k -> k.equals(c.name()))) {
                    problems.add(RulesValidator.where(rules, rule) + ": column " + table.name() + "." + c.name()
                            + " is part of the primary key; masking in place cannot change the key it finds rows"
                            + " by (use MaskedCopy to mask keys)");
                    continue;
                }
                columns.add(c);
                maskers.add(rule.masker());
            }
            out.add(new BoundTable(table, table.name(), columns,
                    columns.stream().map(ColumnInfo::name).collect(Collectors.toList()), maskers, key, false));
        }
        new RulesValidator.Problems(unsafe, problems).throwIfAny(where);
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
        List<String> unsafe = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        RulesValidator.collect(source, sourceNames, rules, "the source", unsafe, problems);
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
        List<BoundTable> out = new ArrayList<>();
        for (TableInfo table : copied.values()) {
            if (!safe(sourceNames, table.name(), null, unsafe)) {
                continue;
            }
            Map<String, ColumnRule> columnRules = rules.columns(table.name());
            Optional<TableInfo> inTarget = target.table(table.name());
            if (inTarget.isEmpty()) {
                problems.add("table " + table.name() + " does not exist in the target; release the schema to the"
                        + " target first" + known(target));
                continue;
            }
            TableInfo t = inTarget.get();
            safe(targetNames, t.name(), null, unsafe);
            List<ColumnInfo> columns = new ArrayList<>();
            List<String> targetColumns = new ArrayList<>();
            List<TypedMasker> maskers = new ArrayList<>();
            for (ColumnInfo c : table.columns()) {
                safe(sourceNames, table.name(), c.name(), unsafe);
                Optional<ColumnInfo> tc = t.column(c.name());
                if (tc.isEmpty()) {
                    problems.add("column " + table.name() + "." + c.name() + " does not exist in the target table "
                            + t.name());
                    continue;
                }
                safe(targetNames, t.name(), tc.get().name(), unsafe);
                ColumnRule rule = columnRules.get(fold(c.name()));
                if (rule != null && RulesValidator.columnProblem(rule, table.name(), c) == null) {
                    String written = RulesValidator.columnProblem(rule, t.name(), tc.get());
                    if (written == null) {
                        written = RulesValidator.lengthProblem(rule, t.name(), c, tc.get());
                    }
                    if (written != null) {
                        problems.add(RulesValidator.where(rules, rule) + " in the target: " + written);
                    }
                }
                columns.add(c);
                targetColumns.add(tc.get().name());
                maskers.add(rule == null ? null : rule.masker());
            }
            List<ColumnInfo> key = table.primaryKey().stream().map(k -> table.column(k).orElseThrow())
                    .collect(Collectors.toList());
            out.add(new BoundTable(table, t.name(), columns, targetColumns, maskers, key,
                    !t.selfReferences().isEmpty()));
        }
        new RulesValidator.Problems(unsafe, problems).throwIfAny(where);
        return out;
    }

    private static boolean safe(SqlNames names, String table, String column, List<String> unsafe) {
        boolean ok = RulesValidator.safe(names, table, "table " + table, "table", unsafe);
        if (column != null && ok) {
            ok = RulesValidator.safe(names, column, "table " + table, "column", unsafe);
        }
        return ok;
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

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
