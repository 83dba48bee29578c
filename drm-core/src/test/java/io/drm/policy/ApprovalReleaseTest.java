package io.drm.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.Approval;
import io.drm.DataRelease;
import io.drm.Finding;
import io.drm.Policy;
import io.drm.PolicyViolationException;
import io.drm.ReleasePlan;
import io.drm.ReleaseResult;
import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.RecordingSink;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.io.TempDir;

/** require-approval over the SQL lint's findings: non-breaking plans flow, breaking ones stop for a person. */
final class ApprovalReleaseTest {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @TempDir
    Path dir;

    private static DataRelease.Builder prod(TestDatabase db, Migrations m, RecordingSink sink, KeyPair alice) {
        return DataRelease.configure().dataSource(db.dataSource()).locations(m.location()).environment("prod")
                .auditSink(sink).clock(Clock.fixed(NOW, ZoneOffset.UTC)).approver("prod", "alice", alice.getPublic())
                .policies(Policy.requireApproval("prod"));
    }

    @OnEachDatabase
    void a_non_breaking_plan_is_auto_approved(DbKind kind) throws Exception {
        KeyPair alice = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        try (TestDatabase db = TestDatabase.create(kind)) {
            RecordingSink sink = RecordingSink.recording();
            ReleasePlan plan = prod(db, Migrations.in(dir).standard(), sink, alice).plan();
            assertThat(plan.findings()).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.category()).isNotIn(Finding.Category.BREAKING,
                            Finding.Category.DEPENDENCY, Finding.Category.DATA_DESTRUCTIVE));
            assertThat(plan.violations()).isEmpty();
            assertThat(plan.apply().outcome()).isEqualTo(ReleaseResult.Outcome.APPLIED);
            assertThat(sink.actions()).doesNotContain("policy.violation", "approval.granted", "policy.waived");
        }
    }

    @OnEachDatabase
    void a_breaking_plan_is_blocked_then_applied_with_an_approval(DbKind kind) throws Exception {
        KeyPair alice = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        try (TestDatabase db = TestDatabase.create(kind)) {
            RecordingSink sink = RecordingSink.recording();
            Migrations m = Migrations.in(dir).standard();
            prod(db, m, sink, alice).plan().apply();
            m.add("V4__drop_email.sql", "ALTER TABLE customer DROP COLUMN email;\n");
            DataRelease.Builder b = prod(db, m, sink, alice);
            ReleasePlan plan = b.plan();
            assertThat(plan.findings()).extracting(Finding::rule).contains("drop-column");
            assertThat(plan.violations()).singleElement().satisfies(v -> {
                assertThat(v.rule()).isEqualTo("require-approval");
                assertThat(v.message()).contains("drop-column", "V4__drop_email.sql:1");
            });
            assertThatThrownBy(plan::apply).isInstanceOf(PolicyViolationException.class)
                    .hasMessageStartingWith("DRM-POLICY-010").hasMessageContaining("Approval.sign");
            assertThatThrownBy(b::onStartup).isInstanceOf(PolicyViolationException.class)
                    .hasMessageStartingWith("DRM-POLICY-010");
            assertThat(db.appliedVersions()).containsExactly("1", "2", "3");

            ReleaseResult r = plan.apply(Approval.sign(plan, "alice", "email moved to contact", NOW,
                    alice.getPrivate()));
            assertThat(r.outcome()).isEqualTo(ReleaseResult.Outcome.APPLIED);
            assertThat(db.appliedVersions()).containsExactly("1", "2", "3", "4");
            assertThat(sink.actions()).containsSubsequence("approval.granted", "policy.waived", "release.started");
        }
    }
}
