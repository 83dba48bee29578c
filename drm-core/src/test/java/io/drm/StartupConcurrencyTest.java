package io.drm;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;

/** Many replicas start at once: every migration is applied exactly once, every caller returns. */
final class StartupConcurrencyTest {

    private static final int THREADS = 16;

    @TempDir
    Path dir;

    @OnEachDatabase
    void sixteen_threads_with_their_own_pools_apply_each_migration_once(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            for (int i = 4; i <= 12; i++) {
                m.add("V" + i + "__step_" + i + ".sql", "ALTER TABLE customer ADD c" + i + " VARCHAR(10);\n");
            }
            CyclicBarrier start = new CyclicBarrier(THREADS);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<ReleaseResult>> futures = new ArrayList<>();
            try {
                for (int t = 0; t < THREADS; t++) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        return DataRelease.configure().jdbc(db.url(), db.user(), db.password())
                                .locations(m.location()).lockTimeout(Duration.ofSeconds(60)).onStartup();
                    }));
                }
                List<ReleaseResult> results = new ArrayList<>();
                for (Future<ReleaseResult> f : futures) {
                    results.add(f.get());
                }

                assertThat(results).filteredOn(r -> !r.upToDate()).hasSize(1);
                assertThat(results).filteredOn(ReleaseResult::upToDate).hasSize(THREADS - 1)
                        .allSatisfy(r -> assertThat(r.toVersion()).isEqualTo("12"));
                assertThat(results).filteredOn(r -> !r.upToDate()).singleElement()
                        .satisfies(r -> assertThat(r.appliedSteps()).hasSize(12));
            } finally {
                pool.shutdownNow();
            }
            assertThat(db.appliedVersions()).hasSize(12).doesNotHaveDuplicates();
            assertThat(db.queryLong("SELECT COUNT(*) FROM drm_release WHERE status = 'SUCCEEDED'")).isEqualTo(1);
            assertThat(db.queryLong("SELECT COUNT(*) FROM drm_release_step")).isEqualTo(12);
        }
    }
}
