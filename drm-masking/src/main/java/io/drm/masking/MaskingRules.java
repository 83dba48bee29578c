package io.drm.masking;

import io.drm.AuthenticationFailedException;
import io.drm.DatabaseUnavailableException;
import io.drm.masking.internal.DbFailures;
import io.drm.masking.internal.RulesJson;
import io.drm.masking.internal.RulesParser;
import io.drm.masking.internal.RulesValidator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Which masker masks which column: {@code table.column -> masker}. Immutable and thread-safe.
 * Table and column names match case-insensitively (H2 and PostgreSQL fold unquoted names
 * differently), and each column has at most one rule.
 *
 * <p>Rules come from Java (the {@link #builder() builder}) or from a rules file in JSON or YAML
 * ({@link #fromJson}, {@link #fromYaml}, {@link #load}), which names each masker of the catalogue
 * and its parameters, and the id of its key (never the key):
 *
 * <pre>{@code
 * {"version": 1,
 *  "rules": [
 *    {"table": "customer", "column": "email", "masker": "email", "keyId": "pii"},
 *    {"table": "customer", "column": "card_number", "masker": "card", "keyId": "pci",
 *     "params": {"keepBinAndLast4": true}}
 *  ]}
 * }</pre>
 *
 * A file is checked whole before anything runs: every problem (unknown masker, bad parameter,
 * duplicate column, missing key id) is listed in one {@link InvalidRulesException}. Then
 * {@link #validate(DataSource)} checks the rules against the database's schema.
 *
 * <pre>{@code
 * KeyProvider keys = KeyProvider.environment();    // DRM_MASKING_KEY_PII=<base64>, ...
 * MaskingRules rules = MaskingRules.load(Path.of("masking-rules.yaml"), keys);
 * rules.validate(dataSource);                      // tables, columns, types
 * Files.writeString(Path.of("applied-rules.json"), rules.toJson());
 *
 * MaskingRules inJava = MaskingRules.builder()
 *         .column("customer", "email", Maskers.email(keys.key("pii"), "example.com"))
 *         .column("customer", "card_number", Maskers.paymentCard(keys.key("pci"), true))
 *         .build();
 * }</pre>
 */
public final class MaskingRules {

    /** The version of the rules file format this library reads and writes. */
    public static final int FORMAT_VERSION = 1;

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

    /**
     * How a rule is written in a rules file: the catalogue name of its masker, the id of its key
     * and its parameters. Never holds a key. {@link MaskingRules#toJson()} writes rules back from
     * it.
     *
     * @param masker the masker's catalogue name, for example {@code "email"}
     * @param keyId the key id, or {@code null} for maskers without a key
     * @param params the parameters as written (strings, booleans, numbers), in order; empty for none
     * @param comment a note for reviewers kept with the rule, or {@code null}
     */
    public record RuleSource(String masker, String keyId, Map<String, Object> params, String comment) {

        /**
         * Validates and copies.
         *
         * @throws NullPointerException if {@code masker} or {@code params} is null, or a parameter
         *     name or value is null
         * @throws IllegalArgumentException if {@code masker} or {@code keyId} is blank, or a parameter
         *     value is not a string, boolean or number
         */
        public RuleSource {
            Objects.requireNonNull(masker, "masker");
            Objects.requireNonNull(params, "params");
            if (masker.isBlank()) {
                throw new IllegalArgumentException("masker must not be blank");
            }
            if (keyId != null && keyId.isBlank()) {
                throw new IllegalArgumentException("keyId must not be blank; use null for no key");
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : params.entrySet()) {
                Objects.requireNonNull(e.getKey(), "parameter name");
                Object v = Objects.requireNonNull(e.getValue(), "parameter value");
                if (v instanceof Character) {
                    v = v.toString();
                }
                if (!(v instanceof String || v instanceof Boolean || v instanceof Number)) {
                    throw new IllegalArgumentException("parameter " + e.getKey() + " must be a string, boolean or"
                            + " number, is a " + v.getClass().getSimpleName());
                }
                copy.put(e.getKey(), v);
            }
            params = Collections.unmodifiableMap(copy);
        }

        /**
         * A source without a comment.
         *
         * @param masker the masker's catalogue name
         * @param keyId the key id, or {@code null}
         * @param params the parameters
         */
        public RuleSource(String masker, String keyId, Map<String, Object> params) {
            this(masker, keyId, params, null);
        }

        /**
         * The source of a rule built in Java from a masker alone: its name, no key id, no
         * parameters.
         *
         * @param masker the masker
         * @return the source
         */
        public static RuleSource of(TypedMasker masker) {
            return new RuleSource(masker.name(), null, Map.of(), null);
        }
    }

    private final List<ColumnRule> rules;
    private final Map<String, Map<String, ColumnRule>> byTable;
    private final Map<ColumnRule, RuleSource> sources;

    private MaskingRules(List<ColumnRule> rules, List<RuleSource> sources) {
        this.rules = List.copyOf(rules);
        Map<String, Map<String, ColumnRule>> map = new LinkedHashMap<>();
        Map<ColumnRule, RuleSource> bySource = new LinkedHashMap<>();
        for (int i = 0; i < this.rules.size(); i++) {
            ColumnRule r = this.rules.get(i);
            map.computeIfAbsent(fold(r.table()), t -> new LinkedHashMap<>()).put(fold(r.column()), r);
            bySource.put(r, sources.get(i));
        }
        map.replaceAll((t, cols) -> Collections.unmodifiableMap(cols));
        this.byTable = Collections.unmodifiableMap(map);
        this.sources = Collections.unmodifiableMap(bySource);
    }

    /** @return a builder for rules written in Java */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads rules from a JSON document in the rules file format.
     *
     * @param json the document
     * @param keys where the rules' keys come from, by key id
     * @return the rules
     * @throws NullPointerException if an argument is null
     * @throws InvalidRulesException if the document is not JSON or not valid rules; the message lists
     *     every problem, each with its rule index and {@code table.column}
     * @throws MaskingKeyException if a key id the rules name cannot be had from {@code keys}; the
     *     message names every such key id and the rules using it, never a key
     */
    public static MaskingRules fromJson(String json, KeyProvider keys) {
        return RulesParser.parse(Objects.requireNonNull(json, "json"), RulesParser.Format.JSON, "masking rules (JSON)",
                Objects.requireNonNull(keys, "keys"));
    }

    /**
     * Reads rules from a YAML document with the same structure as the JSON format.
     *
     * @param yaml the document
     * @param keys where the rules' keys come from, by key id
     * @return the rules
     * @throws NullPointerException if an argument is null
     * @throws InvalidRulesException if the document is not YAML or not valid rules; the message lists
     *     every problem
     * @throws MaskingKeyException if a key id the rules name cannot be had from {@code keys}
     */
    public static MaskingRules fromYaml(String yaml, KeyProvider keys) {
        return RulesParser.parse(Objects.requireNonNull(yaml, "yaml"), RulesParser.Format.YAML, "masking rules (YAML)",
                Objects.requireNonNull(keys, "keys"));
    }

    /**
     * Reads a rules file: JSON for {@code .json}, YAML for {@code .yaml} and {@code .yml} (any case).
     *
     * @param file the file, UTF-8
     * @param keys where the rules' keys come from, by key id
     * @return the rules
     * @throws NullPointerException if an argument is null
     * @throws InvalidRulesException if the file has another extension, cannot be read, or is not valid
     *     rules; the message names the file and lists every problem
     * @throws MaskingKeyException if a key id the rules name cannot be had from {@code keys}
     */
    public static MaskingRules load(Path file, KeyProvider keys) {
        return RulesParser.load(Objects.requireNonNull(file, "file"), Objects.requireNonNull(keys, "keys"));
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

    /**
     * @param table a table name (any case)
     * @param column a column name (any case)
     * @return how that column's rule is written in a rules file (masker name, key id, parameters)
     */
    public Optional<RuleSource> source(String table, String column) {
        return rule(table, column).map(sources::get);
    }

    /**
     * @param rule one of {@link #rules()}
     * @return how it is written in a rules file
     * @throws IllegalArgumentException if the rule is not one of these rules
     */
    public RuleSource source(ColumnRule rule) {
        RuleSource s = sources.get(rule);
        if (s == null) {
            throw new IllegalArgumentException("not one of these rules: " + rule.table() + "." + rule.column());
        }
        return s;
    }

    /**
     * Checks the rules against the database's current schema (PostgreSQL, H2) or database
     * (MariaDB, MySQL), before anything is masked.
     *
     * @param dataSource the database the rules will mask
     * @throws UnsafeIdentifierException if a table or column name of a rule cannot be quoted safely
     *     for this database (the message lists the schema problems too)
     * @throws SchemaMismatchException if a rule names a table or column that does not exist, uses a
     *     masker that cannot handle the column's type, or nullifies a NOT NULL column; the message
     *     lists every problem
     * @throws DatabaseUnavailableException if the database cannot be reached
     * @throws AuthenticationFailedException if it refuses the credentials
     * @throws MaskingJobException if the schema cannot be read
     */
    public void validate(DataSource dataSource) {
        try (Connection c = DbFailures.connect(Objects.requireNonNull(dataSource, "dataSource"),
                "to validate masking rules")) {
            validate(c);
        } catch (SQLException e) {
            throw DbFailures.metadata("closing the connection used to validate masking rules", e);
        }
    }

    /**
     * As {@link #validate(DataSource)}, on a connection the caller keeps (it is not closed).
     *
     * @param connection a connection to the database the rules will mask
     * @throws UnsafeIdentifierException if a name cannot be quoted safely
     * @throws SchemaMismatchException if the rules do not fit the schema; lists every problem
     * @throws MaskingJobException if the schema cannot be read
     */
    public void validate(Connection connection) {
        RulesValidator.check(Objects.requireNonNull(connection, "connection"), this).throwIfAny();
    }

    /**
     * Lists what {@link #validate(DataSource)} would refuse, without throwing for it.
     *
     * @param dataSource the database the rules will mask
     * @return one line per problem, empty when the rules fit
     * @throws DatabaseUnavailableException if the database cannot be reached
     * @throws AuthenticationFailedException if it refuses the credentials
     * @throws MaskingJobException if the schema cannot be read
     */
    public List<String> problems(DataSource dataSource) {
        try (Connection c = DbFailures.connect(Objects.requireNonNull(dataSource, "dataSource"),
                "to validate masking rules")) {
            return problems(c);
        } catch (SQLException e) {
            throw DbFailures.metadata("closing the connection used to validate masking rules", e);
        }
    }

    /**
     * As {@link #problems(DataSource)}, on a connection the caller keeps.
     *
     * @param connection a connection to the database the rules will mask
     * @return one line per problem, empty when the rules fit
     * @throws MaskingJobException if the schema cannot be read
     */
    public List<String> problems(Connection connection) {
        return RulesValidator.check(Objects.requireNonNull(connection, "connection"), this).all();
    }

    /**
     * Writes the rules in the rules file format: masker names, key ids and parameters as
     * {@link #source(ColumnRule)} has them, never a key. A file read by {@link #fromJson} is written
     * back equivalent; a rule built in Java from a masker alone is written with its name only.
     *
     * @return the JSON document, pretty-printed
     */
    public String toJson() {
        List<RulesJson.Row> rows = new ArrayList<>();
        for (ColumnRule r : rules) {
            rows.add(new RulesJson.Row(r.table(), r.column(), sources.get(r)));
        }
        return RulesJson.write(rows);
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
        private final List<RuleSource> sources = new ArrayList<>();

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
            return column(table, column, masker, RuleSource.of(Objects.requireNonNull(masker, "masker")));
        }

        /**
         * Adds a rule together with how it is written in a rules file, so that {@link #toJson()}
         * can write it with its key id and parameters. The source is not checked against the
         * masker.
         *
         * @param table the table
         * @param column the column
         * @param masker its masker
         * @param source its masker name, key id and parameters
         * @return this
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if the column already has a rule, or a name is blank
         */
        public Builder column(String table, String column, TypedMasker masker, RuleSource source) {
            ColumnRule rule = new ColumnRule(table, column, masker);
            Objects.requireNonNull(source, "source");
            for (ColumnRule r : rules) {
                if (fold(r.table()).equals(fold(table)) && fold(r.column()).equals(fold(column))) {
                    throw new IllegalArgumentException("column " + table + "." + column + " has a rule already");
                }
            }
            rules.add(rule);
            sources.add(source);
            return this;
        }

        /** @return the rules */
        public MaskingRules build() {
            return new MaskingRules(rules, sources);
        }
    }
}
