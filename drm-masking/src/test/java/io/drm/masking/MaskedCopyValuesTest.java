package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.testing.DbKind;
import io.drm.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Unmasked values reach the target exactly: nulls, escapes, unicode, and (through COPY) PostgreSQL's types. */
final class MaskedCopyValuesTest {

    static final List<String> AWKWARD = Arrays.asList(
            "tab\there", "new\nline", "carriage\r\nreturn", "back\\slash \\N \\t \\\\", "\\N", "\\.", "",
            "'single' \"double\" `back`", "Zürich – 東京 – \uD83D\uDE00", "trailing space ", null,
            "comma,semicolon;pipe|", "x".repeat(150));

    static Stream<Arguments> pairs() {
        return Stream.of(Arguments.of(DbKind.POSTGRESQL, DbKind.POSTGRESQL), Arguments.of(DbKind.H2, DbKind.POSTGRESQL),
                Arguments.of(DbKind.POSTGRESQL, DbKind.MARIADB), Arguments.of(DbKind.MARIADB, DbKind.POSTGRESQL),
                Arguments.of(DbKind.H2, DbKind.H2));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void awkward_text_and_nulls_survive_exactly(DbKind from, DbKind to) throws SQLException {
        try (TestDatabase source = TestDatabase.create(from); TestDatabase target = TestDatabase.create(to)) {
            String ddl = "CREATE TABLE note (id INT PRIMARY KEY, body VARCHAR(200), secret VARCHAR(200))";
            source.execute(ddl);
            target.execute(ddl);
            insert(source, "INSERT INTO note VALUES (?, ?, ?)", AWKWARD.size(), i -> new Object[] {i, AWKWARD.get(i),
                AWKWARD.get(i)});
            MaskingRules rules = MaskingRules.builder().column("note", "secret", TestMaskers.token()).build();

            MaskedCopy.from(source.dataSource()).to(target.dataSource()).rules(rules).batchSize(5).build().run();

            assertThat(target.queryStrings("SELECT body FROM note ORDER BY id")).containsExactlyElementsOf(AWKWARD);
            assertThat(target.queryStrings("SELECT secret FROM note ORDER BY id")).containsExactlyElementsOf(
                    AWKWARD.stream().map(s -> s == null ? null : "t_" + TestMaskers.hmac(s)).toList());
        }
    }

    @Test
    void postgresql_types_survive_the_copy_protocol() throws SQLException {
        try (TestDatabase source = TestDatabase.create(DbKind.POSTGRESQL);
                TestDatabase target = TestDatabase.create(DbKind.POSTGRESQL)) {
            String ddl = "CREATE TABLE typed (id INT PRIMARY KEY, flag BOOLEAN, d DATE, ts TIMESTAMP, tz TIMESTAMPTZ,"
                    + " t TIME, n NUMERIC(30,10), f DOUBLE PRECISION, r REAL, big BIGINT, small SMALLINT, b BYTEA,"
                    + " u UUID, j JSONB, arr INT[], s TEXT)";
            source.execute(ddl);
            target.execute(ddl);
            source.execute("INSERT INTO typed VALUES"
                    + " (1, true, '2024-02-29', '2024-02-29 23:59:59.123456', '2024-06-01 12:00:00.5+02', '10:15:30.25',"
                    + " 12345678901234567890.0123456789, 1e-300, 3.4e38, 9223372036854775807, -32768,"
                    + " '\\x005c090aff'::bytea, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{\"a\": \"x\\ty\", \"b\": [1, 2]}',"
                    + " '{1,2,3}', 'ok'),"
                    + " (2, false, '0044-03-15 BC', '1900-01-01 00:00:00', '1970-01-01 00:00:00+00', '00:00:00',"
                    + " -0.0000000001, 'NaN', '-Infinity', -1, 0, ''::bytea, '00000000-0000-0000-0000-000000000000',"
                    + " '[]', '{}', E'tab\\there'),"
                    + " (3, NULL, 'infinity', '-infinity', 'infinity', NULL, NULL, 'Infinity', NULL, NULL, NULL, NULL,"
                    + " NULL, 'null', NULL, NULL)");
            MaskingRules rules = MaskingRules.builder().column("typed", "s", TestMaskers.token()).build();

            MaskedCopy.from(source.dataSource()).to(target.dataSource()).rules(rules).build().run();

            for (String column : List.of("flag", "d", "ts", "tz", "t", "n", "f", "r", "big", "small", "b", "u", "j",
                    "arr")) {
                String sql = "SELECT id || ':' || COALESCE(" + column + "::text, '<null>') FROM typed ORDER BY id";
                assertThat(target.queryStrings(sql)).as(column).isEqualTo(source.queryStrings(sql));
            }
            assertThat(target.queryStrings("SELECT s FROM typed ORDER BY id"))
                    .containsExactly("t_" + TestMaskers.hmac("ok"), "t_" + TestMaskers.hmac("tab\there"), null);
        }
    }

    static Stream<Arguments> uuidPairs() {
        return Stream.of(Arguments.of(DbKind.H2, DbKind.POSTGRESQL), Arguments.of(DbKind.H2, DbKind.H2),
                Arguments.of(DbKind.POSTGRESQL, DbKind.H2), Arguments.of(DbKind.POSTGRESQL, DbKind.POSTGRESQL),
                Arguments.of(DbKind.POSTGRESQL, DbKind.MARIADB), Arguments.of(DbKind.H2, DbKind.MARIADB));
    }

    /** A UUID is a UUID on every side: H2 reports its {@code UUID} as binary, PostgreSQL as {@code OTHER}. */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("uuidPairs")
    void uuids_survive_between_databases(DbKind from, DbKind to) throws SQLException {
        try (TestDatabase source = TestDatabase.create(from); TestDatabase target = TestDatabase.create(to)) {
            source.execute("CREATE TABLE device (id UUID PRIMARY KEY, owner UUID, label VARCHAR(40))");
            // MariaDB 10.7+ has a UUID type; CHAR(36) is what older servers and most schemas use
            target.execute(to == DbKind.MARIADB
                    ? "CREATE TABLE device (id UUID PRIMARY KEY, owner CHAR(36), label VARCHAR(40))"
                    : "CREATE TABLE device (id UUID PRIMARY KEY, owner UUID, label VARCHAR(40))");
            List<UUID> ids = List.of(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
                    UUID.fromString("00000000-0000-0000-0000-000000000000"),
                    UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"), UUID.randomUUID());
            insert(source, "INSERT INTO device VALUES (?, ?, ?)", ids.size(), i -> new Object[] {ids.get(i),
                i == 1 ? null : ids.get(ids.size() - 1 - i), "device " + i});
            MaskingRules rules = MaskingRules.builder().column("device", "label", TestMaskers.token()).build();

            MaskedCopy.from(source.dataSource()).to(target.dataSource()).rules(rules).batchSize(3).build().run();

            List<String> expected = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                expected.add(ids.get(i) + " " + (i == 1 ? null : ids.get(ids.size() - 1 - i)));
            }
            List<String> copied = new ArrayList<>();
            try (Connection c = target.dataSource().getConnection();
                    ResultSet rs = c.createStatement().executeQuery("SELECT id, owner FROM device")) {
                while (rs.next()) {
                    copied.add(rs.getString(1).toLowerCase(Locale.ROOT) + " "
                            + (rs.getString(2) == null ? null : rs.getString(2).toLowerCase(Locale.ROOT)));
                }
            }
            assertThat(copied).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    interface RowValues {
        Object[] at(int i);
    }

    static void insert(TestDatabase db, String sql, int rows, RowValues values) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < rows; i++) {
                Object[] v = values.at(i);
                for (int j = 0; j < v.length; j++) {
                    ps.setObject(j + 1, v[j]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
