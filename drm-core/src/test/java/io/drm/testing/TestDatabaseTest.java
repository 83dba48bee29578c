package io.drm.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.api.Test;

/** The test helpers never turn a missing server or a broken setup into a pass. */
final class TestDatabaseTest {

    @Test
    void a_required_run_cannot_drop_a_database_from_the_selection() {
        assertThatThrownBy(() -> TestDatabase.selectedKinds("h2", true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("omit", "POSTGRESQL", "MARIADB", "DRM_REQUIRE_DBS=1");
        assertThatThrownBy(() -> TestDatabase.selectedKinds("h2,postgresql", true))
                .hasMessageContaining("[MARIADB]");
        assertThat(TestDatabase.selectedKinds("mariadb, h2,postgresql", true))
                .containsExactly(DbKind.MARIADB, DbKind.H2, DbKind.POSTGRESQL);
    }

    @Test
    void an_unrequired_run_may_select_a_subset() {
        assertThat(TestDatabase.selectedKinds("h2", false)).containsExactly(DbKind.H2);
    }

    @Test
    void tests_that_need_a_server_run_once_per_server_whatever_the_selection() {
        assertThat(TestDatabase.serverKinds()).containsExactly(DbKind.POSTGRESQL, DbKind.MARIADB);
    }

    @Test
    void a_closed_port_is_a_failure_to_connect() {
        SQLException pg = connect("jdbc:postgresql://127.0.0.1:1/test?connectTimeout=5", "postgres");
        SQLException maria = connect("jdbc:mariadb://127.0.0.1:1/test?connectTimeout=5000", "root");
        assertThat(TestDatabase.cannotConnect(pg)).as(pg.toString()).isTrue();
        assertThat(TestDatabase.cannotConnect(maria)).as(maria.toString()).isTrue();
        assertThat(TestDatabase.cannotConnect(new SQLException("link failure", "08S01"))).isTrue();
    }

    @Test
    void a_syntax_or_permission_error_is_not_a_failure_to_connect() throws Exception {
        SQLException syntax;
        try (var c = DriverManager.getConnection("jdbc:h2:mem:syntax", "sa", ""); var st = c.createStatement()) {
            syntax = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> st.execute("CREATE SCHEMAX nonsense"));
        }
        assertThat(TestDatabase.cannotConnect(syntax)).as(syntax.toString()).isFalse();
        assertThat(TestDatabase.cannotConnect(new SQLSyntaxErrorException("bad", "42601"))).isFalse();
        assertThat(TestDatabase.cannotConnect(new SQLException("permission denied for database test", "42501")))
                .isFalse();
    }

    private static SQLException connect(String url, String user) {
        return org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                () -> DriverManager.getConnection(url, user, "").close());
    }
}
