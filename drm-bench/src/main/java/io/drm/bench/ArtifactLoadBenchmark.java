package io.drm.bench;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.drm.DataRelease;
import io.drm.ReleaseResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Load of a 1,000,000-row CSV data artifact by drm (plan and apply of a release whose only pending
 * step is the artifact) against its anchor, a plain JDBC batch insert (batches of 1,000, one
 * transaction) of the same file parsed with the same CSV parser. Each side runs in its own child JVM
 * with {@code -Xmx256m}, on H2 (file database) and PostgreSQL; the best of the rounds counts.
 * Targets: drm at most 1.3x the anchor's time, within the 256 MB heap.
 *
 * <pre>
 * mvn -B -q -pl drm-bench -am package -DskipTests exec:java -Dbench.main=io.drm.bench.ArtifactLoadBenchmark
 *     [-Dexec.args="rows rounds"]   (defaults 1000000 2)
 * </pre>
 */
public final class ArtifactLoadBenchmark {

    static final String TABLE = "CREATE TABLE payment (id BIGINT PRIMARY KEY, customer VARCHAR(100) NOT NULL,"
            + " amount DECIMAL(12,2) NOT NULL, booked DATE NOT NULL, settled BOOLEAN NOT NULL)";
    private static final String HEAP = "-Xmx256m";

    private ArtifactLoadBenchmark() {
    }

    /**
     * Runs the benchmark, or one side of it in a child JVM.
     *
     * @param args {@code [rows [rounds]]}, or {@code child <side> <h2|postgresql> <url> <user> <password> <dir>}
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args);
            return;
        }
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path work = Files.createTempDirectory("drm-artifact-bench");
        Path release = work.resolve("release");
        Path schemaOnly = work.resolve("schema");
        Files.createDirectories(release);
        Files.createDirectories(schemaOnly);
        Files.writeString(release.resolve("V1__create_payment.sql"), TABLE + ";\n");
        Files.writeString(schemaOnly.resolve("V1__create_payment.sql"), TABLE + ";\n");
        Path csv = release.resolve("V2__payment.csv");
        write(csv, rows);
        System.out.printf(Locale.ROOT, "artifact: %,d rows, %,d bytes; each side in a child JVM with %s%n", rows,
                Files.size(csv), HEAP);
        List<String> lines = new ArrayList<>();
        for (String db : List.of("h2", "postgresql")) {
            if (db.equals("postgresql") && PostgresDatabase.fromEnvironment().unreachableReason() != null) {
                System.out.println("postgresql: skipped, " + PostgresDatabase.fromEnvironment().unreachableReason());
                continue;
            }
            Measured anchor = null;
            Measured drm = null;
            for (int round = 0; round < rounds; round++) {
                anchor = best(anchor, run("jdbc", db, work, round));
                drm = best(drm, run("drm", db, work, round));
            }
            String line = String.format(Locale.ROOT, "%-10s plain JDBC batch %7.2f s (peak heap %4d MB) | drm artifact"
                    + " %7.2f s (peak heap %4d MB) | drm/JDBC %.2fx (target <= 1.30x, heap <= 256 MB)", db,
                    anchor.seconds, anchor.heapMb, drm.seconds, drm.heapMb, drm.seconds / anchor.seconds);
            System.out.println(line);
            lines.add(line);
        }
        System.out.println();
        lines.forEach(System.out::println);
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private record Measured(double seconds, long heapMb) {
    }

    private static Measured best(Measured a, Measured b) {
        return a == null || b.seconds < a.seconds ? b : a;
    }

    private static Measured run(String side, String db, Path work, int round) throws Exception {
        String url;
        String user;
        String password;
        Runnable drop;
        if (db.equals("h2")) {
            Path file = work.resolve("h2-" + side + "-" + round);
            url = "jdbc:h2:file:" + file.toAbsolutePath();
            user = "sa";
            password = "";
            drop = () -> { };
        } else {
            String base = System.getenv().getOrDefault("DRM_BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
            user = System.getenv().getOrDefault("DRM_BENCH_POSTGRES_USER", "postgres");
            password = System.getenv().getOrDefault("DRM_BENCH_POSTGRES_PASSWORD", "");
            String schema = "drm_b_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            admin(base, user, password, "CREATE SCHEMA " + schema);
            url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            String u = user;
            String p = password;
            drop = () -> admin(base, u, p, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        try {
            Process child = new ProcessBuilder(ChildJvm.command(List.of(HEAP, "-XX:+UseSerialGC"),
                    ArtifactLoadBenchmark.class, List.of("child", side, db, url, user, password.isEmpty() ? "-" : password,
                            work.toString())))
                    .redirectErrorStream(true).start();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (child.waitFor() != 0 || !out.contains("RESULT ")) {
                throw new IllegalStateException(side + " on " + db + " failed:\n" + out);
            }
            String[] r = out.substring(out.indexOf("RESULT ") + 7).strip().split("\\s+");
            return new Measured(Double.parseDouble(r[0]), Long.parseLong(r[1]));
        } finally {
            drop.run();
        }
    }

    private static void admin(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static void child(String[] args) throws Exception {
        String side = args[1];
        String db = args[2];
        String url = args[3];
        String user = args[4];
        String password = args[5].equals("-") ? "" : args[5];
        Path work = Path.of(args[6]);
        DataSource ds = dataSource(db, url, user, password);
        // The table exists before the timed part on both sides: drm releases V1 first, the anchor creates it.
        if (side.equals("drm")) {
            DataRelease.configure().dataSource(ds).locations("filesystem:" + work.resolve("schema")).plan().apply();
        } else {
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute(TABLE);
            }
        }
        System.gc();
        resetPeaks();
        long t0 = System.nanoTime();
        long loaded;
        if (side.equals("drm")) {
            ReleaseResult result = DataRelease.configure().dataSource(ds)
                    .locations("filesystem:" + work.resolve("release")).plan().apply();
            loaded = result.artifacts().get(0).inserted();
        } else {
            loaded = plainJdbc(ds, work.resolve("release").resolve("V2__payment.csv"));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long rows;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT COUNT(*) FROM payment")) {
            rs.next();
            rows = rs.getLong(1);
        }
        if (rows != loaded) {
            throw new IllegalStateException("loaded " + loaded + " but the table holds " + rows);
        }
        if (db.equals("h2")) {
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            }
        }
        System.out.printf(Locale.ROOT, "RESULT %.3f %d%n", seconds, peakHeapMb());
    }

    private static DataSource dataSource(String db, String url, String user, String password) {
        if (db.equals("h2")) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(url);
            ds.setUser(user);
            ds.setPassword(password);
            return ds;
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }

    /** The anchor: parse the same CSV with the same parser, convert each value, batch-insert in one transaction. */
    static long plainJdbc(DataSource ds, Path csv) throws Exception {
        long n = 0;
        try (Connection c = ds.getConnection(); Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                MappingIterator<String[]> it = new CsvMapper().readerFor(String[].class)
                        .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(reader)) {
            c.setAutoCommit(false);
            it.nextValue(); // header
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO payment (id, customer, amount, booked, settled) VALUES (?, ?, ?, ?, ?)")) {
                int pending = 0;
                while (it.hasNextValue()) {
                    String[] f = it.nextValue();
                    ps.setLong(1, Long.parseLong(f[0]));
                    ps.setString(2, f[1]);
                    ps.setBigDecimal(3, new BigDecimal(f[2]));
                    ps.setObject(4, LocalDate.parse(f[3]));
                    ps.setBoolean(5, Boolean.parseBoolean(f[4]));
                    ps.addBatch();
                    n++;
                    if (++pending == 1000) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
            c.commit();
        }
        return n;
    }

    private static void write(Path csv, int rows) throws IOException {
        LocalDate start = LocalDate.of(2020, 1, 1);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("id,customer,amount,booked,settled\n");
            for (int i = 1; i <= rows; i++) {
                w.write(i + ",customer-" + (i * 7919L % 1_000_003) + "," + (i % 100_000) / 100 + "."
                        + String.format(Locale.ROOT, "%02d", i % 100) + "," + start.plusDays(i % 3650) + ","
                        + (i % 2 == 0) + "\n");
            }
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
