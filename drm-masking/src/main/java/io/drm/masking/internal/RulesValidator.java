package io.drm.masking.internal;

import io.drm.masking.MaskingRules;
import io.drm.masking.SchemaMismatchException;
import io.drm.masking.UnsafeIdentifierException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * The one check of masking rules against a database's schema, used by
 * {@link MaskingRules#validate(Connection)} and, through {@link RuleBinder}, by every masking job
 * before it writes anything: each rule's table and column exist, its names can be quoted, its
 * masker supports the column's type, and {@code nullify} is not asked of a NOT NULL column. Every
 * problem is listed.
 */
public final class RulesValidator {

    /**
     * What is wrong, collected while checking.
     *
     * @param unsafe names that cannot be quoted safely
     * @param mismatches tables, columns and types that do not fit
     */
    public record Problems(List<String> unsafe, List<String> mismatches) {
        /** Copies. */
        public Problems {
            unsafe = List.copyOf(unsafe);
            mismatches = List.copyOf(mismatches);
        }

        /** @return every problem, unsafe names first */
        public List<String> all() {
            List<String> all = new ArrayList<>(unsafe);
            all.addAll(mismatches);
            return List.copyOf(all);
        }

        /**
         * As {@link #throwIfAny(String)} for "the database".
         *
         * @throws UnsafeIdentifierException if a name is unsafe (the message lists all problems)
         * @throws SchemaMismatchException if the rules do not fit the schema
         */
        public void throwIfAny() {
            throwIfAny("the database");
        }

        /**
         * @param where the database or copy the rules were checked against, for the message
         * @throws UnsafeIdentifierException if a name is unsafe (the message lists all problems)
         * @throws SchemaMismatchException if the rules do not fit the schema
         */
        public void throwIfAny(String where) {
            if (unsafe.isEmpty() && mismatches.isEmpty()) {
                return;
            }
            List<String> all = all();
            StringBuilder m = new StringBuilder("masking rules do not fit ").append(where).append(": ")
                    .append(all.size()).append(all.size() == 1 ? " problem" : " problems")
                    .append(". Nothing was written:");
            all.forEach(p -> m.append("\n  - ").append(p));
            if (!unsafe.isEmpty()) {
                throw new UnsafeIdentifierException(m.toString());
            }
            throw new SchemaMismatchException(m.append("\nFix the rules or the schema and validate again.")
                    .toString());
        }
    }

    private RulesValidator() {
    }

    /**
     * @param c a connection to the database the rules will mask
     * @param rules the rules
     * @return the problems (empty lists when the rules fit)
     */
    public static Problems check(Connection c, MaskingRules rules) {
        SchemaReader.Catalog catalog = SchemaReader.readCatalog(c, "validate masking rules");
        List<String> unsafe = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        collect(catalog.schema(), catalog.names(), rules, "the schema", unsafe, mismatches);
        return new Problems(unsafe, mismatches);
    }

    /**
     * Checks every rule against one schema, adding what is wrong to the lists.
     *
     * @param schema the tables the rules apply to
     * @param names the database's quoting
     * @param rules the rules
     * @param schemaName how messages name the schema ("the schema", "the source")
     * @param unsafe receives names that cannot be quoted
     * @param mismatches receives what does not fit
     */
    static void collect(SchemaReader.Schema schema, SqlNames names, MaskingRules rules, String schemaName,
            List<String> unsafe, List<String> mismatches) {
        List<MaskingRules.ColumnRule> all = rules.rules();
        for (int i = 0; i < all.size(); i++) {
            MaskingRules.ColumnRule r = all.get(i);
            String where = where(rules, r);
            boolean safe = safe(names, r.table(), where, "table", unsafe);
            safe &= safe(names, r.column(), where, "column", unsafe);
            if (!safe) {
                continue;
            }
            SchemaReader.TableInfo table = schema.table(r.table()).orElse(null);
            if (table == null) {
                mismatches.add(where + ": no table " + r.table() + " in " + schemaName + "; check the name or"
                        + " remove the rule" + Suggestions.didYouMean(r.table(), schema.tables().keySet()));
                continue;
            }
            SchemaReader.ColumnInfo column = table.column(r.column()).orElse(null);
            if (column == null) {
                List<String> columns = table.columns().stream().map(SchemaReader.ColumnInfo::name).toList();
                mismatches.add(where + ": table " + table.name() + " has no column " + r.column()
                        + Suggestions.didYouMean(r.column(), columns));
                continue;
            }
            String problem = columnProblem(r, table.name(), column);
            if (problem != null) {
                mismatches.add(where + ": " + problem);
            }
        }
    }

    /**
     * @param rules the rules
     * @param r one of them
     * @return how messages name the rule: {@code rules[i] (table.column)}
     */
    static String where(MaskingRules rules, MaskingRules.ColumnRule r) {
        return "rules[" + rules.rules().indexOf(r) + "] (" + r.table() + "." + r.column() + ")";
    }

    /**
     * Whether a rule's masker can write the column.
     *
     * @param r the rule
     * @param table the table's name as the database stores it
     * @param column the column written
     * @return what is wrong, or null
     */
    static String columnProblem(MaskingRules.ColumnRule r, String table, SchemaReader.ColumnInfo column) {
        String masker = r.masker().name();
        if (!r.masker().supports(column.type())) {
            return "masker '" + masker + "' cannot mask " + column.type() + " columns (" + table + "."
                    + column.name() + " is " + column.typeName() + "); choose a masker for that type";
        }
        if ("nullify".equals(masker) && !column.nullable()) {
            return table + "." + column.name() + " is NOT NULL, so 'nullify' cannot mask it; use 'redact' or"
                    + " another masker, or allow nulls";
        }
        return null;
    }

    /** A declared size from this many characters up counts as unbounded (text, CLOB, H2's default). */
    static final int UNBOUNDED_SIZE = 1_000_000;

    /**
     * Whether a column written by a column encryption masker can hold the longest ciphertext of the
     * longest value of the column read ({@link ColumnEncryptMasker#maxLength}): a bounded target
     * needs a bounded source whose worst-case ciphertext fits. Masking in place reads and writes
     * the same column, so it needs an unbounded one.
     *
     * @param r the rule
     * @param table the written table's name as the database stores it
     * @param read the column read
     * @param written the column written
     * @return what is wrong, or null
     */
    static String lengthProblem(MaskingRules.ColumnRule r, String table, SchemaReader.ColumnInfo read,
            SchemaReader.ColumnInfo written) {
        if (!(r.masker() instanceof ColumnEncryptMasker masker) || unbounded(written)) {
            return null;
        }
        String column = table + "." + written.name() + " (" + written.typeName() + "(" + written.size() + "))";
        if (unbounded(read)) {
            return "masker '" + masker.name() + "' writes ciphertexts longer than their values, and the column read"
                    + " is unbounded, so they may not fit " + column + "; make the column written unbounded"
                    + " (text, CLOB) or long enough for the longest value";
        }
        long need = masker.maxLength(read.size());
        if (written.size() < need) {
            return "masker '" + masker.name() + "' writes up to " + need + " characters for values of up to "
                    + read.size() + " characters, more than " + column + " holds; widen it to at least " + need
                    + " characters or make it unbounded (text, CLOB)";
        }
        return null;
    }

    private static boolean unbounded(SchemaReader.ColumnInfo c) {
        return c.size() <= 0 || c.size() >= UNBOUNDED_SIZE;
    }

    /**
     * @return whether the name can be quoted; if not, says why in {@code unsafe}
     */
    static boolean safe(SqlNames names, String name, String where, String what, List<String> unsafe) {
        try {
            names.check(name);
            return true;
        } catch (UnsafeIdentifierException e) {
            String m = e.getMessage();
            String prefix = UnsafeIdentifierException.CODE + ": ";
            unsafe.add(where + ": the " + what + " name is unsafe: " + (m.startsWith(prefix)
                    ? m.substring(prefix.length()) : m));
            return false;
        }
    }
}
