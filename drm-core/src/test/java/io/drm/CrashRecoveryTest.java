package io.drm;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.SchemaFingerprint;
import io.drm.testing.StartupMain;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A releasing JVM killed with SIGKILL at random points (20 trials on PostgreSQL, 10 on MariaDB, 10 on
 * H2 in file mode, a separate JVM each): the next start always converges to the state of an
 * uninterrupted run, and no release is left RUNNING. Every third trial is killed at a known point
 * instead, held after it took the lock and recorded {@code release.started}, so that some trials are
 * killed mid-release however the machine's load stretches or shrinks the random ones. Runs in drm-core's {@code crash} profile
 * ({@code mvn -B -pl drm-core -Pcrash verify}), which {@code .ci/run} runs.
 */
@Tag("crash")
final class CrashRecoveryTest {

    @TempDir
    Path dir;

    static Stream<DbKind> kinds() {
        return TestDatabase.enabledKinds();
    }

    private static int trials(DbKind kind) {
        return kind == DbKind.POSTGRESQL ? 20 : 10;
    }

    /** A first release, then a second one with many statements, snapshots and a DROP COLUMN. */
    private static Migrations workload(Path dir) {
        StringBuilder base = new StringBuilder("CREATE TABLE base (id INT PRIMARY KEY, a VARCHAR(20), b VARCHAR(20));\n");
        for (int i = 1; i <= 50; i++) {
            base.append("INSERT INTO base (id, a, b) VALUES (").append(i).append(", 'a").append(i).append("', 'b")
                    .append(i).append("');\n");
        }
        return Migrations.in(dir).add("V1__base.sql", base.toString());
    }

    private static void secondRelease(Migrations m) {
        for (int v = 2; v <= 25; v++) {
            StringBuilder s = new StringBuilder("CREATE TABLE t" + v + " (id INT PRIMARY KEY, v VARCHAR(20));\n");
            for (int i = 1; i <= 25; i++) {
                s.append("INSERT INTO t").append(v).append(" (id, v) VALUES (").append(i).append(", 'x").append(i)
                        .append("');\n");
            }
            s.append("ALTER TABLE base ADD c").append(v).append(" VARCHAR(10);\n");
            s.append("UPDATE base SET a = 'u").append(v).append("';\n");
            if (v == 13) {
                s.append("ALTER TABLE base DROP COLUMN b;\n");
            }
            m.add("V" + v + "__step_" + v + ".sql", s.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void a_killed_release_converges_on_the_next_start(DbKind kind) throws Exception {
        Migrations m = workload(dir.resolve("m"));
        secondRelease(m.add("V1__base.sql", workloadBase()));
        List<String> expected;
        try (Target reference = Target.create(kind, dir.resolve("ref"))) {
            DataRelease.plan(reference.dataSource(), m.location()).apply();
            expected = SchemaFingerprint.of(reference.dataSource(), kind);
        }
        long full = -1;
        Random random = new Random(20261207L + kind.ordinal());
        int killedMidway = 0;
        for (int trial = 0; trial < trials(kind); trial++) {
            try (Target db = Target.create(kind, dir.resolve("trial" + trial))) {
                Migrations first = workload(dir.resolve("first" + trial));
                DataRelease.plan(db.dataSource(), first.location()).apply();
                db.closePool();
                boolean held = trial % 3 == 2;
                if (full < 0) {
                    // the first trial measures an uninterrupted run, then runs again to be killed
                    long started = System.nanoTime();
                    Process measured = startChild(db, m);
                    assertThat(measured.waitFor(120, TimeUnit.SECONDS)).isTrue();
                    full = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    measured.destroyForcibly();
                    db.reset(kind, first);
                }
                long killAt = (long) (full * (0.2 + 0.8 * random.nextDouble()));
                boolean finished;
                Process p;
                if (held) {
                    p = startHeldChild(db, m);
                    finished = !awaitHeld(p);
                } else {
                    p = startChild(db, m);
                    finished = p.waitFor(killAt, TimeUnit.MILLISECONDS);
                }
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                if (!finished) {
                    killedMidway++;
                }
                String when = held ? "held after release.started" : "after " + killAt + " ms";

                db.open();
                ReleaseResult next = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                        .onStartup();

                assertThat(next.outcome()).isIn(ReleaseResult.Outcome.APPLIED, ReleaseResult.Outcome.UP_TO_DATE);
                assertThat(SchemaFingerprint.of(db.dataSource(), kind)).as("trial %d killed %s", trial, when)
                        .isEqualTo(expected);
                assertThat(db.count("SELECT COUNT(*) FROM drm_release WHERE status = 'RUNNING'")).isZero();
            }
        }
        assertThat(killedMidway).as("trials that were killed before the release finished")
                .isGreaterThanOrEqualTo(trials(kind) / 3);
    }

    private static String workloadBase() {
        StringBuilder base = new StringBuilder("CREATE TABLE base (id INT PRIMARY KEY, a VARCHAR(20), b VARCHAR(20));\n");
        for (int i = 1; i <= 50; i++) {
            base.append("INSERT INTO base (id, a, b) VALUES (").append(i).append(", 'a").append(i).append("', 'b")
                    .append(i).append("');\n");
        }
        return base.toString();
    }

    private static Process startChild(Target db, Migrations m) throws java.io.IOException {
        ProcessBuilder builder = child(db, m).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = builder.start();
        p.getOutputStream().close(); // StartupMain's start barrier: no line to wait for, start at once
        return p;
    }

    /** A child that holds its release once started (StartupMain's {@code DRM_TEST_HOLD_AT_START}). */
    private static Process startHeldChild(Target db, Migrations m) throws java.io.IOException {
        ProcessBuilder builder = child(db, m);
        builder.environment().put("DRM_TEST_HOLD_AT_START", "1");
        Process p = builder.start();
        p.getOutputStream().close();
        return p;
    }

    private static ProcessBuilder child(Target db, Migrations m) {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), StartupMain.class.getName(), db.url(), db.user(), m.location())
                .redirectErrorStream(true);
        builder.environment().put("DRM_TEST_PASSWORD", db.password());
        return builder;
    }

    /**
     * Reads the child's output until it says {@code HELD}: its release has started and waits there.
     *
     * @return whether it did (false: it ended first, and its output says why)
     */
    private static boolean awaitHeld(Process p) throws java.io.IOException {
        try (java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(
                p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("HELD")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A database for one trial: a server database from {@link TestDatabase}, or an H2 database in a file. */
    private static final class Target implements AutoCloseable {
        private final TestDatabase server;
        private final String url;
        private HikariDataSource pool;

        private Target(TestDatabase server, String url) {
            this.server = server;
            this.url = url;
        }

        static Target create(DbKind kind, Path dir) {
            if (kind == DbKind.H2) {
                return new Target(null, "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + ";FILE_LOCK=FS");
            }
            TestDatabase db = TestDatabase.create(kind);
            return new Target(db, db.url());
        }

        String url() {
            return url;
        }

        String user() {
            return server == null ? "sa" : server.user();
        }

        String password() {
            return server == null ? "" : server.password();
        }

        javax.sql.DataSource dataSource() {
            if (server != null) {
                return server.dataSource();
            }
            if (pool == null) {
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl(url);
                config.setUsername("sa");
                config.setPassword("");
                config.setMaximumPoolSize(8);
                config.setMinimumIdle(0);
                pool = new HikariDataSource(config);
            }
            return pool;
        }

        /**
         * Opens the database once on a single connection, so that H2 recovers its file before a pool
         * opens several connections at once.
         */
        void open() throws SQLException {
            if (server == null) {
                try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                    c.isValid(5);
                }
            }
        }

        /** H2 in file mode allows one process at a time: the pool closes before the child opens it. */
        void closePool() {
            if (pool != null) {
                pool.close();
                pool = null;
            }
        }

        void reset(DbKind kind, Migrations first) throws Exception {
            if (server == null) {
                try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
                    st.execute("DROP ALL OBJECTS");
                }
            } else {
                try (Connection c = server.dataSource().getConnection(); Statement st = c.createStatement()) {
                    if (kind == DbKind.POSTGRESQL) {
                        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
                        st.execute("DROP SCHEMA " + schema + " CASCADE");
                        st.execute("CREATE SCHEMA " + schema);
                    } else {
                        String name = c.getCatalog();
                        st.execute("DROP DATABASE " + name);
                        st.execute("CREATE DATABASE " + name);
                    }
                }
                server.dataSource().unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
            }
            DataRelease.plan(dataSource(), first.location()).apply();
            closePool();
        }

        long count(String sql) throws Exception {
            try (Connection c = dataSource().getConnection(); Statement st = c.createStatement();
                    var rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        @Override
        public void close() {
            closePool();
            if (server != null) {
                server.close();
            }
        }
    }
}
