package io.drm.masking.internal;

import io.drm.masking.ColumnClassification;
import io.drm.masking.UnsafeIdentifierException;
import java.sql.Connection;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the schema, samples the first rows of each table with one {@code SELECT ... LIMIT n} per
 * table (valid on H2, PostgreSQL and MariaDB), and classifies every column. Values are looked at one
 * at a time and forgotten; none is logged or kept.
 */
public final class ColumnSampler {

    private static final Logger LOG = LoggerFactory.getLogger(ColumnSampler.class);

    private final int sampleSize;
    private final double threshold;
    private final PersonNames names;

    /**
     * @param sampleSize the most rows read from each table (0 reads none: names only)
     * @param threshold the least fraction of matching values that counts
     * @param names the person names to know names by
     */
    public ColumnSampler(int sampleSize, double threshold, PersonNames names) {
        this.sampleSize = sampleSize;
        this.threshold = threshold;
        this.names = names;
    }

    /**
     * @param dataSource the database; its current schema (or MariaDB database) is classified
     * @return every column of every table, by table then column order
     */
    public List<ColumnClassification> classify(DataSource dataSource) {
        List<ColumnClassification> out = new ArrayList<>();
        try (Connection c = DbFailures.connect(dataSource, "to classify its columns")) {
            SchemaReader.Catalog catalog = SchemaReader.readCatalog(c, "classify its columns");
            for (SchemaReader.TableInfo table : new TreeMap<>(catalog.schema().tables()).values()) {
                out.addAll(classify(c, catalog.names(), table));
            }
        } catch (SQLException e) {
            throw DbFailures.metadata("closing the connection used to classify columns", e);
        }
        long sensitive = out.stream().filter(ColumnClassification::sensitive).count();
        LOG.info("classified {} columns: {} sensitive", out.size(), sensitive);
        return out;
    }

    private List<ColumnClassification> classify(Connection c, SqlNames sql, SchemaReader.TableInfo table) {
        List<ColumnEvidence> evidence = new ArrayList<>();
        List<Integer> sampledColumns = new ArrayList<>();
        StringBuilder select = new StringBuilder("SELECT ");
        boolean tableSafe = safe(sql, table.name());
        for (SchemaReader.ColumnInfo column : table.columns()) {
            evidence.add(new ColumnEvidence(table.name(), column.name(), column.type(), names));
            if (tableSafe && sampled(column) && safe(sql, column.name())) {
                select.append(sampledColumns.isEmpty() ? "" : ", ").append(sql.quote(column.name()));
                sampledColumns.add(evidence.size() - 1);
            }
        }
        if (!tableSafe) {
            LOG.warn("table {} has a name that cannot be quoted safely; its columns are classified by name only",
                    table.name());
        }
        if (!sampledColumns.isEmpty() && sampleSize > 0) {
            select.append(" FROM ").append(sql.quote(table.name())).append(" LIMIT ").append(sampleSize);
            int rows = 0;
            try (Statement st = c.createStatement()) {
                st.setMaxRows(sampleSize);
                st.setFetchSize(Math.min(sampleSize, 500));
                try (ResultSet rs = st.executeQuery(select.toString())) {
                    while (rs.next()) {
                        rows++;
                        for (int i = 0; i < sampledColumns.size(); i++) {
                            evidence.get(sampledColumns.get(i)).add(rs.getString(i + 1));
                        }
                    }
                }
            } catch (SQLException e) {
                throw DbFailures.rows("sampling table " + table.name() + " to classify its columns", e);
            }
            LOG.debug("sampled {} rows of table {} ({} columns)", rows, table.name(), sampledColumns.size());
        }
        List<ColumnClassification> out = new ArrayList<>();
        for (ColumnEvidence e : evidence) {
            out.add(e.classify(threshold));
        }
        return out;
    }

    private static boolean safe(SqlNames sql, String name) {
        try {
            sql.check(name);
            return true;
        } catch (UnsafeIdentifierException e) {
            return false;
        }
    }

    /** Text of any kind, and whole numbers wide enough to hold a card number. */
    static boolean sampled(SchemaReader.ColumnInfo column) {
        JDBCType type = column.type();
        if (NameHint.TypeGroup.of(type).orElse(null) == NameHint.TypeGroup.TEXT) {
            return true;
        }
        return type == JDBCType.BIGINT
                || ((type == JDBCType.NUMERIC || type == JDBCType.DECIMAL) && column.scale() == 0 && column.size() >= 13);
    }
}
