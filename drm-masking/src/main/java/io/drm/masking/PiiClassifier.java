package io.drm.masking;

import io.drm.AuthenticationFailedException;
import io.drm.DatabaseUnavailableException;
import io.drm.masking.internal.ColumnSampler;
import io.drm.masking.internal.PersonNames;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Finds the columns of a database that hold personal, health, payment-card or secret data, from
 * their names and from a sample of their values. Immutable and thread-safe: the settings return a
 * new classifier.
 *
 * <p>Each column gets the verdict of its name ({@code email}, {@code card_number}, {@code dob},
 * {@code password}, ...) and of the first {@link #sampleSize(int) sampleSize} rows of its table:
 * e-mail addresses, phone numbers, payment card numbers (Luhn), IBANs (mod-97), US social security
 * and UK national insurance numbers, IPv4 and IPv6 addresses, and person names. A value verdict
 * counts when at least {@link #threshold(double) threshold} of the sampled non-null values match;
 * a name alone gives 0.6; both agreeing give more. Sampled values are never logged, kept, or put
 * in the report or a message.
 *
 * <pre>{@code
 * ClassificationReport report = PiiClassifier.create().sampleSize(500).classify(dataSource);
 * for (ColumnClassification c : report.sensitive()) {
 *     System.out.println(c.qualifiedName() + " " + c.classification() + " " + c.detector());
 * }
 * report.writeRules(Path.of("masking-rules.json"), "pii");   // a proposal, to review
 * }</pre>
 */
public final class PiiClassifier {

    /** The default number of rows sampled from each table. */
    public static final int DEFAULT_SAMPLE_SIZE = 1000;

    /** The default least fraction of matching values for a value-based verdict. */
    public static final double DEFAULT_THRESHOLD = 0.8;

    private final int sampleSize;
    private final double threshold;

    private PiiClassifier(int sampleSize, double threshold) {
        this.sampleSize = sampleSize;
        this.threshold = threshold;
    }

    /** @return a classifier sampling 1000 rows a table with threshold 0.8 */
    public static PiiClassifier create() {
        return new PiiClassifier(DEFAULT_SAMPLE_SIZE, DEFAULT_THRESHOLD);
    }

    /**
     * @param rows the most rows read from each table; 0 classifies by column names only
     * @return a classifier with that sample size
     * @throws IllegalArgumentException if {@code rows} is negative
     */
    public PiiClassifier sampleSize(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("sample size must be 0 or more, was " + rows);
        }
        return new PiiClassifier(rows, threshold);
    }

    /**
     * @param confidence the least fraction (greater than 0, at most 1) of a column's sampled
     *     non-null values a detector must match for the column to be reported on its values
     * @return a classifier with that threshold
     * @throws IllegalArgumentException if {@code confidence} is not in (0, 1]
     */
    public PiiClassifier threshold(double confidence) {
        if (!(confidence > 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("threshold must be greater than 0 and at most 1, was " + confidence);
        }
        return new PiiClassifier(sampleSize, confidence);
    }

    /**
     * Classifies every column of the data source's current schema (PostgreSQL, H2) or database
     * (MariaDB, MySQL), leaving out drm's own tables and Flyway's history.
     *
     * @param dataSource the database
     * @return the report, with one entry per column
     * @throws NullPointerException if {@code dataSource} is null
     * @throws DatabaseUnavailableException if the database cannot be reached
     * @throws AuthenticationFailedException if it refuses the credentials
     * @throws MaskingJobException if the schema or a table cannot be read (the message gives the
     *     SQLState, not the database's text, which might quote a value)
     */
    public ClassificationReport classify(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return ClassificationReport.of(
                new ColumnSampler(sampleSize, threshold, PersonNames.standard()).classify(dataSource));
    }

    @Override
    public String toString() {
        return "PiiClassifier[sampleSize=" + sampleSize + ", threshold=" + threshold + "]";
    }
}
