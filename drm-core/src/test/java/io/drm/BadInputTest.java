package io.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is refused with a coded DrmException, without secrets, before anything is written. */
final class BadInputTest {

    private static final String SECRET = "S3cr3t-Pa55word";

    @TempDir
    Path dir;

    @Test
    void an_unreachable_database_is_reported_with_its_code() {
        Migrations m = Migrations.in(dir).standard();
        assertThatThrownBy(() -> DataRelease.configure()
                .jdbc("jdbc:postgresql://127.0.0.1:1/test", "postgres", SECRET).locations(m.location()).plan())
                .isInstanceOf(DatabaseUnavailableException.class)
                .satisfies(e -> assertThat(((DrmException) e).code().id()).isEqualTo("DRM-CORE-002"))
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void a_password_in_the_url_is_redacted_from_messages() {
        Migrations m = Migrations.in(dir).standard();
        assertThatThrownBy(() -> DataRelease.configure()
                .jdbc("jdbc:postgresql://127.0.0.1:1/test?password=" + SECRET, "postgres", null)
                .locations(m.location()).onStartup())
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("password=****")
                .hasMessageNotContaining(SECRET);
    }

    @OnEachDatabase
    void wrong_credentials_are_refused_without_the_password_in_message_or_log(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            // PostgreSQL here trusts local users, so a wrong user is what it refuses.
            String user = kind == DbKind.POSTGRESQL ? "no_such_user_drm" : kind == DbKind.H2 ? "sa" : db.user();
            String password = SECRET;
            String[] log = new String[1];
            AuthenticationFailedException e = capturingStderr(out -> log[0] = out, () -> catchThrowableOfType(
                    AuthenticationFailedException.class, () -> DataRelease.configure()
                            .jdbc(db.url(), user, password).locations(m.location()).onStartup()));

            assertThat(e).isNotNull();
            assertThat(e.code().id()).isEqualTo("DRM-CORE-003");
            assertThat(e.getMessage()).contains(user).doesNotContain(SECRET);
            assertThat(stackText(e)).doesNotContain(SECRET);
            assertThat(log[0]).doesNotContain(SECRET);
            assertThat(db.tableExists("flyway_schema_history")).isFalse();
        }
    }

    @OnEachDatabase
    void a_missing_location_is_refused_and_nothing_is_written(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            assertThatThrownBy(() -> DataRelease.configure().dataSource(db.dataSource())
                    .locations("filesystem:" + dir.resolve("missing")).onStartup())
                    .isInstanceOf(LocationNotFoundException.class)
                    .satisfies(e -> assertThat(((DrmException) e).code().id()).isEqualTo("DRM-CORE-004"))
                    .hasMessageContaining("missing")
                    .hasMessageContaining("does not exist");
            assertThatThrownBy(() -> DataRelease.plan(db.dataSource(), "classpath:db/no/such/place"))
                    .isInstanceOf(LocationNotFoundException.class)
                    .hasMessageContaining("classpath:db/no/such/place");
            assertNothingWritten(db);
        }
    }

    @OnEachDatabase
    void a_badly_named_migration_is_refused_and_nothing_is_written(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard().add("V4_add_phone.sql", "SELECT 1;\n");
            assertThatThrownBy(() -> DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .onStartup())
                    .isInstanceOf(InvalidMigrationNameException.class)
                    .satisfies(e -> assertThat(((DrmException) e).code().id()).isEqualTo("DRM-CORE-005"))
                    .hasMessageContaining("V4_add_phone.sql")
                    .hasMessageContaining("V<version>__<description>.sql");
            assertNothingWritten(db);
        }
    }

    @OnEachDatabase
    void two_migrations_with_one_version_are_refused_and_nothing_is_written(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard().add("V2.0__other.sql", "SELECT 1;\n");
            assertThatThrownBy(() -> DataRelease.plan(db.dataSource(), m.location()).apply())
                    .isInstanceOf(DuplicateVersionException.class)
                    .satisfies(e -> assertThat(((DrmException) e).code().id()).isEqualTo("DRM-CORE-006"))
                    .hasMessageContaining("V2__insert_customer.sql")
                    .hasMessageContaining("V2.0__other.sql");
            assertNothingWritten(db);
        }
    }

    @Test
    void builder_rejects_incomplete_and_contradictory_configuration() {
        assertThatThrownBy(() -> DataRelease.configure().locations("classpath:db").plan())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("no database");
        assertThatThrownBy(() -> DataRelease.configure().jdbc("jdbc:h2:mem:x", "sa", "").plan())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("no locations");
        assertThatThrownBy(() -> DataRelease.configure().jdbc("jdbc:h2:mem:x", "sa", "")
                .dataSource(new org.h2.jdbcx.JdbcDataSource()).locations("db").plan())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("both");
        assertThatThrownBy(() -> DataRelease.configure().locations("s3:bucket/db"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("unsupported prefix");
        assertThatThrownBy(() -> DataRelease.configure().locations("classpath:db/*"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("wildcard");
        assertThatThrownBy(() -> DataRelease.configure().lockTimeout(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataRelease.configure().environment(" "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataRelease.configure().dataSource(null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> DataRelease.configure().jdbc("postgres://x", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertNothingWritten(TestDatabase db) {
        assertThat(db.tableExists("flyway_schema_history")).isFalse();
        assertThat(db.tableExists("drm_release")).isFalse();
        assertThat(db.tableExists("customer")).isFalse();
    }

    private static String stackText(Throwable e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        e.printStackTrace(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static <T> T capturingStderr(Consumer<String> captured, java.util.function.Supplier<T> action) {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            return action.get();
        } finally {
            System.setErr(original);
            captured.accept(buffer.toString(StandardCharsets.UTF_8));
        }
    }
}
