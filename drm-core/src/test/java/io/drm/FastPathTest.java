package io.drm;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;

/**
 * The startup hook's fast path: when the ledger shows the database at the locations' content,
 * it returns without a Flyway scan; any change in files or history takes the full path.
 */
final class FastPathTest {

    @TempDir
    Path dir;

    /** Counts how often the location is looked up: once by drm's scanner, once more by each Flyway scan. */
    static final class CountingLoader extends URLClassLoader {
        final AtomicInteger lookups = new AtomicInteger();

        CountingLoader(Path root) throws IOException {
            super(new URL[] {root.toUri().toURL()}, FastPathTest.class.getClassLoader());
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (name.startsWith("db/release")) {
                lookups.incrementAndGet();
            }
            return super.getResources(name);
        }
    }

    private static DataRelease.Builder startup(TestDatabase db, ClassLoader loader) {
        return DataRelease.configure().dataSource(db.dataSource()).locations("classpath:db/release")
                .classLoader(loader);
    }

    @OnEachDatabase
    void an_up_to_date_startup_does_not_scan_with_flyway(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); CountingLoader loader = new CountingLoader(dir)) {
            Migrations m = Migrations.in(dir.resolve("db/release")).standard();
            DataRelease.Builder builder = startup(db, loader);
            ReleaseResult first = builder.onStartup();
            assertThat(first.appliedSteps()).hasSize(3);

            loader.lookups.set(0);
            ReleaseResult second = builder.onStartup();

            assertThat(second.upToDate()).isTrue();
            assertThat(second.toVersion()).isEqualTo("3");
            assertThat(second.releaseId()).isEqualTo(first.releaseId());
            assertThat(loader.lookups.get()).as("classpath lookups of the location").isEqualTo(1);

            m.add("V4__add_phone.sql", "ALTER TABLE customer ADD phone VARCHAR(30);\n");
            loader.lookups.set(0);
            ReleaseResult third = builder.onStartup();
            assertThat(third.appliedSteps()).extracting(AppliedStep::version).containsExactly("4");
            assertThat(loader.lookups.get()).isGreaterThan(1);
        }
    }

    @OnEachDatabase
    void a_history_changed_outside_drm_takes_the_full_path_once_then_the_fast_path(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); CountingLoader loader = new CountingLoader(dir)) {
            Migrations m = Migrations.in(dir.resolve("db/release")).standard();
            DataRelease.Builder builder = startup(db, loader);
            builder.onStartup();
            m.add("V4__add_phone.sql", "ALTER TABLE customer ADD phone VARCHAR(30);\n");
            Flyway.configure(loader).dataSource(db.dataSource()).locations("classpath:db/release").load().migrate();

            loader.lookups.set(0);
            ReleaseResult afterFlyway = builder.onStartup();
            assertThat(afterFlyway.upToDate()).isTrue();
            assertThat(afterFlyway.toVersion()).isEqualTo("4");
            assertThat(loader.lookups.get()).isGreaterThan(1);

            loader.lookups.set(0);
            assertThat(builder.onStartup().upToDate()).isTrue();
            assertThat(loader.lookups.get()).isEqualTo(1);
        }
    }

    @OnEachDatabase
    void a_touched_but_unchanged_file_is_read_and_hashed_but_not_scanned_by_flyway(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); CountingLoader loader = new CountingLoader(dir)) {
            Migrations m = Migrations.in(dir.resolve("db/release")).standard();
            DataRelease.Builder builder = startup(db, loader);
            builder.onStartup();
            Path file = m.dir().resolve("V2__insert_customer.sql");
            java.nio.file.Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                    java.nio.file.Files.getLastModifiedTime(file).toMillis() - 60_000));

            loader.lookups.set(0);
            ReleaseResult result = builder.onStartup();

            assertThat(result.upToDate()).isTrue();
            assertThat(loader.lookups.get()).as("stamp listing, then content scan, no Flyway").isEqualTo(2);
        }
    }
}
