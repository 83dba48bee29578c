package io.drm.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** Two application contexts started at once on one database apply the release once. */
final class ConcurrentStartupTest {

    @TempDir
    Path dir;

    @OnEachDatabase
    void two_contexts_started_at_once_apply_the_release_once(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir.resolve("db")).standard();
            CountDownLatch gate = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<ConfigurableApplicationContext> contexts = new ArrayList<>();
            try {
                List<Future<ConfigurableApplicationContext>> starts = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    starts.add(pool.submit(() -> {
                        gate.await();
                        return BootApp.start(db, m.location(), TestApps.Plain.class);
                    }));
                }
                gate.countDown();
                for (Future<ConfigurableApplicationContext> start : starts) {
                    contexts.add(start.get(5, TimeUnit.MINUTES));
                }
                long applied = contexts.stream().map(c -> c.getBean(DataReleaseInitializer.class).result().orElseThrow())
                        .filter(r -> !r.upToDate()).count();
                assertThat(applied).as("contexts that applied the release").isEqualTo(1);
                assertThat(db.queryLong("SELECT COUNT(*) FROM drm_release WHERE status = 'SUCCEEDED'")).isEqualTo(1);
                assertThat(db.appliedVersions()).containsExactly("1", "2", "3");
            } finally {
                contexts.forEach(ConfigurableApplicationContext::close);
                pool.shutdownNow();
            }
        }
    }
}
