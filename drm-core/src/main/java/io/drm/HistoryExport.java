package io.drm;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Writes Flyway's {@code flyway_schema_history} as CSV, the export the offline check compares the
 * locations with ({@link OfflineCheck#historyExport(Path)}): a header row, then one row per history
 * row in rank order, fields quoted when they hold a comma, quote or line break.
 *
 * <pre>{@code
 * HistoryExport.write(productionReadOnlyDataSource, Path.of("ops/prod-history.csv"));
 * }</pre>
 */
public final class HistoryExport {

    private static final String[] COLUMNS = {"installed_rank", "version", "description", "type", "script",
        "checksum", "installed_by", "installed_on", "execution_time", "success"};

    private HistoryExport() {
    }

    /**
     * Exports the history of the data source's current schema.
     *
     * @param dataSource the database (read only)
     * @param file the CSV file to write (replaced)
     * @return how many rows were written
     * @throws LedgerException if the history cannot be read
     * @throws HistoryExportException if the file cannot be written
     */
    public static int write(DataSource dataSource, Path file) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(file, "file");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            String q = c.getMetaData().getIdentifierQuoteString().strip();
            StringBuilder sql = new StringBuilder("SELECT ");
            for (int i = 0; i < COLUMNS.length; i++) {
                sql.append(i == 0 ? "" : ", ").append(q).append(COLUMNS[i]).append(q);
            }
            sql.append(" FROM ").append(q).append("flyway_schema_history").append(q).append(" ORDER BY ").append(q)
                    .append("installed_rank").append(q);
            int rows = 0;
            try (ResultSet rs = st.executeQuery(sql.toString());
                    Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write(String.join(",", COLUMNS) + "\n");
                while (rs.next()) {
                    for (int i = 1; i <= COLUMNS.length; i++) {
                        out.write((i == 1 ? "" : ",") + csv(rs.getString(i)));
                    }
                    out.write("\n");
                    rows++;
                }
            } catch (IOException e) {
                throw new HistoryExportException("cannot write the history export " + file + ": " + e.getMessage()
                        + ". Check the directory exists and is writable.", e);
            }
            return rows;
        } catch (SQLException e) {
            throw new LedgerException("cannot read flyway_schema_history for the export: " + e.getMessage()
                    + " (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
