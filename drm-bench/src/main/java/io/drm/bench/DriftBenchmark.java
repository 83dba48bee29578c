package io.drm.bench;

import io.drm.DataRelease;
import io.drm.DriftReport;
import io.drm.spi.AuditSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Drift check on a 300-table schema (each table with a primary key, 8 columns, an index; every
 * other table a foreign key; 20 views), on H2 and PostgreSQL: releases the schema once (which
 * records the snapshot), then times {@code detectDrift()} (median of 5 after a warm-up) on the
 * clean schema and after a manual ALTER. Goal: under 2 s. Run with
 * {@code mvn -B -q -pl drm-bench -am package -DskipTests exec:java -Dbench.main=io.drm.bench.DriftBenchmark}
 * ({@code -Dbench.tables=N} to change the size).
 */
public final class DriftBenchmark {

    private DriftBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args unused
     * @throws Exception if a database or the file system fails
     */
    public static void main(String[] args) throws Exception {
        int tables = Integer.getInteger("bench.tables", 300);
        Path dir = Files.createTempDirectory("drm-drift-bench");
        try {
            Files.writeString(dir.resolve("V1__schema.sql"), ddl(tables));
            System.out.println("| database | tables | release with snapshot ms | detectDrift clean ms | detectDrift"
                    + " after ALTER ms | differences |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
            PostgresDatabase postgres = PostgresDatabase.fromEnvironment();
            String why = postgres.unreachableReason();
            for (BenchDatabase db : why == null ? List.of(new H2Database(), postgres) : List.<BenchDatabase>of(
                    new H2Database())) {
                try (BenchDatabase.Fresh fresh = db.fresh()) {
                    run(db.name(), fresh.dataSource(), tables, "filesystem:" + dir.toAbsolutePath());
                }
            }
            if (why != null) {
                System.out.println("PostgreSQL is not reachable (" + why + "); measured H2 only");
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(String name, DataSource ds, int tables, String location) throws Exception {
        AuditSink quiet = event -> { };
        long t0 = System.nanoTime();
        DataRelease.configure().dataSource(ds).locations(location).auditSink(quiet).plan().apply();
        double releaseMs = (System.nanoTime() - t0) / 1e6;
        DataRelease.Builder drift = DataRelease.configure().dataSource(ds).auditSink(quiet);
        DriftReport report = drift.detectDrift();
        if (!report.isClean()) {
            throw new IllegalStateException("a fresh release shows drift: " + report.toJson());
        }
        double clean = median(drift, 5);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE t_0007 ADD extra_col INT");
            st.execute("DROP INDEX ix_t_0011");
        }
        double altered = median(drift, 5);
        int differences = drift.detectDrift().differences().size();
        System.out.printf("| %s | %d | %.0f | %.0f | %.0f | %d |%n", name, tables, releaseMs, clean, altered,
                differences);
    }

    private static double median(DataRelease.Builder drift, int runs) {
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            drift.detectDrift();
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        return times[runs / 2] / 1e6;
    }

    private static String ddl(int tables) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < tables; i++) {
            String t = String.format("t_%04d", i);
            b.append("CREATE TABLE ").append(t).append(" (id BIGINT NOT NULL PRIMARY KEY, code VARCHAR(40) NOT NULL,")
                    .append(" name VARCHAR(200), amount DECIMAL(12,2) DEFAULT 0, created TIMESTAMP,")
                    .append(" active BOOLEAN, note VARCHAR(500), parent_id BIGINT");
            if (i % 2 == 1) {
                b.append(", CONSTRAINT fk_").append(t).append(" FOREIGN KEY (parent_id) REFERENCES ")
                        .append(String.format("t_%04d", i - 1)).append(" (id)");
            }
            b.append(");\n");
            b.append("CREATE INDEX ix_").append(t).append(" ON ").append(t).append(" (code, name);\n");
            if (i < 20) {
                b.append("CREATE VIEW v_").append(t).append(" AS SELECT id, code FROM ").append(t).append(";\n");
            }
        }
        return b.toString();
    }
}
