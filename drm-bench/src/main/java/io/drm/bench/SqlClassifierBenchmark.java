package io.drm.bench;

import io.drm.internal.sql.ClassifiedStatement;
import io.drm.internal.sql.Dialect;
import io.drm.internal.sql.StatementClassifier;
import java.util.List;
import java.util.Locale;

/**
 * Measures, on one thread, how many statements per second the SQL splitter and classifier get
 * through over a generated PostgreSQL migration script of about 10 MB (DDL, DML, comments, strings
 * and dollar-quoted function bodies), against the floor of any splitter: one pass counting
 * {@code ;} characters. Prints medians and the ratio classifier time / floor time.
 *
 * <p>Usage: {@code SqlClassifierBenchmark [megabytes]}. Not a unit test: nothing here fails a build.
 */
public final class SqlClassifierBenchmark {
    private static final int WARMUP_ROUNDS = 3;
    private static final int TIMED_ROUNDS = 7;
    private static final String[] TEMPLATES = {
        "CREATE TABLE app.t%d (id bigint PRIMARY KEY, name varchar(100) NOT NULL, note text);\n",
        "ALTER TABLE app.t%d ADD COLUMN c int DEFAULT 0, ALTER COLUMN name TYPE text, DROP COLUMN note;\n",
        "-- backfill; keeps the old rows\nUPDATE app.t%d SET name = 'it''s; fine' WHERE id IN (SELECT id FROM x WHERE y > 1);\n",
        "INSERT INTO app.t%d (id, name) VALUES (1, 'a'), (2, 'b; c'), (3, E'd\\'e');\n",
        "/* a block comment; with a /* nested */ part */ CREATE INDEX CONCURRENTLY i%d ON app.t (name);\n",
        "CREATE FUNCTION f%d() RETURNS trigger AS $body$ BEGIN DELETE FROM audit; RETURN NEW; END; $body$ LANGUAGE plpgsql;\n",
        "DELETE FROM app.t%d;\n",
        "DROP TABLE IF EXISTS app.t%d, app.u CASCADE;\n",
    };

    private SqlClassifierBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args optional script size in megabytes (default 10)
     */
    public static void main(String[] args) {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String script = script(megabytes * 1024 * 1024);
        long[] drm = new long[TIMED_ROUNDS];
        long[] floor = new long[TIMED_ROUNDS];
        int statements = 0;
        long sink = 0;
        for (int r = 0; r < WARMUP_ROUNDS + TIMED_ROUNDS; r++) {
            long t0 = System.nanoTime();
            List<ClassifiedStatement> all = StatementClassifier.classifyScript(script, Dialect.POSTGRESQL);
            long t1 = System.nanoTime();
            sink += countSemicolons(script);
            long t2 = System.nanoTime();
            statements = all.size();
            sink += all.get(all.size() - 1).actions().size();
            if (r >= WARMUP_ROUNDS) {
                drm[r - WARMUP_ROUNDS] = t1 - t0;
                floor[r - WARMUP_ROUNDS] = t2 - t1;
            }
        }
        double drmSeconds = median(drm) / 1e9;
        double floorSeconds = median(floor) / 1e9;
        System.out.printf(Locale.ROOT, "script: %.1f MB, %d statements (sink %d)%n",
                script.length() / 1048576.0, statements, sink);
        System.out.printf(Locale.ROOT, "split+classify: %.3f s median, %.0f statements/s, %.1f MB/s%n",
                drmSeconds, statements / drmSeconds, script.length() / 1048576.0 / drmSeconds);
        System.out.printf(Locale.ROOT, "';' count floor: %.4f s median; ratio classifier/floor: %.1f%n",
                floorSeconds, drmSeconds / floorSeconds);
    }

    private static String script(int size) {
        StringBuilder b = new StringBuilder(size + 256);
        for (int i = 0; b.length() < size; i++) {
            b.append(String.format(Locale.ROOT, TEMPLATES[i % TEMPLATES.length], i));
        }
        return b.toString();
    }

    private static long countSemicolons(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ';') {
                n++;
            }
        }
        return n;
    }

    private static long median(long[] v) {
        long[] c = v.clone();
        java.util.Arrays.sort(c);
        return c[c.length / 2];
    }
}
