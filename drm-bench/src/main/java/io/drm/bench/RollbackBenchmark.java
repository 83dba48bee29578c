package io.drm.bench;

import io.drm.DataRelease;
import io.drm.ReleaseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The cost of reversibility, drm against plain Flyway in one process:
 *
 * <ul>
 *   <li>{@code drop-column}: {@code ALTER TABLE ... DROP COLUMN} on a table of N rows (default
 *       1,000,000), applied by drm (which first copies the column with the key into a safety
 *       snapshot inside the database) and by plain Flyway; target drm / Flyway at most 2x.</li>
 *   <li>{@code rollback}: the 200-migration set applied, then its last release (10 steps) rolled back,
 *       then all 200 rolled back, each against the time to apply the same steps.</li>
 * </ul>
 *
 * <p>Usage: {@code RollbackBenchmark [rows] [rounds] [h2|postgresql|mariadb ...]}; each round uses fresh
 * databases, and the medians are printed.
 */
public final class RollbackBenchmark {

    private RollbackBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args rows, rounds, database kinds
     * @throws Exception if a database fails
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<BenchDatabase> kinds = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            kinds.add(switch (args[i]) {
                case "h2" -> new H2Database();
                case "mariadb" -> MariaDbDatabase.fromEnvironment();
                default -> PostgresDatabase.fromEnvironment();
            });
        }
        if (kinds.isEmpty()) {
            kinds = List.of(new H2Database(), PostgresDatabase.fromEnvironment());
        }
        List<String> lines = new ArrayList<>();
        for (BenchDatabase kind : kinds) {
            String why = kind.unreachableReason();
            if (why != null) {
                lines.add(kind.name() + ": skipped (" + why + ")");
                continue;
            }
            lines.add(dropColumn(kind, rows, rounds));
            lines.addAll(rollback(kind, rounds));
        }
        System.out.println();
        lines.forEach(System.out::println);
    }

    private static String dropColumn(BenchDatabase kind, int rows, int rounds) throws Exception {
        Path dir = Files.createTempDirectory("drm-bench-drop-");
        try {
            Files.writeString(dir.resolve("V1__big.sql"), "CREATE TABLE big (id INT PRIMARY KEY, payload VARCHAR(40),"
                    + " amount INT);\n", StandardCharsets.UTF_8);
            String location = "filesystem:" + dir.toAbsolutePath();
            List<Long> drm = new ArrayList<>();
            List<Long> flyway = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                for (int side = 0; side < 2; side++) {
                    boolean isDrm = (side + round) % 2 == 0;
                    Files.deleteIfExists(dir.resolve("V2__drop_payload.sql"));
                    try (BenchDatabase.Fresh db = kind.fresh()) {
                        DataRelease.plan(db.dataSource(), location).apply();
                        fill(db.dataSource(), kind, rows);
                        Files.writeString(dir.resolve("V2__drop_payload.sql"), "ALTER TABLE big DROP COLUMN payload;\n",
                                StandardCharsets.UTF_8);
                        long t0 = System.nanoTime();
                        if (isDrm) {
                            DataRelease.plan(db.dataSource(), location).apply();
                        } else {
                            Flyway.configure().dataSource(db.dataSource()).locations(location).load().migrate();
                        }
                        long ms = (System.nanoTime() - t0) / 1_000_000;
                        if (round > 0) {
                            (isDrm ? drm : flyway).add(ms);
                        }
                    }
                }
            }
            long d = median(drm);
            long f = median(flyway);
            return String.format(Locale.ROOT, "%s drop-column %,d rows: drm with snapshot %d ms, Flyway %d ms, ratio"
                    + " %.2f (target <= 2.00) %s", kind.name(), rows, d, f, (double) d / Math.max(1, f),
                    (double) d / Math.max(1, f) <= 2.0 ? "met" : "MISSED");
        } finally {
            delete(dir);
        }
    }

    private static void fill(DataSource ds, BenchDatabase kind, int rows) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            if (kind.name().equals("h2")) {
                st.execute("INSERT INTO big SELECT X, CONCAT('payload-', X), MOD(X, 1000) FROM SYSTEM_RANGE(1, " + rows
                        + ")");
            } else if (kind.name().equals("mariadb")) {
                st.execute("INSERT INTO big SELECT seq, CONCAT('payload-', seq), seq % 1000 FROM seq_1_to_" + rows);
                st.execute("ANALYZE TABLE big");
            } else {
                st.execute("INSERT INTO big SELECT g, 'payload-' || g, g % 1000 FROM generate_series(1, " + rows + ") g");
                st.execute("ANALYZE big");
            }
        }
    }

    private static List<String> rollback(BenchDatabase kind, int rounds) {
        List<Long> applyAll = new ArrayList<>();
        List<Long> applyLast = new ArrayList<>();
        List<Long> rollbackLast = new ArrayList<>();
        List<Long> rollbackAll = new ArrayList<>();
        try (MigrationSet first = MigrationSet.generate(190); MigrationSet all = MigrationSet.generate(200)) {
            for (int round = 0; round <= rounds; round++) {
                try (BenchDatabase.Fresh db = kind.fresh()) {
                    long t0 = System.nanoTime();
                    DataRelease.plan(db.dataSource(), first.location()).apply();
                    long t1 = System.nanoTime();
                    DataRelease.plan(db.dataSource(), all.location()).apply();
                    long t2 = System.nanoTime();
                    ReleaseResult last = DataRelease.configure().dataSource(db.dataSource()).locations(all.location())
                            .rollback().lastRelease().apply();
                    long t3 = System.nanoTime();
                    check(last.appliedSteps().size() == 10, "the last release rolls back 10 steps");
                    DataRelease.plan(db.dataSource(), all.location()).apply();
                    long t4 = System.nanoTime();
                    ReleaseResult everything = DataRelease.configure().dataSource(db.dataSource())
                            .locations(all.location()).rollback().toVersion("0").apply();
                    long t5 = System.nanoTime();
                    check(everything.appliedSteps().size() == 200, "all 200 steps roll back");
                    if (round > 0) {
                        applyAll.add((t1 - t0 + t2 - t1) / 1_000_000);
                        applyLast.add((t2 - t1) / 1_000_000);
                        rollbackLast.add((t3 - t2) / 1_000_000);
                        rollbackAll.add((t5 - t4) / 1_000_000);
                    }
                }
            }
        }
        return List.of(
                String.format(Locale.ROOT, "%s rollback of the last release (10 steps): %d ms; applying them: %d ms;"
                        + " ratio %.2f", kind.name(), median(rollbackLast), median(applyLast),
                        (double) median(rollbackLast) / Math.max(1, median(applyLast))),
                String.format(Locale.ROOT, "%s rollback of all 200 migrations: %d ms; applying them (two releases):"
                        + " %d ms; ratio %.2f", kind.name(), median(rollbackAll), median(applyAll),
                        (double) median(rollbackAll) / Math.max(1, median(applyAll))));
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("benchmark check failed: " + what);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
    }

    private static void delete(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
