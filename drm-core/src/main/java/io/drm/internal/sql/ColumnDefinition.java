package io.drm.internal.sql;

import java.util.Objects;
import java.util.Set;

/**
 * What a column definition (the text after the column name in {@code ADD COLUMN}, MySQL
 * {@code MODIFY}/{@code CHANGE}, H2 {@code ALTER COLUMN}) says, read with the dialect's lexer so that
 * keywords inside strings, comments and quoted identifiers are never seen.
 *
 * @param type the type as written (the tokens before the first constraint keyword), or {@code null}
 * @param notNull {@code NOT NULL} or {@code PRIMARY KEY} at the top level
 * @param defaultExpression the {@code DEFAULT} expression as written, or {@code null}
 * @param volatileDefault the default calls a function whose value changes per row ({@code random()},
 *     {@code clock_timestamp()}, {@code gen_random_uuid()}, {@code nextval(..)}, ...)
 * @param generatedValues the database fills the column itself: {@code AUTO_INCREMENT},
 *     {@code IDENTITY}, {@code GENERATED .. AS IDENTITY}, a {@code serial} type, or a generated
 *     column ({@code GENERATED ALWAYS AS (..)}, MySQL {@code AS (..)})
 * @param storedGenerated a generated column whose values are stored ({@code STORED},
 *     {@code PERSISTENT}; PostgreSQL generated columns always are) or an identity/serial column:
 *     adding it writes every row
 * @param position MySQL column position: {@code FIRST}, {@code AFTER <column>}, or {@code null}
 */
public record ColumnDefinition(String type, boolean notNull, String defaultExpression, boolean volatileDefault,
        boolean generatedValues, boolean storedGenerated, String position) {

    /**
     * Functions whose result differs per call. PostgreSQL marks them volatile ({@code now()},
     * {@code current_timestamp} and {@code statement_timestamp()} are stable: evaluated once).
     */
    private static final Set<String> VOLATILE = Set.of("RANDOM", "RANDOM_NORMAL", "CLOCK_TIMESTAMP", "TIMEOFDAY",
            "GEN_RANDOM_UUID", "GEN_RANDOM_BYTES", "UUID_GENERATE_V1", "UUID_GENERATE_V1MC", "UUID_GENERATE_V4",
            "UUIDV4", "UUIDV7", "NEXTVAL", "CURRVAL", "LASTVAL", "SETSEED", "RAND", "UUID", "UUID_SHORT",
            "RANDOM_UUID", "SECURE_RAND", "SYS_GUID");
    private static final Set<String> SERIAL = Set.of("SERIAL", "BIGSERIAL", "SMALLSERIAL", "SERIAL2", "SERIAL4",
            "SERIAL8");
    /** Words that end the type and the default expression. */
    private static final Set<String> STOP = Set.of("NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE", "CHECK",
            "REFERENCES", "CONSTRAINT", "GENERATED", "AUTO_INCREMENT", "AUTOINCREMENT", "IDENTITY", "COLLATE",
            "COMMENT", "AFTER", "FIRST", "AS", "ON", "INVISIBLE", "VISIBLE", "STORED", "VIRTUAL", "PERSISTENT",
            "KEY", "SELECTIVITY", "USING", "FORMAT", "STORAGE", "COMPRESSION", "CHARACTER", "CHARSET");

    /**
     * Reads a column definition.
     *
     * @param definition the text after the column name, or {@code null}
     * @param d the dialect
     * @return what it says; all false/null for {@code null} or empty text
     */
    public static ColumnDefinition parse(String definition, Dialect d) {
        Objects.requireNonNull(d, "d");
        if (definition == null || definition.isBlank()) {
            return new ColumnDefinition(null, false, null, false, false, false, null);
        }
        Tokens t = Tokens.of(definition, d);
        int n = t.size();
        int typeEnd = 0;
        while (typeEnd < n && !(t.depth(typeEnd) == 0 && STOP.contains(t.upper(typeEnd)))) {
            typeEnd++;
        }
        String type = t.text(0, typeEnd);
        boolean notNull = false;
        String defaultExpression = null;
        boolean volatileDefault = false;
        boolean generated = SERIAL.contains(t.upper(0));
        boolean stored = generated;
        String position = null;
        for (int i = typeEnd; i < n; i++) {
            if (t.depth(i) != 0) {
                continue;
            }
            String w = t.upper(i);
            switch (w) {
                case "NOT":
                    if (t.is(i + 1, "NULL")) {
                        notNull = true;
                    }
                    break;
                case "PRIMARY":
                    if (t.is(i + 1, "KEY")) {
                        notNull = true;
                    }
                    break;
                case "DEFAULT": {
                    int j = i + 1;
                    while (j < n && !(t.depth(j) == 0 && STOP.contains(t.upper(j)) && j > i + 1)) {
                        if (t.type(j) == SqlLexer.WORD && VOLATILE.contains(t.upper(j)) && t.isPunct(j + 1, '(')) {
                            volatileDefault = true;
                        }
                        j++;
                    }
                    defaultExpression = t.text(i + 1, j);
                    i = j - 1;
                    break;
                }
                case "AUTO_INCREMENT":
                case "AUTOINCREMENT":
                case "IDENTITY":
                    generated = true;
                    stored = true;
                    break;
                case "GENERATED":
                    generated = true;
                    // PostgreSQL: identity and generated columns are stored; H2 and MySQL say so
                    stored |= d == Dialect.POSTGRESQL || t.find(i, n, "IDENTITY", 0) >= 0;
                    break;
                case "AS":
                    if (t.isPunct(i + 1, '(')) {
                        generated = true;
                    }
                    break;
                case "STORED":
                case "PERSISTENT":
                    stored = true;
                    break;
                case "FIRST":
                    position = "FIRST";
                    break;
                case "AFTER":
                    position = "AFTER " + Objects.requireNonNullElse(t.ident(i + 1), "");
                    break;
                default:
                    break;
            }
        }
        return new ColumnDefinition(type, notNull, defaultExpression, volatileDefault, generated, stored, position);
    }

    /**
     * Tells whether existing rows get a value without one being given: a default or generated values.
     *
     * @return {@code true} if a {@code NOT NULL} column can be added to a populated table
     */
    public boolean fillsExistingRows() {
        return (defaultExpression != null && !defaultExpression.equalsIgnoreCase("NULL")) || generatedValues;
    }
}
