package io.drm.masking.internal;

import io.drm.masking.MaskingRules;
import io.drm.masking.SchemaMismatchException;
import io.drm.masking.UnsafeIdentifierException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Checks masking rules against a database's schema and lists every problem. */
public final class RulesValidator {

    /**
     * What is wrong.
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
         * @throws UnsafeIdentifierException if a name is unsafe (the message lists all problems)
         * @throws SchemaMismatchException if the rules do not fit the schema
         */
        public void throwIfAny() {
            if (unsafe.isEmpty() && mismatches.isEmpty()) {
                return;
            }
            List<String> all = all();
            StringBuilder m = new StringBuilder("masking rules do not fit the database: ").append(all.size())
                    .append(all.size() == 1 ? " problem" : " problems").append("; nothing was masked:");
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
        SchemaReader.Schema schema;
        SqlNames names;
        try {
            schema = SchemaReader.read(c);
            names = SqlNames.of(c.getMetaData());
        } catch (SQLException e) {
            throw DbFailures.metadata("reading the schema to validate masking rules", e);
        }
        List<String> unsafe = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        List<MaskingRules.ColumnRule> all = rules.rules();
        for (int i = 0; i < all.size(); i++) {
            MaskingRules.ColumnRule r = all.get(i);
            String where = "rules[" + i + "] (" + r.table() + "." + r.column() + ")";
            boolean safe = safe(names, r.table(), where, "table", unsafe);
            safe &= safe(names, r.column(), where, "column", unsafe);
            if (!safe) {
                continue;
            }
            SchemaReader.TableInfo table = schema.table(r.table()).orElse(null);
            if (table == null) {
                mismatches.add(where + ": no table " + r.table() + " in the schema; check the name or remove the"
                        + " rule" + Suggestions.didYouMean(r.table(), schema.tables().keySet()));
                continue;
            }
            SchemaReader.ColumnInfo column = table.column(r.column()).orElse(null);
            if (column == null) {
                List<String> columns = table.columns().stream().map(SchemaReader.ColumnInfo::name).toList();
                mismatches.add(where + ": table " + table.name() + " has no column " + r.column()
                        + Suggestions.didYouMean(r.column(), columns));
                continue;
            }
            String masker = r.masker().name();
            if (!r.masker().supports(column.type())) {
                mismatches.add(where + ": masker '" + masker + "' cannot mask " + column.type() + " columns ("
                        + table.name() + "." + column.name() + " is " + column.typeName() + "); choose a masker"
                        + " for that type");
            } else if ("nullify".equals(masker) && !column.nullable()) {
                mismatches.add(where + ": " + table.name() + "." + column.name() + " is NOT NULL, so 'nullify'"
                        + " cannot mask it; use 'redact' or another masker, or allow nulls");
            }
        }
        return new Problems(unsafe, mismatches);
    }

    private static boolean safe(SqlNames names, String name, String where, String what, List<String> unsafe) {
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
