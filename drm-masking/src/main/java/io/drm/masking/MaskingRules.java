package io.drm.masking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which masker masks which column: {@code table.column -> masker}. Immutable and thread-safe.
 * Table and column names match case-insensitively (H2 and PostgreSQL fold unquoted names
 * differently), and each column has at most one rule.
 *
 * <pre>{@code
 * MaskingRules rules = MaskingRules.builder()
 *         .column("customer", "email", Maskers.email(keys.key("pii")))
 *         .column("customer", "card_number", Maskers.paymentCard(keys.key("pci"), true))
 *         .build();
 * }</pre>
 */
public final class MaskingRules {

    /**
     * One rule.
     *
     * @param table the table name as written in the rule
     * @param column the column name as written in the rule
     * @param masker the masker
     */
    public record ColumnRule(String table, String column, TypedMasker masker) {
        /** Validates. */
        public ColumnRule {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(masker, "masker");
            if (table.isBlank() || column.isBlank()) {
                throw new IllegalArgumentException("table and column must not be blank");
            }
        }
    }

    private final List<ColumnRule> rules;
    private final Map<String, Map<String, ColumnRule>> byTable;

    private MaskingRules(List<ColumnRule> rules) {
        this.rules = List.copyOf(rules);
        Map<String, Map<String, ColumnRule>> map = new LinkedHashMap<>();
        for (ColumnRule r : this.rules) {
            map.computeIfAbsent(fold(r.table()), t -> new LinkedHashMap<>()).put(fold(r.column()), r);
        }
        map.replaceAll((t, cols) -> Collections.unmodifiableMap(cols));
        this.byTable = Collections.unmodifiableMap(map);
    }

    /** @return a builder for rules written in Java */
    public static Builder builder() {
        return new Builder();
    }

    /** @return every rule, in the order given */
    public List<ColumnRule> rules() {
        return rules;
    }

    /** @return the tables that have rules, lower-cased */
    public Set<String> tables() {
        return byTable.keySet();
    }

    /**
     * @param table a table name (any case)
     * @return the rules of that table by lower-cased column name; empty when it has none
     */
    public Map<String, ColumnRule> columns(String table) {
        return byTable.getOrDefault(fold(table), Map.of());
    }

    /**
     * @param table a table name (any case)
     * @param column a column name (any case)
     * @return the rule for that column
     */
    public Optional<ColumnRule> rule(String table, String column) {
        return Optional.ofNullable(columns(table).get(fold(column)));
    }

    static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "MaskingRules[" + rules.size() + " columns in " + byTable.size() + " tables]";
    }

    /** Collects rules. Not thread-safe; {@link #build()} may be called again. */
    public static final class Builder {
        private final List<ColumnRule> rules = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param table the table
         * @param column the column
         * @param masker its masker
         * @return this
         * @throws IllegalArgumentException if the column already has a rule, or a name is blank
         */
        public Builder column(String table, String column, TypedMasker masker) {
            ColumnRule rule = new ColumnRule(table, column, masker);
            for (ColumnRule r : rules) {
                if (fold(r.table()).equals(fold(table)) && fold(r.column()).equals(fold(column))) {
                    throw new IllegalArgumentException("column " + table + "." + column + " has a rule already");
                }
            }
            rules.add(rule);
            return this;
        }

        /** @return the rules */
        public MaskingRules build() {
            return new MaskingRules(rules);
        }
    }
}
