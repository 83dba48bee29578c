package io.drm.masking;

import java.sql.JDBCType;
import java.util.Objects;

/**
 * What {@link PiiClassifier} found about one column. It holds counts, never a sampled value.
 *
 * @param table the table name as the database stores it
 * @param column the column name as the database stores it
 * @param type the column's JDBC type
 * @param classification the class found; {@link Classification#NONE} when nothing was found
 * @param confidence 0 to 1: the fraction of sampled values that matched, raised when the column's
 *     name agrees, or the weight of a name-only hint (0.6); 0 for {@link Classification#NONE}
 * @param detector what found it: {@code "email"}, {@code "phone"}, {@code "payment_card"},
 *     {@code "iban"}, {@code "national_id"}, {@code "ip_address"}, {@code "person_name"} for values,
 *     {@code "column_name"} for a name-only hint, {@code "none"} for {@link Classification#NONE}
 * @param sampled how many non-null values were sampled (0 for columns whose type is not sampled)
 * @param matched how many of them the detector matched
 */
public record ColumnClassification(String table, String column, JDBCType type, Classification classification,
        double confidence, String detector, int sampled, int matched) {

    /** The detector of a hint taken from the column's name alone. */
    public static final String COLUMN_NAME = "column_name";

    /** The detector of a column where nothing was found. */
    public static final String NONE = "none";

    /**
     * Validates.
     *
     * @throws NullPointerException if a name, the type, the classification or the detector is null
     * @throws IllegalArgumentException if the confidence is not within 0..1, or the counts are
     *     negative or {@code matched > sampled}
     */
    public ColumnClassification {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(detector, "detector");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
        if (sampled < 0 || matched < 0 || matched > sampled) {
            throw new IllegalArgumentException("need 0 <= matched <= sampled, got matched " + matched
                    + " of " + sampled);
        }
    }

    /** @return whether the column needs a masking rule ({@code classification != NONE}) */
    public boolean sensitive() {
        return classification.sensitive();
    }

    /** @return {@code table.column} */
    public String qualifiedName() {
        return table + "." + column;
    }
}
