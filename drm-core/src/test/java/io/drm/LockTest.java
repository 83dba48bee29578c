package io.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.internal.DatabaseKind;
import io.drm.internal.ReleaseLock;
import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/** The release lock: waits, times out with a clear error, and is released. */
final class LockTest {

    @TempDir
    Path dir;

    @OnEachDatabase
    void a_release_times_out_while_another_holds_the_lock_and_applies_nothing(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            ReleasePlan plan = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .lockTimeout(Duration.ofMillis(400)).plan();
            Connection held = db.dataSource().getConnection();
            try (ReleaseLock lock = ReleaseLock.acquire(held, DatabaseKind.of(held), Duration.ofSeconds(5), "test")) {
                long start = System.nanoTime();
                assertThatThrownBy(plan::apply)
                        .isInstanceOf(LockTimeoutException.class)
                        .satisfies(e -> assertThat(((DrmException) e).code().id()).isEqualTo("DRM-CORE-008"))
                        .hasMessageContaining("400 ms")
                        .hasMessageContaining("lockTimeout");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
                assertThat(db.tableExists("customer")).isFalse();
            }
            assertThat(plan.apply().appliedSteps()).hasSize(3);
        }
    }

    @OnEachDatabase
    void a_waiting_release_proceeds_when_the_lock_is_released(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            Connection held = db.dataSource().getConnection();
            ReleaseLock lock = ReleaseLock.acquire(held, DatabaseKind.of(held), Duration.ofSeconds(5), "test");
            CompletableFuture<ReleaseResult> waiting = CompletableFuture.supplyAsync(() -> DataRelease.configure()
                    .dataSource(db.dataSource()).locations(m.location()).lockTimeout(Duration.ofSeconds(20)).onStartup());
            Thread.sleep(300);
            assertThat(waiting).isNotDone();
            lock.close();
            lock.close();

            ReleaseResult result = waiting.get(20, TimeUnit.SECONDS);

            assertThat(result.appliedSteps()).hasSize(3);
        }
    }
}
