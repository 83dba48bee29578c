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
            CompletableFuture<ReleaseResult> waiting = new CompletableFuture<>();
            Thread waiter = new Thread(() -> {
                try {
                    waiting.complete(DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                            .lockTimeout(Duration.ofMinutes(5)).onStartup());
                } catch (Throwable t) {
                    waiting.completeExceptionally(t);
                }
            }, "lock-waiter");
            waiter.start();
            // Proof that the waiter reached the lock and found it held: it only pauses between
            // attempts (ReleaseLock.sleep called from ReleaseLock.acquire) after a failed try.
            while (!pausedBetweenLockAttempts(waiter)) {
                assertThat(waiting).as("the waiter must not finish while the lock is held").isNotDone();
                Thread.onSpinWait();
            }
            assertThat(waiting).isNotDone();
            assertThat(db.tableExists("customer")).isFalse();
            lock.close();
            lock.close();

            ReleaseResult result = waiting.get();

            assertThat(result.appliedSteps()).hasSize(3);
        }
    }

    @org.junit.jupiter.api.Test
    void the_lock_row_records_the_time_of_the_injected_clock() throws Exception {
        try (TestDatabase db = TestDatabase.create(DbKind.H2)) {
            java.time.Instant fixed = java.time.Instant.parse("2030-01-02T03:04:05Z");
            Connection held = db.dataSource().getConnection();
            try (ReleaseLock lock = ReleaseLock.acquire(held, DatabaseKind.of(held), Duration.ofSeconds(5), "test",
                    java.time.Clock.fixed(fixed, java.time.ZoneOffset.UTC))) {
                // the row is written in the lock's own open transaction
                try (java.sql.Statement st = held.createStatement();
                        java.sql.ResultSet rs = st.executeQuery("SELECT acquired_at FROM DRM.drm_lock")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getTimestamp(1).toInstant()).isEqualTo(fixed);
                }
            }
        }
    }

    private static boolean pausedBetweenLockAttempts(Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        for (int i = 0; i + 1 < stack.length; i++) {
            if (stack[i].getClassName().equals(ReleaseLock.class.getName()) && stack[i].getMethodName().equals("sleep")
                    && stack[i + 1].getClassName().equals(ReleaseLock.class.getName())
                    && stack[i + 1].getMethodName().equals("acquire")) {
                return true;
            }
        }
        return false;
    }
}
