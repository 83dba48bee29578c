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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A failing or interrupted copy stops every table promptly and says what the target holds. */
final class MaskedCopyFailureTest {

    /** Masks like token() but takes a millisecond a value, so a table is still running when another fails. */
    private static TypedMasker slowToken() {
        TypedMasker token = TestMaskers.token();
        return TypedMasker.of("slow-token", v -> {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return token.mask(v);
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
            MaskingRules rules = MaskingRules.builder()
                    .column("t_fast", "v", TestMaskers.failingAfter(TestMaskers.token(), 25))
                    .column("t_slow", "v", slowToken())
                    .build();
            long start = System.nanoTime();

            assertThatThrownBy(() -> MaskedCopy.from(source.dataSource()).to(target.dataSource()).rules(rules)
                    .batchSize(10).parallelism(2).auditSink(sink).build().run())
                    .isInstanceOf(MaskingJobException.class)
                    .hasMessageContainingAll("failed on table T_FAST while masking", "after 20 rows committed",
                            "test-token", "The target now holds", "A masked copy does not resume");

            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1500);
            assertThat(target.queryLong("SELECT COUNT(*) FROM t_fast")).isEqualTo(20);
            assertThat(target.queryLong("SELECT COUNT(*) FROM t_slow")).isLessThan(2000);
            AuditEvent event = sink.events().get(0);
            assertThat(event.action()).isEqualTo("masking.failed");
            assertThat(event.details()).containsEntry("failedTable", "T_FAST").containsEntry("T_FAST.V", "20")
                    .containsEntry("mode", "copy").containsEntry("errorCode", "DRM-MASK-005");
        }
    }

    @Test
    void interrupting_the_caller_stops_the_copy_promptly() throws Exception {
        try (TestDatabase source = TestDatabase.create(DbKind.H2); TestDatabase target = TestDatabase.create(DbKind.H2)) {
            twoTables(source, true);
            twoTables(target, false);
            MaskingRules rules = MaskingRules.builder().column("t_slow", "v", slowToken()).build();
            CountDownLatch running = new CountDownLatch(1);
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            MaskedCopy copy = MaskedCopy.from(source.dataSource()).to(target.dataSource()).rules(rules).batchSize(10)
                    .listener(p -> {
                        if (p.rowsDone() > 0 && p.table().equals("T_SLOW")) {
                            running.countDown();
                        }
                    })
                    .build();
            Thread caller = new Thread(() -> {
                try {
                    copy.run();
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            caller.start();
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

            caller.interrupt();
            caller.join(5000);

            assertThat(caller.isAlive()).isFalse();
            assertThat(thrown.get()).isInstanceOf(MaskingJobException.class)
                    .hasMessageContainingAll("interrupted", "T_SLOW");
            assertThat(target.queryLong("SELECT COUNT(*) FROM t_slow")).isLessThan(2000);
        }
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
