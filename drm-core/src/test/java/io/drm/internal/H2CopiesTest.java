package io.drm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.internal.sql.Dialect;
import io.drm.internal.sql.SqlStatement;
import io.drm.internal.sql.StatementClassifier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The state an H2 process killed inside {@code ALTER TABLE} leaves (H2's copy of the table next to
 * the original, or only the copy), put back by recovery; tables that existed before the statement
 * are left alone.
 */
final class H2CopiesTest {

    private static Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:h2copies-" + UUID.randomUUID(), "sa", "");
    }

    private static String watch(Connection c, String sql) throws SQLException {
        return H2Copies.watch(c, DatabaseKind.H2,
                StatementClassifier.classify(new SqlStatement(sql, 1, 0), Dialect.of(DatabaseKind.H2)));
    }

    private static int session(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT SESSION_ID()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM"
                + " INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void a_copy_left_next_to_the_original_is_dropped_and_older_lookalikes_are_kept() throws SQLException {
        try (Connection c = open(); Statement st = c.createStatement()) {
            int sid = session(c);
            st.execute("CREATE TABLE base (id INT PRIMARY KEY, a VARCHAR(10))");
            st.execute("INSERT INTO base VALUES (1, 'x')");
            // a user's table that merely looks like an H2 copy, there before the statement
            st.execute("CREATE TABLE \"BASE_COPY_" + sid + "_3\" (id INT)");
            String record = watch(c, "ALTER TABLE base ADD c VARCHAR(10)");
            assertThat(record).startsWith(sid + "\nBASE\t").contains("BASE_COPY_" + sid + "_3");
            // what H2 had done when the process died: the copy created, the original not yet dropped
            st.execute("CREATE TABLE \"BASE_COPY_" + sid + "_4\" AS SELECT id, a, CAST(NULL AS VARCHAR(10)) c FROM base");

            List<String> repaired = H2Copies.repair(c, List.of(record));

            assertThat(repaired).singleElement().asString().startsWith("dropped BASE_COPY_" + sid + "_4");
            assertThat(tables(c)).containsExactly("BASE", "BASE_COPY_" + sid + "_3");
        }
    }

    @Test
    void a_copy_whose_original_was_dropped_takes_its_name() throws SQLException {
        try (Connection c = open(); Statement st = c.createStatement()) {
            int sid = session(c);
            st.execute("CREATE TABLE base (id INT PRIMARY KEY, a VARCHAR(10))");
            st.execute("INSERT INTO base VALUES (1, 'x')");
            String record = watch(c, "ALTER TABLE base ADD c VARCHAR(10)");
            st.execute("CREATE TABLE \"BASE_COPY_" + sid + "_0\" AS SELECT id, a, CAST(NULL AS VARCHAR(10)) c FROM base");
            st.execute("DROP TABLE base");

            List<String> repaired = H2Copies.repair(c, List.of(record));

            assertThat(repaired).singleElement().asString().startsWith("renamed BASE_COPY_" + sid + "_0 to BASE");
            assertThat(tables(c)).containsExactly("BASE");
            try (ResultSet rs = st.executeQuery("SELECT a, c FROM base WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("x");
            }
        }
    }

    @Test
    void a_finished_statement_leaves_nothing_to_repair() throws SQLException {
        try (Connection c = open(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE base (id INT PRIMARY KEY, a VARCHAR(10))");
            String record = watch(c, "ALTER TABLE base ADD c VARCHAR(10)");
            st.execute("ALTER TABLE base ADD c VARCHAR(10)");

            assertThat(H2Copies.repair(c, List.of(record))).isEmpty();
            assertThat(tables(c)).containsExactly("BASE");
        }
    }

    @Test
    void statements_that_rewrite_no_table_and_other_databases_are_not_watched() throws SQLException {
        try (Connection c = open(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE base (id INT PRIMARY KEY)");
            assertThat(watch(c, "INSERT INTO base VALUES (1)")).isNull();
            assertThat(watch(c, "CREATE TABLE other (id INT)")).isNull();
            assertThat(H2Copies.watch(c, DatabaseKind.POSTGRESQL, StatementClassifier.classify(
                    new SqlStatement("ALTER TABLE base ADD c INT", 1, 0), Dialect.of(DatabaseKind.POSTGRESQL)))).isNull();
        }
    }
}
