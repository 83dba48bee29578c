package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.spi.AuditEvent;
import io.drm.testing.DbKind;
import io.drm.testing.RecordingSink;
import io.drm.testing.TestDatabase;
import java.sql.JDBCType;
import java.util.EnumSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A failing or interrupted copy stops every table and says what the target holds. */
final class MaskedCopyFailureTest {

    /**
     * Masks like token(), but its {@code at}-th value first counts {@code reached} down and then
     * waits for {@code release}, so the table is provably still running at that point.
     */
    private static TypedMasker gatedToken(int at, CountDownLatch reached, CountDownLatch release) {
        TypedMasker token = TestMaskers.token();
        AtomicInteger calls = new AtomicInteger();
        return TypedMasker.of("gated-token", v -> {
            if (calls.incrementAndGet() == at) {
                reached.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return token.mask(v);
        }, EnumSet.of(JDBCType.VARCHAR));
    }

    /** As failingAfter(token(), after), counting {@code failed} down as it throws. */
    private static TypedMasker failingToken(long after, CountDownLatch failed) {
        TypedMasker failing = TestMaskers.failingAfter(TestMaskers.token(), after);
        return TypedMasker.of(failing.name(), v -> {
            try {
                return failing.mask(v);
            } catch (IllegalStateException e) {
                failed.countDown();
                throw e;
            }
        }, EnumSet.of(JDBCType.VARCHAR));
    }

    private static void twoTables(TestDatabase db, boolean rows) {
        db.execute("CREATE TABLE t_fast (id INT PRIMARY KEY, v VARCHAR(20))");
        db.execute("CREATE TABLE t_slow (id INT PRIMARY KEY, v VARCHAR(20))");
        if (rows) {
            JobFixtures.insert(db, "t_fast", 100, i -> i + ", 'f" + i + "'");
            JobFixtures.insert(db, "t_slow", 2000, i -> i + ", 's" + i + "'");
        }
    }

    @Test
    void a_failing_table_stops_the_others_and_is_named() {
        try (TestDatabase source = TestDatabase.create(DbKind.H2); TestDatabase target = TestDatabase.create(DbKind.H2)) {
            twoTables(source, true);
            twoTables(target, false);
            RecordingSink sink = RecordingSink.recording();
            CountDownLatch fastFailed = new CountDownLatch(1);
            // T_SLOW waits in its second batch until T_FAST has failed: both run at the failure.
            MaskingRules rules = MaskingRules.builder()
                    .column("t_fast", "v", failingToken(25, fastFailed))
                    .column("t_slow", "v", gatedToken(11, new CountDownLatch(1), fastFailed))
                    .build();

            assertThatThrownBy(() -> MaskedCopy.from(source.dataSource()).to(target.dataSource()).rules(rules)
                    .batchSize(10).parallelism(2).auditSink(sink).build().run())
                    .isInstanceOf(MaskingJobException.class)
                    .hasMessageContainingAll("failed on table T_FAST while masking", "after 20 rows committed",
                            "test-token", "The target now holds", "A masked copy does not resume");

            // How promptly the others stop is measured by drm-bench's TimingChecks.
            assertThat(target.queryLong("SELECT COUNT(*) FROM t_fast")).isEqualTo(20);
            assertThat(target.queryLong("SELECT COUNT(*) FROM t_slow") % 10).isZero();
            AuditEvent event = sink.events().get(0);
            assertThat(event.action()).isEqualTo("masking.failed");
            assertThat(event.details()).containsEntry("failedTable", "T_FAST").containsEntry("T_FAST.V", "20")
                    .containsEntry("mode", "copy").containsEntry("errorCode", "DRM-MASK-005");
        }
    }

    @Test
    void interrupting_the_caller_stops_the_copy() throws Exception {
        try (TestDatabase source = TestDatabase.create(DbKind.H2); TestDatabase target = TestDatabase.create(DbKind.H2)) {
            twoTables(source, true);
            twoTables(target, false);
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            MaskingRules rules = MaskingRules.builder().column("t_slow", "v", gatedToken(11, running, release)).build();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            MaskedCopy copy = MaskedCopy.from(source.dataSource()).to(target.dataSource()).rules(rules).batchSize(10)
                    .build();
            Thread caller = new Thread(() -> {
                try {
                    copy.run();
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            caller.start();
            running.await();

            caller.interrupt();
            // the caller has seen the interrupt once it waits for the tables to stop; then let them
            while (!inFrame(caller, "awaitStopped") && caller.isAlive()) {
                Thread.onSpinWait();
            }
            release.countDown();
            caller.join();

            assertThat(thrown.get()).isInstanceOf(MaskingJobException.class)
                    .hasMessageContainingAll("interrupted", "T_SLOW");
            assertThat(target.queryLong("SELECT COUNT(*) FROM t_slow")).isLessThan(2000);
        }
    }

    private static boolean inFrame(Thread thread, String method) {
        for (StackTraceElement e : thread.getStackTrace()) {
            if (e.getMethodName().equals(method)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void a_finished_copy_appends_masking_completed() {
        try (TestDatabase source = TestDatabase.create(DbKind.H2); TestDatabase target = TestDatabase.create(DbKind.H2)) {
            JobFixtures.crm(source, 12, 2);
            JobFixtures.crm(target, 0, 0);
            RecordingSink sink = RecordingSink.recording();

            MaskedCopy.from(source.dataSource()).to(target.dataSource()).rules(MaskedCopyTest.rules())
                    .auditSink(sink).environment("test").actor("bob").build().run();

            assertThat(sink.actions()).containsExactly("masking.completed");
            AuditEvent event = sink.events().get(0);
            assertThat(event.environment()).isEqualTo("test");
            assertThat(event.actor()).isEqualTo("bob");
            assertThat(event.target()).startsWith("h2:");
            assertThat(event.details()).containsEntry("mode", "copy").containsEntry("tables", "CLIENT,PURCHASE")
                    .containsEntry("rows", "36").containsEntry("CLIENT.ID", "12")
                    .containsEntry("CLIENT.EMAIL", "12").containsEntry("CLIENT.NAME", "11")
                    .containsEntry("CLIENT.CARD", "12").containsEntry("PURCHASE.CLIENT_ID", "24")
                    .containsEntry("PURCHASE.NOTE", "18")
                    .containsKeys("jobId", "source", "durationMs");
            assertThat(event.details()).doesNotContainKey("CLIENT.CITY");
            assertThat(String.join(" ", event.details().values())).doesNotContain("corp.test", "purchase ", "411111");
        }
    }
}
