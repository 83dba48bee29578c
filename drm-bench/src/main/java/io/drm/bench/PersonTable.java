package io.drm.bench;

import io.drm.masking.Maskers;
import io.drm.masking.MaskingRules;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The table the masking benchmarks copy: {@code person} with 6 columns, 4 of them masked: by
 * default a national id ({@code ddd-dd-dddd}, encrypted with FF1 over its digits), an e-mail, a
 * card number and a name; with {@code maskKey}, the primary key itself (nine digits, FF1) instead
 * of the national id. Rows are generated in the database itself.
 */
final class PersonTable {

    static final String DDL = "CREATE TABLE person (id VARCHAR(12) PRIMARY KEY, national_id VARCHAR(11),"
            + " email VARCHAR(100), card VARCHAR(19), name VARCHAR(100), city VARCHAR(60))";
    static final String COLUMNS = "id, national_id, email, card, name, city";
    private static final byte[] KEY = "drm-bench masking key, 32 bytes!".getBytes(StandardCharsets.US_ASCII);

    private PersonTable() {
    }

    /**
     * @param maskKey whether to mask the primary key rather than the national id
     * @return the rules: the id by FF1 over digits, e-mail, card (every digit but the check digit encrypted), full name
     */
    static MaskingRules rules(boolean maskKey) {
        return MaskingRules.builder()
                .column("person", maskKey ? "id" : "national_id", Maskers.fpe(KEY, "0123456789"))
                .column("person", "email", Maskers.email(KEY, null))
                .column("person", "card", Maskers.paymentCard(KEY, false))
                .column("person", "name", Maskers.fullName(KEY))
                .build();
    }

    /**
     * Creates {@code person} (and {@code person_warm} with the same shape) in a database.
     *
     * @param ds the database
     * @throws SQLException if it fails
     */
    static void create(DataSource ds) throws SQLException {
        execute(ds, DDL);
        execute(ds, DDL.replace("person ", "person_warm "));
    }

    /**
     * Fills a table with generated rows.
     *
     * @param ds the database
     * @param postgres whether it is PostgreSQL (else H2)
     * @param table {@code person} or {@code person_warm}
     * @param rows how many
     * @throws SQLException if it fails
     */
    static void fill(DataSource ds, boolean postgres, String table, long rows) throws SQLException {
        String sql = postgres
                ? "INSERT INTO " + table + " SELECT (100000000 + x)::text,"
                        + " substr(n, 1, 3) || '-' || substr(n, 4, 2) || '-' || substr(n, 6, 4),"
                        + " 'user' || x || '@corp.example',"
                        + " '4' || lpad(((x::bigint * 7919) % 1000000000000000)::text, 15, '0'),"
                        + " 'Given' || (x % 997) || ' Family' || (x % 991), 'City ' || (x % 100)"
                        + " FROM (SELECT x, lpad(((x::bigint * 104729) % 1000000000)::text, 9, '0') AS n"
                        + " FROM generate_series(1, " + rows + ") AS x) AS g"
                : "INSERT INTO " + table + " SELECT CAST(100000000 + X AS VARCHAR),"
                        + " SUBSTRING(N, 1, 3) || '-' || SUBSTRING(N, 4, 2) || '-' || SUBSTRING(N, 6, 4),"
                        + " 'user' || X || '@corp.example',"
                        + " '4' || LPAD(CAST(MOD(X * 7919, 1000000000000000) AS VARCHAR), 15, '0'),"
                        + " 'Given' || MOD(X, 997) || ' Family' || MOD(X, 991), 'City ' || MOD(X, 100)"
                        + " FROM (SELECT X, LPAD(CAST(MOD(X * 104729, 1000000000) AS VARCHAR), 9, '0') AS N"
                        + " FROM SYSTEM_RANGE(1, " + rows + "))";
        execute(ds, sql);
        if (postgres) {
            execute(ds, "ANALYZE " + table);
        }
    }

    /**
     * The plain JDBC copy a user would write: stream the rows with a fetch size, insert them with a
     * prepared statement as JDBC batches, commit each batch.
     *
     * @param source the source
     * @param target the target
     * @param table the table
     * @param batchSize rows per batch and fetch
     * @return the rows copied
     * @throws SQLException if it fails
     */
    static long jdbcCopy(DataSource source, DataSource target, String table, int batchSize) throws SQLException {
        long rows = 0;
        try (Connection src = source.getConnection(); Connection dst = target.getConnection()) {
            src.setAutoCommit(false);
            dst.setAutoCommit(false);
            try (PreparedStatement select = src.prepareStatement("SELECT " + COLUMNS + " FROM " + table);
                    PreparedStatement insert = dst.prepareStatement("INSERT INTO " + table + " (" + COLUMNS
                            + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                select.setFetchSize(batchSize);
                try (ResultSet rs = select.executeQuery()) {
                    int inBatch = 0;
                    while (rs.next()) {
                        for (int i = 1; i <= 6; i++) {
                            insert.setObject(i, rs.getObject(i));
                        }
                        insert.addBatch();
                        rows++;
                        if (++inBatch == batchSize) {
                            insert.executeBatch();
                            dst.commit();
                            inBatch = 0;
                        }
                    }
                    if (inBatch > 0) {
                        insert.executeBatch();
                        dst.commit();
                    }
                }
            }
            src.commit();
        }
        return rows;
    }

    /**
     * @param ds a database
     * @param table a table
     * @return its rows
     * @throws SQLException if it fails
     */
    static long count(DataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
