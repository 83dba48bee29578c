package io.drm.internal.diff;

import io.drm.internal.DatabaseKind;
import java.math.BigInteger;
import java.util.List;

/**
 * The SQL that puts a row into one of a segment's children: by arithmetic on an integer key whose
 * children have equal width, else by a binary search over the bounds (nested {@code CASE}, so a row
 * costs about log2(children) comparisons rather than one per bound).
 */
final class Buckets {

    /** Bounds whose arithmetic cannot overflow a signed 64-bit integer on any database. */
    private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(61);

    private Buckets() {
    }

    /**
     * Whether children {@code base + i * step} can be computed with 64-bit arithmetic: every
     * bound, and every difference of a key in the range from {@code base}, within +-2^61.
     *
     * @param base the lowest key of the range
     * @param hi the highest key of the range
     * @param step the width of a child
     * @return whether {@link #arithmetic} may be used
     */
    static boolean arithmeticFits(BigInteger base, BigInteger hi, BigInteger step) {
        return base.abs().compareTo(LIMIT) < 0 && hi.add(step).abs().compareTo(LIMIT) < 0;
    }

    /**
     * The child of {@code column} among {@code bounds + 1} children {@code base + i * step},
     * clamped to the first and last child (which are open towards the parent's bounds).
     *
     * @param kind the database
     * @param column the quoted integer key column
     * @param base the lowest key
     * @param step the width of a child
     * @param bounds the number of bounds (children minus one)
     * @return the SQL expression
     */
    static String arithmetic(DatabaseKind kind, String column, BigInteger base, BigInteger step, int bounds) {
        String diff = kind == DatabaseKind.MYSQL ? "CAST(" + column + " AS SIGNED) - (" + base + ")"
                : "CAST(" + column + " AS BIGINT) - (" + base + ")";
        String div = kind == DatabaseKind.MYSQL ? "(" + diff + ") DIV " + step : "(" + diff + ") / " + step;
        return "CASE WHEN " + column + " < " + base + " THEN 0 ELSE LEAST(" + bounds + ", " + div + ") END";
    }

    /**
     * The child of a row by binary search: child {@code i} is {@code bounds[i-1] <= key < bounds[i]}.
     *
     * @param column the key's order expression
     * @param param the order expression of a bound parameter
     * @param bounds the bounds, ascending
     * @param integer whether the bounds are numbers drm computed (inlined) rather than texts (bound)
     * @param params receives the bound parameters in the order they appear
     * @return the SQL expression
     */
    static String search(String column, String param, List<Object> bounds, boolean integer, List<Object> params) {
        StringBuilder sb = new StringBuilder();
        search(sb, column, param, bounds, integer, params, 0, bounds.size());
        return sb.toString();
    }

    /** Children {@code from..to} (inclusive). */
    private static void search(StringBuilder sb, String column, String param, List<Object> bounds, boolean integer,
            List<Object> params, int from, int to) {
        if (from == to) {
            sb.append(from);
            return;
        }
        int mid = (from + to + 1) / 2; // children from..mid-1 lie below bounds[mid-1]
        Object b = bounds.get(mid - 1);
        sb.append("CASE WHEN ").append(column).append(" < ");
        if (integer) {
            sb.append(((BigInteger) b).toString()); // a number drm computed: safe to inline
        } else {
            sb.append(param);
            params.add(b);
        }
        sb.append(" THEN ");
        search(sb, column, param, bounds, integer, params, from, mid - 1);
        sb.append(" ELSE ");
        search(sb, column, param, bounds, integer, params, mid, to);
        sb.append(" END");
    }
}
