package io.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.spi.ReleaseListener;
import io.drm.spi.ReleaseSummary;
import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** Release listeners hear starts, steps, completions, failures and up-to-date startups. */
final class ReleaseListenerTest {

    @TempDir
    Path dir;

    /** Writes what it hears as lines. */
    static final class Recording implements ReleaseListener {
        final List<String> heard = new ArrayList<>();

        @Override
        public void onReleaseStarted(ReleaseSummary release) {
            heard.add("started " + release.plannedSteps() + " " + release.outcome());
        }

        @Override
        public void onStepApplied(ReleaseSummary release, AppliedStep step) {
            heard.add("step " + step.version());
        }

        @Override
        public void onReleaseCompleted(ReleaseSummary release) {
            heard.add("completed " + release.outcome() + " " + release.appliedSteps().size() + " "
                    + release.environment() + " " + release.toVersion());
        }

        @Override
        public void onReleaseFailed(ReleaseSummary release, DrmException failure) {
            heard.add("failed " + release.outcome() + " " + failure.code());
        }

        @Override
        public void onUpToDate(ReleaseSummary release) {
            heard.add("up-to-date " + release.outcome() + " " + release.toVersion());
        }
    }

    /** Throws from every method. */
    static final class Throwing implements ReleaseListener {
        @Override
        public void onReleaseStarted(ReleaseSummary release) {
            throw new IllegalStateException("boom");
        }

        @Override
        public void onReleaseCompleted(ReleaseSummary release) {
            throw new IllegalStateException("boom");
        }

        @Override
        public void onUpToDate(ReleaseSummary release) {
            throw new IllegalStateException("boom");
        }
    }

    @OnEachDatabase
    void listeners_hear_a_release_then_an_up_to_date_startup(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir.resolve("db")).standard();
            Recording one = new Recording();
            Recording two = new Recording();
            DataRelease.Builder builder = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .environment("staging").listener(new Throwing()).listener(one).listener(two);

            builder.onStartup();
            builder.onStartup();

            assertThat(one.heard).containsExactly("started 3 STARTED", "step 1", "step 2", "step 3",
                    "completed APPLIED 3 staging 3", "up-to-date UP_TO_DATE 3");
            assertThat(two.heard).isEqualTo(one.heard);
        }
    }

    @OnEachDatabase
    void listeners_hear_a_failing_release_with_its_code(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir.resolve("db")).standard()
                    .add("V4__broken.sql", "ALTER TABLE no_such_table ADD x INT;\n");
            Recording heard = new Recording();
            DataRelease.Builder builder = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .listener(heard);

            assertThatThrownBy(builder::onStartup).isInstanceOf(MigrationFailedException.class);

            assertThat(heard.heard).containsExactly("started 4 STARTED", "failed FAILED DRM-CORE-009");
        }
    }

    @OnEachDatabase
    void listeners_hear_a_failure_before_any_release(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Recording heard = new Recording();
            DataRelease.Builder builder = DataRelease.configure().dataSource(db.dataSource())
                    .locations("classpath:db/no-such-location").listener(heard);

            assertThatThrownBy(builder::onStartup).isInstanceOf(DrmException.class);

            assertThat(heard.heard).hasSize(1).first().asString().startsWith("failed FAILED DRM-CORE-");
        }
    }
}
