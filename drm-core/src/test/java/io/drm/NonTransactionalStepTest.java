package io.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PostgreSQL steps that cannot run in a transaction ({@code CREATE INDEX CONCURRENTLY}) run between
 * transactional groups, and a later group's failure reverses the groups before it.
 */
final class NonTransactionalStepTest {

    @TempDir
    Path dir;

    static Stream<DbKind> postgres() {
        return TestDatabase.enabledKinds().filter(k -> k == DbKind.POSTGRESQL);
    }

    private static Migrations withConcurrentIndex(Path dir) {
        StringBuilder rows = new StringBuilder("CREATE TABLE event (id INT PRIMARY KEY, kind VARCHAR(20), at INT);\n");
        rows.append("INSERT INTO event SELECT g, 'k' || (g % 10), g FROM generate_series(1, 20000) g;\n");
        return Migrations.in(dir).add("V1__event.sql", rows.toString())
                .add("V2__index_kind.sql", "CREATE INDEX CONCURRENTLY ix_event_kind ON event (kind);\n")
                .add("V3__column.sql", "ALTER TABLE event ADD COLUMN source VARCHAR(20);\n")
                .add("V4__index_at.sql", "-- a script Flyway marks as non-transactional\n"
                        + "CREATE INDEX ix_event_at ON event (at);\n")
                .add("V4__index_at.sql.conf", "executeInTransaction=false\n")
                .add("V5__row.sql", "INSERT INTO event (id, kind, at) VALUES (0, 'zero', 0);\n");
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("postgres")
    void a_concurrent_index_applies_between_ordinary_steps_while_four_starters_wait(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = withConcurrentIndex(dir);
            ExecutorService pool = Executors.newFixedThreadPool(5);
            try {
                List<Future<ReleaseResult>> results = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    // each starter is its own replica with its own pool
                    results.add(pool.submit(() -> DataRelease.configure().jdbc(db.url(), db.user(), db.password())
                            .locations(m.location()).lockTimeout(Duration.ofMinutes(2)).onStartup()));
                }
                int applied = 0;
                int upToDate = 0;
                for (Future<ReleaseResult> f : results) {
                    ReleaseResult r = f.get(3, TimeUnit.MINUTES);
                    if (r.outcome() == ReleaseResult.Outcome.APPLIED) {
                        applied++;
                        assertThat(r.appliedSteps()).hasSize(5);
                    } else {
                        upToDate++;
                    }
                }
                assertThat(applied).isEqualTo(1);
                assertThat(upToDate).isEqualTo(4);
            } finally {
                pool.shutdownNow();
            }
            assertThat(db.appliedVersions()).containsExactly("1", "2", "3", "4", "5");
            assertThat(db.queryStrings("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
                    + " AND tablename = 'event' ORDER BY indexname")).contains("ix_event_at", "ix_event_kind");
            assertThat(db.queryLong("SELECT COUNT(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                    + " WHERE c.relname = 'ix_event_kind' AND i.indisvalid")).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("postgres")
    void a_failing_later_group_reverses_the_committed_groups_and_the_concurrent_index(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = withConcurrentIndex(dir).add("V6__broken.sql", "INSERT INTO nowhere VALUES (1);\n");

            MigrationFailedException e = catchThrowableOfType(MigrationFailedException.class,
                    () -> DataRelease.plan(db.dataSource(), m.location()).apply());

            assertThat(e.getMessage()).contains("transactional groups").contains("nothing of the release remains");
            assertThat(e.appliedSteps()).isEmpty();
            assertThat(db.tableExists("event")).isFalse();
            assertThat(db.appliedVersions()).isEmpty();
            assertThat(db.queryLong("SELECT COUNT(*) FROM pg_class WHERE relname IN ('ix_event_kind', 'ix_event_at')"
                    + " AND relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())")).isZero();
        }
    }
}
