package io.drm;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Table diff against brute force on generated tables (jqwik, with shrinking), on embedded H2 so
 * each try is cheap; {@code TableDiffPropertyTest} runs fixed-seed random tables over every pairing
 * of H2, PostgreSQL and MariaDB.
 */
final class TableDiffGeneratedTablesTest {

    private static final String NAME = "drm_p_" + UUID.randomUUID().toString().replace("-", "");
    private static final JdbcDataSource DS = new JdbcDataSource();
    private static final AtomicInteger TABLES = new AtomicInteger();

    static {
        DS.setURL("jdbc:h2:mem:" + NAME + ";DB_CLOSE_DELAY=-1");
        DS.setUser("sa");
        DS.setPassword("");
    }

    @AfterContainer
    static void shutdown() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + NAME, "sa", "");
                Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        }
    }

    @Provide
    Arbitrary<Map<Long, String>> tables() {
        Arbitrary<Long> keys = Arbitraries.oneOf(Arbitraries.longs().between(-50, 50),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1, 0L),
                Arbitraries.longs());
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(6)
                .withChars("aé日ü '|V:N".toCharArray()), Arbitraries.just(null), Arbitraries.just(""));
        return Arbitraries.maps(keys, values).ofMaxSize(60).map(TreeMap::new);
    }

    @Property(tries = 40)
    void diff_equals_brute_force(@ForAll("tables") Map<Long, String> source, @ForAll("tables") Map<Long, String> target,
            @ForAll("knobs") int[] knobs) throws SQLException {
        String a = "ta_" + TABLES.incrementAndGet();
        String b = "tb_" + TABLES.get();
        load(a, source);
        load(b, target);

        DiffReport report = TableDiff.within(DS).tables(a, b).key("id").segments(knobs[0]).rowThreshold(knobs[1])
                .parallelism(2).run();

        List<List<Object>> added = new ArrayList<>();
        List<List<Object>> removed = new ArrayList<>();
        List<List<Object>> changed = new ArrayList<>();
        for (var e : new TreeMap<>(source).entrySet()) {
            if (!target.containsKey(e.getKey())) {
                removed.add(List.of(e.getKey()));
            } else if (!Objects.equals(target.get(e.getKey()), e.getValue())) {
                changed.add(List.of(e.getKey()));
            }
        }
        for (Long k : new TreeMap<>(target).keySet()) {
            if (!source.containsKey(k)) {
                added.add(List.of(k));
            }
        }
        assertThat(report.added()).isEqualTo(added);
        assertThat(report.removed()).isEqualTo(removed);
        assertThat(report.changed()).isEqualTo(changed);
        assertThat(report.rowsCompared()).isEqualTo(source.size() + added.size());
    }

    @Provide
    Arbitrary<int[]> knobs() {
        return Combinators.combine(Arbitraries.integers().between(2, 8), Arbitraries.integers().between(1, 10))
                .as((s, t) -> new int[] {s, t});
    }

    private static void load(String table, Map<Long, String> rows) throws SQLException {
        try (Connection c = DS.getConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, v VARCHAR(20))");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
                for (var e : rows.entrySet()) {
                    ps.setLong(1, e.getKey());
                    ps.setString(2, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }
}
