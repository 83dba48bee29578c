package io.drm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.AuditException;
import io.drm.DataRelease;
import io.drm.ReleaseResult;
import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release engine with a drm-audit sink: a signed checkpoint ends each release. */
final class EngineAuditWiringTest {

    @TempDir
    Path dir;

    @Test
    void release_completed_names_the_signed_checkpoint_taken_at_the_end_of_the_release() throws Exception {
        AuditSigningKey key = AuditSigningKey.generate(new SecureRandom());
        Path file = dir.resolve("log").resolve("audit.jsonl");
        Migrations m = Migrations.in(dir.resolve("db")).standard();
        try (TestDatabase db = TestDatabase.create(DbKind.H2);
                JsonLinesAuditSink sink = JsonLinesAuditSink.builder(file).signingKey(key).build()) {
            ReleaseResult result = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .environment("prod").actor("ci").auditSink(sink).plan().apply();
            assertThat(result.appliedSteps()).hasSize(3);
            assertThat(sink.size()).isEqualTo(5);
        }
        List<String> lines = java.nio.file.Files.readAllLines(file);
        AuditEntry completed = TamperSuiteTest.parse(lines.get(4)).entry();
        assertThat(completed.event().action()).isEqualTo("release.completed");
        assertThat(completed.event().details()).containsEntry("auditTreeSize", "4")
                .containsEntry("auditKeyId", key.keyId());
        Checkpoint named = new TamperableLog.Files1(file).checkpoints().stream().filter(c -> c.treeSize() == 4)
                .findFirst().orElseThrow();
        assertThat(completed.event().details()).containsEntry("auditRootHash", named.rootHash());

        VerificationReport report = AuditVerifier.forFiles(file).trusting(TrustedKeys.of(key.publicKey())).verify();
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.latestCheckpoint().treeSize()).isEqualTo(5);
        assertThat(AuditVerifier.forFiles(file).inclusionProof(2, named).verify(TrustedKeys.of(key.publicKey())))
                .isTrue();
    }

    @Test
    void a_sink_that_cannot_write_stops_the_release_before_anything_is_applied() {
        Path file = dir.resolve("audit.jsonl");
        Migrations m = Migrations.in(dir.resolve("db")).standard();
        JsonLinesAuditSink sink = JsonLinesAuditSink.open(file);
        sink.close();
        try (TestDatabase db = TestDatabase.create(DbKind.H2)) {
            assertThatThrownBy(() -> DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .auditSink(sink).plan().apply())
                    .isInstanceOf(AuditException.class)
                    .hasMessageContaining("release.started")
                    .hasRootCauseInstanceOf(AuditStoreException.class);
            assertThat(db.tableExists("customer")).isFalse();
        }
    }
}
