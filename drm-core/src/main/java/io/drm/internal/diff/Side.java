package io.drm.internal.diff;

import io.drm.DiffFailedException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import javax.sql.DataSource;

/**
 * One side of a table diff: its data source, table shape, and the SQL it runs (segment checksums,
 * key samples, row hashes), all with the same canonical row text.
 */
final class Side {

    /** A segment's checksum: row count, sum of 60-bit row hashes, and for integer keys the key range. */
    record Checksum(long count, BigInteger sum, BigInteger min, BigInteger max) {
    }

    /** A row as fetched for the row-by-row comparison: key and row hash. */
    record Row(List<Object> key, String hash) {
    }

    private final DataSource dataSource;
    private final TableShape shape;
    private final List<TableShape.Column> keys;
    private final String hash60;
    private final String md5;
    private final ValueClass firstClass;
    private final boolean rangeScans;

    /**
     * A side; with {@code rangeScans} (PostgreSQL, see {@link DiffSetup#rangeScansFit}) its
     * equal-width children are each read by a range scan of an index on the first key column, rather
     * than by one scan of the parent with the rows grouped by child.
     */
    Side(DataSource dataSource, TableShape shape, List<TableShape.Column> keys, List<TableShape.Column> compared,
            boolean nativeHash, boolean rangeScans) {
        this.rangeScans = rangeScans;
        this.dataSource = dataSource;
        this.shape = shape;
        this.keys = List.copyOf(keys);
        List<ValueClass> classes = new ArrayList<>();
        List<String> cols = new ArrayList<>();
        for (TableShape.Column c : keys) {
            classes.add(c.cls());
            cols.add(c.quoted());
        }
        for (TableShape.Column c : compared) {
            classes.add(c.cls());
            cols.add(c.quoted());
        }
        if (nativeHash) {
            // Both sides PostgreSQL with the same column types: its own per-type hashes, keyed by the row's key.
            String hash = NativeHash.row(keys, compared);
            this.hash60 = hash;
            this.md5 = "CAST(" + hash + " AS TEXT)";
        } else {
            String row = Canonical.row(shape.kind(), classes, cols);
            this.hash60 = Canonical.hash60(shape.kind(), row);
            this.md5 = Canonical.md5Hex(shape.kind(), row);
        }
        this.firstClass = keys.get(0).cls();
    }

    String describe() {
        return shape.side() + " table " + shape.name() + " (" + shape.kind().label() + ")";
    }

    Checksum checksum(Segment segment) {
        boolean integer = firstClass == ValueClass.INTEGER;
        String first = keys.get(0).quoted();
        String sql = "SELECT COUNT(*), SUM(" + hash60 + ")" + (integer ? ", MIN(" + first + "), MAX(" + first + ")" : "")
                + " FROM " + shape.quotedName() + where(segment);
        return query(sql, segment, rs -> {
            rs.next();
            BigDecimal sum = rs.getBigDecimal(2);
            return new Checksum(rs.getLong(1), sum == null ? BigInteger.ZERO : sum.toBigInteger(),
                    integer ? big(rs.getBigDecimal(3)) : null, integer ? big(rs.getBigDecimal(4)) : null);
        });
    }

    /**
     * The checksums of a segment's children, in one query (one scan of the segment): child
     * {@code i} is {@code bounds[i-1] <= key < bounds[i]}, the first and last open towards the
     * parent's bounds. With a {@code step}, the bounds are {@code base + i * step} and each row's
     * child is computed by arithmetic; otherwise by a binary search over the bounds in SQL.
     */
    List<Checksum> checksums(Segment parent, List<Object> bounds, BigInteger base, BigInteger step) {
        boolean integer = firstClass == ValueClass.INTEGER;
        TableShape.Column k = keys.get(0);
        if (step != null && rangeScans) {
            return rangeChecksums(parent, bounds.size(), base, step);
        }
        List<Object> params = new ArrayList<>();
        String bucket;
        if (step != null) {
            bucket = Buckets.arithmetic(shape.kind(), k.quoted(), base, step, bounds.size());
        } else {
            String col = Canonical.order(shape.kind(), k.cls(), k.quoted(), false);
            String param = Canonical.order(shape.kind(), k.cls(), "?", true);
            bucket = Buckets.search(col, param, bounds, integer, params);
        }
        if (parent.lo() != null) {
            params.add(parent.lo());
        }
        if (parent.hi() != null) {
            params.add(parent.hi());
        }
        // Equal-width children know their key range without MIN/MAX: two aggregates less per row.
        boolean range = integer && step == null;
        String first = k.quoted();
        String sql = "SELECT b, COUNT(*), SUM(h)" + (range ? ", MIN(k), MAX(k)" : "") + " FROM (SELECT " + bucket
                + " AS b, " + hash60 + " AS h" + (range ? ", " + first + " AS k" : "") + " FROM " + shape.quotedName()
                + where(parent) + ") x GROUP BY b";
        return query(sql, params, rs -> {
            List<Checksum> out = new ArrayList<>();
            for (int i = 0; i <= bounds.size(); i++) {
                out.add(new Checksum(0, BigInteger.ZERO, null, null));
            }
            while (rs.next()) {
                int b = rs.getInt(1);
                BigDecimal sum = rs.getBigDecimal(3);
                BigInteger min = null;
                BigInteger max = null;
                if (range) {
                    min = big(rs.getBigDecimal(4));
                    max = big(rs.getBigDecimal(5));
                } else if (step != null) {
                    min = base.add(step.multiply(BigInteger.valueOf(b)));
                    max = min.add(step).subtract(BigInteger.ONE);
                }
                out.set(b, new Checksum(rs.getLong(2), sum == null ? BigInteger.ZERO : sum.toBigInteger(), min, max));
            }
            return out;
        });
    }

    /**
     * The checksums of equal-width children {@code base + i * step}, each read by its own range scan
     * of the key's index inside one query (PostgreSQL): no grouping of the parent's rows, which costs
     * more per row than the index scans do when the rows are stored in key order. The first and last
     * child are open towards the parent's bounds, as in {@link Buckets#arithmetic}.
     */
    private List<Checksum> rangeChecksums(Segment parent, int lastChild, BigInteger base, BigInteger step) {
        String k = keys.get(0).quoted();
        String i = "drm_diff_children.i";
        String lo = parent.lo() == null ? "CAST('" + Long.MIN_VALUE + "' AS BIGINT)" : parent.lo().toString();
        String hi = parent.hi() == null ? "CAST('" + Long.MAX_VALUE + "' AS BIGINT)"
                : ((BigInteger) parent.hi()).subtract(BigInteger.ONE).toString();
        String from = "CASE WHEN " + i + " = 0 THEN " + lo + " ELSE CAST(" + base + " AS BIGINT) + CAST(" + i
                + " AS BIGINT) * " + step + " END";
        String to = "CASE WHEN " + i + " = " + lastChild + " THEN " + hi + " ELSE CAST(" + base + " AS BIGINT) + CAST("
                + i + " + 1 AS BIGINT) * " + step + " - 1 END";
        String sql = "SELECT " + i + ", x.n, x.s FROM generate_series(0, " + lastChild + ") AS drm_diff_children(i)"
                + " CROSS JOIN LATERAL (SELECT COUNT(*) AS n, SUM(" + hash60 + ") AS s FROM " + shape.quotedName()
                + " WHERE " + k + " >= " + from + " AND " + k + " <= " + to + " AND " + k + " >= " + lo + " AND " + k
                + " <= " + hi + ") AS x";
        return query(sql, List.of(), rs -> {
            List<Checksum> out = new ArrayList<>(lastChild + 1);
            while (rs.next()) {
                int b = rs.getInt(1);
                long count = rs.getLong(2);
                BigDecimal sum = rs.getBigDecimal(3);
                BigInteger min = base.add(step.multiply(BigInteger.valueOf(b)));
                // An empty child has no key range, as when the rows are grouped.
                out.add(count == 0 ? new Checksum(0, BigInteger.ZERO, null, null)
                        : new Checksum(count, sum == null ? BigInteger.ZERO : sum.toBigInteger(), min,
                                min.add(step).subtract(BigInteger.ONE)));
            }
            if (out.size() != lastChild + 1) {
                throw new DiffFailedException("the table diff read " + out.size() + " segment checksums of the "
                        + describe() + " where it expected " + (lastChild + 1) + "; nothing was changed.");
            }
            return out;
        });
    }

    /** The first key column's minimum and maximum (integer keys only), with a zero count. */
    Checksum bounds() {
        String first = keys.get(0).quoted();
        return query("SELECT MIN(" + first + "), MAX(" + first + ") FROM " + shape.quotedName(), new Segment(null, null, 0),
                rs -> {
                    rs.next();
                    return new Checksum(0, BigInteger.ZERO, big(rs.getBigDecimal(1)), big(rs.getBigDecimal(2)));
                });
    }

    /** Every {@code step}-th canonical key text of the segment, in key order (text keys only). */
    List<String> sample(Segment segment, long step) {
        TableShape.Column k = keys.get(0);
        String text = Canonical.text(shape.kind(), k.cls(), k.quoted());
        String order = Canonical.order(shape.kind(), k.cls(), k.quoted(), false);
        String sql = "SELECT kt FROM (SELECT " + text + " AS kt, ROW_NUMBER() OVER (ORDER BY " + order + ") AS rn FROM "
                + shape.quotedName() + where(segment) + ") y WHERE MOD(rn, " + step + ") = 0";
        return query(sql, segment, rs -> {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        });
    }

    List<Row> rows(Segment segment) {
        StringJoiner select = new StringJoiner(", ", "SELECT ", ", " + md5 + " FROM ");
        for (TableShape.Column k : keys) {
            select.add(k.cls() == ValueClass.INTEGER ? k.quoted() : Canonical.text(shape.kind(), k.cls(), k.quoted()));
        }
        String sql = select + shape.quotedName() + where(segment);
        return query(sql, segment, rs -> {
            List<Row> out = new ArrayList<>();
            while (rs.next()) {
                List<Object> key = new ArrayList<>(keys.size());
                for (int i = 0; i < keys.size(); i++) {
                    key.add(keys.get(i).cls() == ValueClass.INTEGER ? keyNumber(rs.getBigDecimal(i + 1))
                            : rs.getString(i + 1));
                }
                out.add(new Row(key, rs.getString(keys.size() + 1)));
            }
            return out;
        });
    }

    private String where(Segment s) {
        if (s.lo() == null && s.hi() == null) {
            return "";
        }
        TableShape.Column k = keys.get(0);
        String col = Canonical.order(shape.kind(), k.cls(), k.quoted(), false);
        String param = Canonical.order(shape.kind(), k.cls(), "?", true);
        StringJoiner j = new StringJoiner(" AND ", " WHERE ", "");
        if (s.lo() != null) {
            j.add(col + " >= " + param);
        }
        if (s.hi() != null) {
            j.add(col + " < " + param);
        }
        return j.toString();
    }

    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, Segment segment, Reader<T> reader) {
        List<Object> params = new ArrayList<>();
        if (segment.lo() != null) {
            params.add(segment.lo());
        }
        if (segment.hi() != null) {
            params.add(segment.hi());
        }
        return query(sql, params, reader);
    }

    private <T> T query(String sql, List<Object> params, Reader<T> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Object bound : params) {
                if (bound instanceof BigInteger b) {
                    if (b.bitLength() < 64) {
                        ps.setLong(i++, b.longValue());
                    } else {
                        ps.setBigDecimal(i++, new BigDecimal(b));
                    }
                } else if (bound != null) {
                    ps.setString(i++, (String) bound);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new DiffFailedException("the table diff could not read the " + describe() + ": " + e.getMessage()
                    + ". Check that the database is reachable and the user may read the table.", e);
        }
    }

    private static BigInteger big(BigDecimal d) {
        return d == null ? null : d.toBigInteger();
    }

    static Object keyNumber(BigDecimal d) {
        if (d == null) {
            return null;
        }
        BigInteger b = d.toBigInteger();
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }
}
