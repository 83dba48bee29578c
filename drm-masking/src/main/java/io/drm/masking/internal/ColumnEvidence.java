package io.drm.masking.internal;

import io.drm.masking.Classification;
import io.drm.masking.ColumnClassification;
import java.sql.JDBCType;
import java.util.Optional;

/**
 * Counts, for one column, how many sampled values each detector matched, and turns the counts and
 * the column's name hint into a {@link ColumnClassification}. Keeps counts only, never a value.
 */
public final class ColumnEvidence {

    private static final ValueDetector[] DETECTORS = ValueDetector.values();

    private final String table;
    private final String column;
    private final JDBCType type;
    private final NameHint hint;
    private final PersonNames names;
    private final int[] matched = new int[DETECTORS.length];
    private int sampled;

    /**
     * @param table the table
     * @param column the column
     * @param type its type
     * @param names the person names to know names by
     */
    public ColumnEvidence(String table, String column, JDBCType type, PersonNames names) {
        this.table = table;
        this.column = column;
        this.type = type;
        this.names = names;
        this.hint = NameHint.of(column, type).orElse(null);
    }

    /**
     * Looks at one sampled value; {@code null} and blank values are not counted.
     *
     * @param value the value as text, or {@code null}
     */
    public void add(String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        sampled++;
        for (int i = 0; i < DETECTORS.length; i++) {
            if (DETECTORS[i].matches(value, names)) {
                matched[i]++;
            }
        }
    }

    /**
     * Decides. A value detector counts when the fraction of values it matched reaches the
     * threshold; a strong name hint always counts (0.6), a weak one only when its combined
     * confidence reaches the threshold; name and values that agree combine as
     * {@code 1 - (1 - name) * (1 - values)}. When two verdicts differ the more confident wins,
     * values before name on a tie.
     *
     * @param threshold the least fraction of matching values that counts
     * @return the classification
     */
    public ColumnClassification classify(double threshold) {
        Verdict byValues = null;
        int best = -1;
        for (int i = 0; i < DETECTORS.length; i++) {
            if (matched[i] > 0 && (best < 0 || matched[i] > matched[best])) {
                best = i;
            }
        }
        if (best >= 0 && fraction(matched[best]) >= threshold) {
            ValueDetector d = DETECTORS[best];
            double confidence = fraction(matched[best]);
            if (hint != null && hint.agrees() == d) {
                confidence = combine(hint.weight(), confidence);
            }
            byValues = new Verdict(d.classification(), confidence, d.id(), matched[best]);
        }
        Verdict byName = null;
        if (hint != null) {
            int agreeing = hint.agrees() == null ? 0 : matched[hint.agrees().ordinal()];
            double confidence = combine(hint.weight(), fraction(agreeing));
            String detector = agreeing > 0 ? hint.agrees().id() : ColumnClassification.COLUMN_NAME;
            if (!hint.weak() || confidence >= threshold) {
                byName = new Verdict(hint.classification(), confidence, detector, agreeing);
            }
        }
        Verdict verdict = byValues;
        if (byName != null && (verdict == null || byName.confidence() > verdict.confidence())) {
            verdict = byName;
        }
        if (verdict == null) {
            return new ColumnClassification(table, column, type, Classification.NONE, 0.0,
                    ColumnClassification.NONE, sampled, 0);
        }
        return new ColumnClassification(table, column, type, verdict.classification(), round(verdict.confidence()),
                verdict.detector(), sampled, verdict.matched());
    }

    /** @return the column's name hint, if any */
    public Optional<NameHint> hint() {
        return Optional.ofNullable(hint);
    }

    private double fraction(int count) {
        return sampled == 0 ? 0.0 : (double) count / sampled;
    }

    private static double combine(double a, double b) {
        return 1.0 - (1.0 - a) * (1.0 - b);
    }

    private static double round(double confidence) {
        return Math.min(1.0, Math.round(confidence * 10_000.0) / 10_000.0);
    }

    private record Verdict(Classification classification, double confidence, String detector, int matched) {
    }
}
