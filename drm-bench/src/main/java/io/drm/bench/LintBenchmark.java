package io.drm.bench;

import io.drm.Finding;
import io.drm.internal.Connector;
import io.drm.internal.ReleaseEngine;
import io.drm.internal.Settings;
import io.drm.internal.lint.Catalog;
import io.drm.internal.lint.Linter;
import io.drm.internal.lint.Script;
import io.drm.internal.sql.Dialect;
import io.drm.internal.sql.StatementClassifier;
import io.drm.spi.Slf4jAuditSink;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The SQL lint's cost, two ways.
 *
 * <ol>
 *   <li>Throughput: the lint of a generated 10 MB PostgreSQL migration set (1 000 scripts of DDL, DML,
 *       comments, strings and dollar-quoted bodies, with drops and renames of live tables answered by an
 *       in-memory catalog), in statements per second on one thread, against the classifier alone
 *       (which the lint runs first).</li>
 *   <li>Planning: {@code ReleaseEngine.plan(true)} (what {@code DataRelease.plan(...)} does) against
 *       {@code plan(false)} (the same plan without the lint) over the 200-migration set of
 *       {@link ReleaseBenchmark} on a fresh H2 and PostgreSQL database, alternating which goes first;
 *       the ratio lint / no lint has the target 1.1.</li>
 * </ol>
 *
 * <p>Usage: {@code LintBenchmark [--check] [--plan-only] [megabytes]}; with {@code --check} the exit
 * status is 1 when a planning ratio misses its target; {@code --plan-only} skips the throughput part.
 */
public final class LintBenchmark {

    private static final int WARMUP_ROUNDS = 3;
    private static final int TIMED_ROUNDS = 7;
    private static final int PLAN_WARMUPS = 300;
    private static final int PLAN_ROUNDS = 101;
    private static final double TARGET = 1.1;
    private static final int SCRIPTS = 1000;
    private static final String[] TEMPLATES = {
        "CREATE TABLE app.t%d (id bigint PRIMARY KEY, name varchar(100) NOT NULL, note text);\n",
        "ALTER TABLE app.t%d ADD COLUMN c int DEFAULT 0, ALTER COLUMN name TYPE text, DROP COLUMN note;\n",
        "-- backfill; keeps the old rows\nUPDATE app.t%d SET name = 'it''s; fine' WHERE id IN (SELECT id FROM x WHERE y > 1);\n",
        "INSERT INTO app.t%d (id, name) VALUES (1, 'a'), (2, 'b; c'), (3, E'd\\'e');\n",
        "/* a block comment; with a /* nested */ part */ CREATE INDEX CONCURRENTLY i%d ON app.t (name);\n",
        "CREATE FUNCTION f%d() RETURNS trigger AS $body$ BEGIN DELETE FROM audit; RETURN NEW; END; $body$ LANGUAGE plpgsql;\n",
        "DELETE FROM app.live%d;\n",
        "DROP TABLE IF EXISTS app.live%d, app.u CASCADE;\n",
        "ALTER TABLE live%d RENAME COLUMN name TO full_name, ADD COLUMN token uuid DEFAULT gen_random_uuid();\n",
        "CREATE INDEX live%d_name ON live (name);\n",
        "ALTER TABLE live ADD CONSTRAINT fk%d FOREIGN KEY (a) REFERENCES other (id);\n",
        "ALTER TABLE live ALTER COLUMN c%d SET NOT NULL;\n",
    };

    private LintBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args {@code --check} and the set size in megabytes (default 10)
     */
    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        boolean check = false;
        boolean throughput = true;
        int megabytes = 10;
        for (String arg : args) {
            if (arg.equals("--check")) {
                check = true;
            } else if (arg.equals("--plan-only")) {
                throughput = false;
            } else if (!arg.isBlank()) {
                megabytes = Integer.parseInt(arg.strip());
            }
        }
        if (throughput) {
            throughput(megabytes);
        }
        boolean miss = false;
        List<String> lines = new ArrayList<>();
        try (MigrationSet set = MigrationSet.generate(200)) {
            for (BenchDatabase database : List.of(new H2Database(), PostgresDatabase.fromEnvironment())) {
                String name = "plan-200-" + database.name();
                System.out.println("== " + name);
                try {
                    Availability.require(database);
                    double[] medians = planning(database, set.location());
                    double ratio = medians[0] / medians[1];
                    double cpuRatio = medians[2] / medians[3];
                    boolean ok = ratio <= TARGET;
                    miss |= !ok;
                    lines.add(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.3f | %.2f | %.2f | %.3f | <= %.2f | %s |",
                            name, medians[0], medians[1], ratio, medians[2], medians[3], cpuRatio, TARGET,
                            ok ? "OK" : "MISS"));
                } catch (Scenario.SkippedException e) {
                    lines.add("| " + name + " | - | - | - | - | - | - | <= " + TARGET + " | SKIPPED: " + e.getMessage()
                            + " |");
                }
            }
        }
        System.out.println();
        System.out.println("| scenario | with lint ms | without ms | ratio | with lint cpu ms | without cpu ms |"
                + " cpu ratio | target (wall ratio) | result |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        lines.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%n(Java %s, %d CPUs)%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        if (check && miss) {
            System.out.println("FAILED: a ratio misses its target");
            System.exit(1);
        }
    }

    private static void throughput(int megabytes) {
        List<Script> scripts = scripts(megabytes * 1024L * 1024L);
        long bytes = scripts.stream().mapToLong(s -> s.text().length()).sum();
        List<Catalog.Dependency> deps = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            deps.add(new Catalog.Dependency(Catalog.Kind.VIEW, "v" + i, null, "app", "live" + i, "name"));
            deps.add(new Catalog.Dependency(Catalog.Kind.FOREIGN_KEY, "fk" + i, "child" + i, "app", "live" + i, "id"));
        }
        Catalog catalog = new Catalog("app", deps);
        long[] lint = new long[TIMED_ROUNDS];
        long[] classify = new long[TIMED_ROUNDS];
        int statements = 0;
        int findings = 0;
        for (int r = 0; r < WARMUP_ROUNDS + TIMED_ROUNDS; r++) {
            long t0 = System.nanoTime();
            List<Finding> found = Linter.lint(scripts, Dialect.POSTGRESQL, tables -> catalog);
            long t1 = System.nanoTime();
            int n = 0;
            for (Script s : scripts) {
                n += StatementClassifier.classifyScript(s.text(), Dialect.POSTGRESQL).size();
            }
            long t2 = System.nanoTime();
            statements = n;
            findings = found.size();
            if (r >= WARMUP_ROUNDS) {
                lint[r - WARMUP_ROUNDS] = t1 - t0;
                classify[r - WARMUP_ROUNDS] = t2 - t1;
            }
        }
        double lintSeconds = median(lint) / 1e9;
        double classifySeconds = median(classify) / 1e9;
        System.out.printf(Locale.ROOT, "set: %d scripts, %.1f MB, %d statements, %d findings%n", scripts.size(),
                bytes / 1048576.0, statements, findings);
        System.out.printf(Locale.ROOT, "lint: %.3f s median, %.0f statements/s, %.1f MB/s%n", lintSeconds,
                statements / lintSeconds, bytes / 1048576.0 / lintSeconds);
        System.out.printf(Locale.ROOT, "classifier alone: %.3f s median, %.0f statements/s; ratio lint/classifier:"
                + " %.2f%n", classifySeconds, statements / classifySeconds, lintSeconds / classifySeconds);
    }

    private static List<Script> scripts(long size) {
        long perScript = size / SCRIPTS;
        List<Script> out = new ArrayList<>(SCRIPTS);
        int k = 0;
        for (int i = 1; i <= SCRIPTS; i++) {
            StringBuilder b = new StringBuilder((int) perScript + 256);
            while (b.length() < perScript) {
                b.append(String.format(Locale.ROOT, TEMPLATES[k % TEMPLATES.length], k));
                k++;
            }
            out.add(new Script(Integer.toString(i), "filesystem:/bench/V" + i + "__lint.sql", b.toString()));
        }
        return out;
    }

    /**
     * Medians of planning with and without the lint on one fresh database, in milliseconds: wall time
     * (with, without), then the calling thread's CPU time (with, without), which a loaded machine
     * disturbs less.
     */
    private static double[] planning(BenchDatabase database, String location) {
        Samples with = new Samples();
        Samples without = new Samples();
        Samples withCpu = new Samples();
        Samples withoutCpu = new Samples();
        try (BenchDatabase.Fresh db = database.fresh()) {
            Settings settings = new Settings(Connector.of(db.dataSource()), List.of(location), "default", "bench",
                    Slf4jAuditSink.create(), Duration.ofMinutes(1), Clock.systemUTC(),
                    () -> UUID.randomUUID().toString(), LintBenchmark.class.getClassLoader());
            ReleaseEngine engine = new ReleaseEngine(settings);
            for (int round = 0; round < PLAN_WARMUPS + PLAN_ROUNDS; round++) {
                boolean lintFirst = round % 2 == 0;
                long[] first = time(engine, lintFirst);
                long[] second = time(engine, !lintFirst);
                if (round >= PLAN_WARMUPS) {
                    long[] l = lintFirst ? first : second;
                    long[] n = lintFirst ? second : first;
                    with.add(l[0]);
                    without.add(n[0]);
                    withCpu.add(l[1]);
                    withoutCpu.add(n[1]);
                }
            }
        }
        System.out.println("  wall: with lint " + with.range() + ", without " + without.range());
        System.out.println("  cpu:  with lint " + withCpu.range() + ", without " + withoutCpu.range());
        return new double[] {with.medianMillis(), without.medianMillis(), withCpu.medianMillis(),
            withoutCpu.medianMillis()};
    }

    /** Plans once; returns the wall and the calling thread's CPU nanoseconds. */
    private static long[] time(ReleaseEngine engine, boolean lint) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        ReleaseEngine.Evaluated planned = engine.plan(lint);
        long nanos = System.nanoTime() - start;
        long cpuNanos = threads.getCurrentThreadCpuTime() - cpu;
        if (planned.state().steps().size() != 200 || planned.findings().isEmpty() == lint) {
            throw new IllegalStateException("unexpected plan: " + planned.state().steps().size() + " steps, "
                    + planned.findings().size() + " findings");
        }
        return new long[] {nanos, cpuNanos};
    }

    private static long median(long[] v) {
        long[] c = v.clone();
        java.util.Arrays.sort(c);
        return c[c.length / 2];
    }
}
