package io.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.spi.AuditCheckpoint;
import io.drm.spi.AuditEvent;
import io.drm.spi.AuditSink;
import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine asks a checkpointing sink for a checkpoint at the end of a release. */
final class AuditCheckpointWiringTest {

    @TempDir
    Path dir;

    /** A sink whose checkpoint covers every event appended so far. */
    private static final class CheckpointingSink implements AuditSink {
        final List<AuditEvent> events = new ArrayList<>();
        final List<Integer> checkpointsAt = new ArrayList<>();
        boolean failCheckpoint;

        @Override
        public void append(AuditEvent event) {
            events.add(event);
        }

        @Override
        public Optional<AuditCheckpoint> checkpoint() {
            if (failCheckpoint) {
                throw new IllegalStateException("signing key unavailable");
            }
            checkpointsAt.add(events.size());
            return Optional.of(new AuditCheckpoint(events.size(), "ab".repeat(32), Instant.EPOCH, "0123456789abcdef"));
        }
    }

    @Test
    void release_completed_carries_the_checkpoint_taken_before_it() {
        try (TestDatabase db = TestDatabase.create(DbKind.H2)) {
            Migrations m = Migrations.in(dir).standard();
            CheckpointingSink sink = new CheckpointingSink();

            DataRelease.configure().dataSource(db.dataSource()).locations(m.location()).auditSink(sink).plan().apply();

            assertThat(sink.checkpointsAt).containsExactly(4);
            AuditEvent completed = sink.events.get(4);
            assertThat(completed.action()).isEqualTo("release.completed");
            assertThat(completed.details()).containsEntry("auditTreeSize", "4")
                    .containsEntry("auditRootHash", "ab".repeat(32)).containsEntry("auditKeyId", "0123456789abcdef");
        }
    }

    @Test
    void a_failed_release_also_ends_with_a_checkpoint() {
        try (TestDatabase db = TestDatabase.create(DbKind.H2)) {
            Migrations m = Migrations.in(dir).standard().add("V4__broken.sql", "CREATE TABLE broken (;\n");
            CheckpointingSink sink = new CheckpointingSink();

            assertThatThrownBy(() -> DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .auditSink(sink).plan().apply()).isInstanceOf(MigrationFailedException.class);

            AuditEvent failed = sink.events.get(sink.events.size() - 1);
            assertThat(failed.action()).isEqualTo("release.failed");
            assertThat(failed.details()).containsEntry("auditTreeSize", String.valueOf(sink.events.size() - 1));
        }
    }

    @Test
    void a_checkpoint_that_cannot_be_written_is_an_audit_failure_that_names_the_applied_release() {
        try (TestDatabase db = TestDatabase.create(DbKind.H2)) {
            Migrations m = Migrations.in(dir).standard();
            CheckpointingSink sink = new CheckpointingSink();
            sink.failCheckpoint = true;

            assertThatThrownBy(() -> DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .auditSink(sink).plan().apply())
                    .isInstanceOf(AuditException.class)
                    .hasMessageContaining(AuditException.CODE.id())
                    .hasMessageContaining("could not write a checkpoint: signing key unavailable")
                    .hasMessageContaining("was applied");
            assertThat(db.appliedVersions()).containsExactly("1", "2", "3");
        }
    }
}
